/**
 * The client-side picture of a shop's Admin API leaky bucket, kept from each response's
 * `extensions.cost.throttleStatus`, so the gateway waits *before* Shopify would throttle.
 * Pure: time is passed in.
 */
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface BucketSnapshot extends ThrottleStatus {
  observedAtMs: number;
}

/** Points available at `nowMs`, given what the last response said. */
export function availableAt(snapshot: BucketSnapshot, nowMs: number): number {
  const restored = ((nowMs - snapshot.observedAtMs) / 1000) * snapshot.restoreRate;
  return Math.min(snapshot.maximumAvailable, snapshot.currentlyAvailable + restored);
}

/** Milliseconds to wait before a request costing `cost` fits the bucket (0 = send now). */
export function waitBeforeMs(snapshot: BucketSnapshot | undefined, cost: number, nowMs: number) {
  if (!snapshot) return 0;
  const needed = Math.min(cost, snapshot.maximumAvailable);
  const missing = needed - availableAt(snapshot, nowMs);
  return missing <= 0 ? 0 : Math.ceil((missing / snapshot.restoreRate) * 1000);
}

/** After the request ran: what the bucket holds now, per the platform. */
export function observe(status: ThrottleStatus, nowMs: number): BucketSnapshot {
  return { ...status, observedAtMs: nowMs };
}

/** Local reservation: a request we are about to send takes its cost out of our estimate. */
export function reserve(snapshot: BucketSnapshot, cost: number, nowMs: number): BucketSnapshot {
  return {
    ...snapshot,
    currentlyAvailable: availableAt(snapshot, nowMs) - cost,
    observedAtMs: nowMs,
  };
}
