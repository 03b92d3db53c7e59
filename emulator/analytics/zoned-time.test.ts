import { describe, expect, it } from "vitest";
import { addMonths, isCalendarDate, localDate, startOfLocalDay } from "./zoned-time";

describe("zoned-time", () => {
  it("GIVEN Stockholm in summer WHEN a local day starts THEN it is 22:00 UTC the day before", () => {
    expect(new Date(startOfLocalDay("2026-07-01", "Europe/Stockholm")).toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
  });

  it("GIVEN the day DST ends in Stockholm WHEN its start and the next are computed THEN the day lasts 25 hours", () => {
    const start = startOfLocalDay("2026-10-25", "Europe/Stockholm");
    const next = startOfLocalDay("2026-10-26", "Europe/Stockholm");
    expect((next - start) / 3_600_000).toBe(25);
  });

  it("GIVEN an instant just after local midnight WHEN its local date is taken THEN it is the local day, not the UTC day", () => {
    expect(localDate(Date.parse("2026-10-30T23:30:00Z"), "Europe/Stockholm")).toBe("2026-10-31");
  });

  it("GIVEN March 31 WHEN one month is subtracted THEN the day clamps to the end of February", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("GIVEN February 30 WHEN checked THEN it is not a calendar date", () => {
    expect(isCalendarDate("2026-02-30")).toBe(false);
  });
});
