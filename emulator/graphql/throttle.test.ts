import { describe, expect, it } from "vitest";
import type { RateLimitBucket } from "../store/types";
import { refund, resizeBucket, throttleStatus, tryConsume } from "./throttle";

const bucket = (): RateLimitBucket => ({
  maximumAvailable: 2000,
  restoreRate: 100,
  currentlyAvailable: 2000,
  refilledAtMs: 0,
});

describe("leaky bucket", () => {
  it("GIVEN a full bucket WHEN a cost beyond what is left is asked THEN it is refused and nothing is taken", () => {
    const b = bucket();
    expect(tryConsume(b, 1500, 0)).toBe(true);
    expect(tryConsume(b, 600, 0)).toBe(false);
    expect(throttleStatus(b).currentlyAvailable).toBe(500);
  });

  it("GIVEN a drained bucket WHEN 2 s pass THEN 200 points are back", () => {
    const b = bucket();
    tryConsume(b, 2000, 0);
    expect(tryConsume(b, 200, 2000)).toBe(true);
    expect(throttleStatus(b).currentlyAvailable).toBe(0);
  });

  it("GIVEN a long idle time WHEN refilled THEN it never exceeds the maximum", () => {
    const b = bucket();
    tryConsume(b, 10, 0);
    tryConsume(b, 0, 3_600_000);
    expect(b.currentlyAvailable).toBe(2000);
  });

  it("GIVEN an actual cost below the requested WHEN refunded THEN the difference returns", () => {
    const b = bucket();
    tryConsume(b, 100, 0);
    refund(b, 70);
    expect(throttleStatus(b).currentlyAvailable).toBe(1970);
  });

  it("GIVEN a plan change WHEN resized THEN the new limits apply and available points are capped", () => {
    const b = {
      ...bucket(),
      maximumAvailable: 20000,
      restoreRate: 1000,
      currentlyAvailable: 20000,
    };
    resizeBucket(b, { maximumAvailable: 2000, restoreRate: 100 }, 0);
    expect(throttleStatus(b)).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000,
      restoreRate: 100,
    });
  });
});
