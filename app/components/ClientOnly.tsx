import { useEffect, useState, type ReactNode } from "react";

/** Renders children only after hydration (polaris-viz touches `window` while rendering). */
export function ClientOnly({
  children,
  fallback = null,
}: {
  children: () => ReactNode;
  fallback?: ReactNode;
}) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return <>{mounted ? children() : fallback}</>;
}
