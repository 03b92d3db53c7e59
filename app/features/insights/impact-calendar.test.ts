import { describe, expect, it } from "vitest";
import {
  blackFriday,
  easterSunday,
  formatIsoDay,
  holidayOf,
  midsummerEve,
  parseIsoDay,
  weekdayOf,
} from "./impact-calendar";

const day = (text: string) => parseIsoDay(text)!;

describe("impact calendar", () => {
  it("GIVEN ISO dates WHEN parsed and formatted THEN they round-trip and impossible dates are rejected", () => {
    expect(formatIsoDay(day("2026-11-27"))).toBe("2026-11-27");
    expect(day("1970-01-02")).toBe(1);
    expect(parseIsoDay("2025-02-30")).toBeNull();
    expect(parseIsoDay("2025-2-3")).toBeNull();
    expect(parseIsoDay("yesterday")).toBeNull();
  });

  it("GIVEN known dates WHEN asking the weekday THEN Sunday is 0 and Saturday 6", () => {
    expect(weekdayOf(day("1970-01-01"))).toBe(4);
    expect(weekdayOf(day("2026-11-29"))).toBe(0);
    expect(weekdayOf(day("2026-11-28"))).toBe(6);
    expect(weekdayOf(day("1969-12-28"))).toBe(0);
  });

  it("GIVEN a year WHEN computing Black Friday THEN it is the day after the fourth Thursday of November", () => {
    expect(formatIsoDay(blackFriday(2024))).toBe("2024-11-29");
    expect(formatIsoDay(blackFriday(2025))).toBe("2025-11-28");
    expect(formatIsoDay(blackFriday(2026))).toBe("2026-11-27");
    expect(formatIsoDay(blackFriday(2029))).toBe("2029-11-23");
  });

  it("GIVEN a year WHEN computing Easter and Midsummer THEN they match the Swedish almanac", () => {
    expect(formatIsoDay(easterSunday(2024))).toBe("2024-03-31");
    expect(formatIsoDay(easterSunday(2025))).toBe("2025-04-20");
    expect(formatIsoDay(easterSunday(2026))).toBe("2026-04-05");
    expect(formatIsoDay(midsummerEve(2025))).toBe("2025-06-20");
    expect(formatIsoDay(midsummerEve(2026))).toBe("2026-06-19");
  });

  it("GIVEN days around Black Week and Christmas WHEN classified THEN each gets its retail-calendar type", () => {
    expect(holidayOf(day("2026-11-23"))).toBe("black-week");
    expect(holidayOf(day("2026-11-27"))).toBe("black-friday");
    expect(holidayOf(day("2026-11-29"))).toBe("black-weekend");
    expect(holidayOf(day("2026-11-30"))).toBe("cyber-monday");
    // 2025: Cyber Monday falls on 1 December and still wins over the Christmas season.
    expect(holidayOf(day("2025-12-01"))).toBe("cyber-monday");
    expect(holidayOf(day("2026-12-01"))).toBe("christmas-shopping");
    expect(holidayOf(day("2026-12-21"))).toBe("christmas-last-orders");
    expect(holidayOf(day("2026-12-24"))).toBe("christmas-eve");
    expect(holidayOf(day("2026-12-26"))).toBe("boxing-day");
    expect(holidayOf(day("2026-12-28"))).toBe("mellandagsrea");
    expect(holidayOf(day("2026-12-31"))).toBe("new-years-eve");
    expect(holidayOf(day("2027-01-01"))).toBe("new-years-day");
    expect(holidayOf(day("2027-01-05"))).toBe("january-sale");
    expect(holidayOf(day("2027-01-07"))).toBeNull();
  });

  it("GIVEN spring and summer days WHEN classified THEN Easter, Ascension and Midsummer are found and ordinary days are not", () => {
    expect(holidayOf(day("2026-04-03"))).toBe("easter");
    expect(holidayOf(day("2026-04-06"))).toBe("easter");
    expect(holidayOf(day("2026-04-07"))).toBeNull();
    expect(holidayOf(day("2026-05-14"))).toBe("ascension-day");
    expect(holidayOf(day("2026-06-19"))).toBe("midsummer");
    expect(holidayOf(day("2026-06-20"))).toBe("midsummer");
    expect(holidayOf(day("2026-06-21"))).toBeNull();
    expect(holidayOf(day("2026-11-20"))).toBeNull();
  });
});
