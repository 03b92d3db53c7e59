import { describe, expect, it } from "vitest";
import { formatLocal, fromLocal, parseLocal, toLocal } from "./zoned-time";

const STOCKHOLM = "Europe/Stockholm";
const local = (text: string) => parseLocal(text)!;

describe("wall-clock time in the shop's zone", () => {
  it("GIVEN an ordinary winter time THEN it resolves with the CET offset", () => {
    const { instant, adjustment } = fromLocal(local("2026-11-27T09:00"), STOCKHOLM);
    expect(instant.toISOString()).toBe("2026-11-27T08:00:00.000Z");
    expect(adjustment).toBe("none");
  });

  it("GIVEN 02:30 on the night clocks jump forward THEN it moves to 03:30 summer time and says so", () => {
    const { instant, adjustment } = fromLocal(local("2026-03-29T02:30"), STOCKHOLM);
    expect(instant.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(formatLocal(toLocal(instant, STOCKHOLM))).toBe("2026-03-29T03:30");
    expect(adjustment).toBe("skipped-forward");
  });

  it("GIVEN 02:30 on the night clocks go back THEN the first (summer-time) occurrence is meant and flagged", () => {
    const { instant, adjustment } = fromLocal(local("2026-10-25T02:30"), STOCKHOLM);
    expect(instant.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(adjustment).toBe("ambiguous-first");
  });

  it("GIVEN a zone west of UTC THEN the instant is later than the wall-clock time", () => {
    const { instant } = fromLocal(local("2026-07-01T12:00"), "America/New_York");
    expect(instant.toISOString()).toBe("2026-07-01T16:00:00.000Z");
  });

  it("GIVEN an instant THEN it round-trips through the local time", () => {
    const instant = new Date("2026-06-15T21:45:00Z");
    expect(fromLocal(toLocal(instant, STOCKHOLM), STOCKHOLM).instant).toEqual(instant);
  });

  it("GIVEN an impossible date THEN it is not parsed", () => {
    expect(parseLocal("2026-02-30T10:00")).toBeNull();
    expect(parseLocal("2026-02-10 25:00")).toBeNull();
  });
});
