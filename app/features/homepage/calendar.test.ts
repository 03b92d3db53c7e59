import { describe, expect, it } from "vitest";
import { shiftAnchor, touchesDay, visibleDays, weekStart } from "./calendar";

describe("campaign calendar layout", () => {
  it("GIVEN a Friday THEN its week starts on Monday", () => {
    expect(weekStart("2026-11-27")).toBe("2026-11-23");
  });
  it("GIVEN November 2026 THEN the month view shows whole weeks from Monday Oct 26", () => {
    const days = visibleDays("month", "2026-11-15");
    expect(days[0]).toBe("2026-10-26");
    expect(days.at(-1)).toBe("2026-12-06");
    expect(days.length % 7).toBe(0);
  });
  it("GIVEN a campaign ending at midnight THEN it does not touch that day", () => {
    const c = { id: "a", startsLocal: "2026-11-23T00:00", endsLocal: "2026-11-28T00:00" };
    expect(touchesDay(c, "2026-11-27")).toBe(true);
    expect(touchesDay(c, "2026-11-28")).toBe(false);
  });
  it("GIVEN an open-ended campaign THEN it touches every later day", () => {
    expect(
      touchesDay({ id: "a", startsLocal: "2026-12-01T08:00", endsLocal: "" }, "2027-06-01"),
    ).toBe(true);
  });
  it("GIVEN January THEN the previous month is December of the year before", () => {
    expect(shiftAnchor("month", "2027-01-15", -1)).toBe("2026-12-01");
  });
});
