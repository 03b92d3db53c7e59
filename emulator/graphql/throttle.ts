import type { RateLimitBucket } from "../store/types";

/**
 * The per app × shop leaky bucket (SHOPIFY-PLATFORM.md §7). It refills continuously in real time
 * (not emulator time: throttling is about how fast the app calls, not about the business clock).
 */

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** Brings `currentlyAvailable` up to date with the time elapsed since the last refill. */
export function refill(bucket: RateLimitBucket, nowMs: number): void {
  const elapsedMs = Math.max(0, nowMs - bucket.refilledAtMs);
  bucket.currentlyAvailable = Math.min(
    bucket.maximumAvailable,
    bucket.currentlyAvailable + (elapsedMs / 1000) * bucket.restoreRate,
  );
  bucket.refilledAtMs = nowMs;
}

/** Takes `cost` points if the bucket holds them; false (and nothing taken) otherwise. */
export function tryConsume(bucket: RateLimitBucket, cost: number, nowMs: number): boolean {
  refill(bucket, nowMs);
  if (cost > bucket.currentlyAvailable) return false;
  bucket.currentlyAvailable -= cost;
  return true;
}

/** Gives back the difference between requested and actual cost. */
export function refund(bucket: RateLimitBucket, points: number): void {
  if (points <= 0) return;
  bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, bucket.currentlyAvailable + points);
}

export function throttleStatus(bucket: RateLimitBucket): ThrottleStatus {
  return {
    maximumAvailable: bucket.maximumAvailable,
    currentlyAvailable: Math.floor(bucket.currentlyAvailable),
    restoreRate: bucket.restoreRate,
  };
}

/** Changes plan limits in place, keeping the points already available (capped to the new size). */
export function resizeBucket(
  bucket: RateLimitBucket,
  limits: { maximumAvailable: number; restoreRate: number },
  nowMs: number,
): void {
  refill(bucket, nowMs);
  bucket.maximumAvailable = limits.maximumAvailable;
  bucket.restoreRate = limits.restoreRate;
  bucket.currentlyAvailable = Math.min(bucket.currentlyAvailable, limits.maximumAvailable);
}
