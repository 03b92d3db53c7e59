import { localPlatformNow } from "../../shopify/storefront.server";

/** How long a read of the running emulator clock's offset is reused (changes only when advanced). */
const OFFSET_TTL_MS = 1_000;
let cached: { offsetMs: number; readAt: number } | null = null;

/**
 * The scheduler's clock (docs/decisions/032-app-clock-and-due-check.md): real time against
 * Shopify; the emulator's clock when the Admin API is the local emulator (demo, tests, bench),
 * so advancing the emulator clock makes switches come due exactly as time passing would.
 */
export async function appNow(): Promise<Date> {
  const real = Date.now();
  if (cached && real - cached.readAt < OFFSET_TTL_MS) return new Date(real + cached.offsetMs);
  const platform = await localPlatformNow();
  if (!platform) return new Date(real);
  // A frozen clock does not move with real time: never extrapolate it.
  cached = platform.frozen
    ? null
    : { offsetMs: platform.now.getTime() - Date.now(), readAt: Date.now() };
  return platform.now;
}

/**
 * Drops the cached emulator-clock offset, so the next `appNow()` reads the clock again. For
 * callers that just moved the emulator clock themselves (tests); otherwise a move shows within
 * OFFSET_TTL_MS.
 */
export function forgetClockOffset(): void {
  cached = null;
}
