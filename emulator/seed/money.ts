import type { Decimal } from "../store/types";

/**
 * Money is computed in integer minor units (öre) and stored as decimal strings ("499.00"). Common
 * amounts repeat a great deal across a million orders, so their strings are interned: one shared
 * string per amount keeps the large store's heap small.
 */
const INTERN_LIMIT = 2_000_000; // 20,000.00 in minor units; larger amounts are rare
const interned = new Map<number, Decimal>();

export function formatCents(cents: number): Decimal {
  const rounded = Math.round(cents);
  if (rounded >= 0 && rounded < INTERN_LIMIT) {
    const hit = interned.get(rounded);
    if (hit !== undefined) return hit;
    const text = toDecimal(rounded);
    interned.set(rounded, text);
    return text;
  }
  return toDecimal(rounded);
}

function toDecimal(cents: number): Decimal {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const minor = abs % 100;
  return `${sign}${(abs - minor) / 100}.${minor < 10 ? "0" : ""}${minor}`;
}

/** "499.00" -> 49900. Accepts what `formatCents` writes and plain decimals like "12.5". */
export function parseCents(amount: Decimal): number {
  return Math.round(Number.parseFloat(amount) * 100);
}
