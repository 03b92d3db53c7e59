import { describe, expect, it } from "vitest";
import { availableAt, observe, reserve, waitBeforeMs } from "./throttle";

const standard = { maximumAvailable: 2000, restoreRate: 100 };

describe("client-side bucket", () => {
  it("GIVEN 100 points left WHEN 2 s pass THEN 300 are available, capped at the maximum", () => {
    const snapshot = observe({ ...standard, currentlyAvailable: 100 }, 0);
    expect(availableAt(snapshot, 2000)).toBe(300);
    expect(availableAt(snapshot, 60_000)).toBe(2000);
  });

  it("GIVEN 50 points left WHEN a 250-point query is due THEN it waits the 2 s the bucket needs", () => {
    const snapshot = observe({ ...standard, currentlyAvailable: 50 }, 0);
    expect(waitBeforeMs(snapshot, 250, 0)).toBe(2000);
    expect(waitBeforeMs(snapshot, 250, 2000)).toBe(0);
  });

  it("GIVEN no response seen yet THEN nothing waits", () => {
    expect(waitBeforeMs(undefined, 1000, 0)).toBe(0);
  });

  it("GIVEN a reservation THEN the next request sees the points as spent", () => {
    const snapshot = reserve(observe({ ...standard, currentlyAvailable: 500 }, 0), 400, 0);
    expect(waitBeforeMs(snapshot, 200, 0)).toBe(1000);
  });
});
