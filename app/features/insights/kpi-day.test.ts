import { describe, expect, it } from "vitest";
import { dayKey, dayKeysBetween, dayNumber, parseInstant, ShopDayClock } from "./kpi-day";

const HOUR = 3_600_000;

function hoursIn(clock: ShopDayClock, key: string): number {
  const { startMs, endMs } = clock.bounds(dayNumber(key));
  return (endMs - startMs) / HOUR;
}

describe("ShopDayClock", () => {
  const stockholm = new ShopDayClock("Europe/Stockholm");

  it("GIVEN an order at 23:30 UTC in Stockholm WHEN mapped to a day THEN it lands on the next local day", () => {
    expect(stockholm.dayKeyOf(Date.parse("2026-01-14T23:30:00Z"))).toBe("2026-01-15");
    expect(stockholm.dayKeyOf(Date.parse("2026-07-14T21:59:59Z"))).toBe("2026-07-14");
    expect(stockholm.dayKeyOf(Date.parse("2026-07-14T22:00:00Z"))).toBe("2026-07-15");
  });

  it("GIVEN the spring-forward day THEN it has 23 hours and starts at local midnight (CET)", () => {
    expect(hoursIn(stockholm, "2026-03-29")).toBe(23);
    expect(stockholm.bounds(dayNumber("2026-03-29")).startMs).toBe(
      Date.parse("2026-03-28T23:00:00Z"),
    );
    expect(stockholm.bounds(dayNumber("2026-03-30")).startMs).toBe(
      Date.parse("2026-03-29T22:00:00Z"),
    );
  });

  it("GIVEN the fall-back day THEN it has 25 hours and both 02:30s belong to it", () => {
    expect(hoursIn(stockholm, "2026-10-25")).toBe(25);
    expect(stockholm.dayKeyOf(Date.parse("2026-10-25T00:30:00Z"))).toBe("2026-10-25"); // 02:30 CEST
    expect(stockholm.dayKeyOf(Date.parse("2026-10-25T01:30:00Z"))).toBe("2026-10-25"); // 02:30 CET
    expect(stockholm.dayKeyOf(Date.parse("2026-10-25T22:59:59.999Z"))).toBe("2026-10-25");
    expect(stockholm.dayKeyOf(Date.parse("2026-10-25T23:00:00Z"))).toBe("2026-10-26");
  });

  it("GIVEN instants in random order THEN every one matches Intl's local date", () => {
    const zones = [
      "Europe/Stockholm",
      "America/New_York",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "Pacific/Chatham",
    ];
    for (const zone of zones) {
      const clock = new ShopDayClock(zone);
      const intl = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
      let x = 12345;
      for (let i = 0; i < 400; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        const ms = Date.parse("2025-01-01T00:00:00Z") + (x % (2 * 365 * 24 * 60)) * 60_000;
        expect(clock.dayKeyOf(ms), `${zone} ${new Date(ms).toISOString()}`).toBe(intl.format(ms));
      }
    }
  });

  it("GIVEN a zone that skipped midnight (São Paulo 2018-11-04) THEN the day starts at the jump", () => {
    const saoPaulo = new ShopDayClock("America/Sao_Paulo");
    const { startMs } = saoPaulo.bounds(dayNumber("2018-11-04"));
    expect(new Date(startMs).toISOString()).toBe("2018-11-04T03:00:00.000Z");
    expect(saoPaulo.dayKeyOf(startMs - 1)).toBe("2018-11-03");
    expect(hoursIn(saoPaulo, "2018-11-04")).toBe(23);
  });

  it("GIVEN a half-hour zone THEN the day starts at 18:30 UTC the day before", () => {
    const kolkata = new ShopDayClock("Asia/Kolkata");
    expect(new Date(kolkata.bounds(dayNumber("2026-10-01")).startMs).toISOString()).toBe(
      "2026-09-30T18:30:00.000Z",
    );
  });

  it("GIVEN an unknown zone THEN the clock refuses it", () => {
    expect(() => new ShopDayClock("Mars/Olympus")).toThrow(RangeError);
  });
});

describe("day keys", () => {
  it("GIVEN keys THEN numbers round-trip and ranges are inclusive", () => {
    expect(dayKey(dayNumber("2024-02-29"))).toBe("2024-02-29");
    expect(dayKeysBetween("2026-02-27", "2026-03-02")).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    expect(dayKeysBetween("2026-03-02", "2026-03-01")).toEqual([]);
  });

  it("GIVEN a date that does not exist THEN dayNumber throws", () => {
    expect(() => dayNumber("2026-02-30")).toThrow(RangeError);
    expect(() => dayNumber("2026-2-3")).toThrow(RangeError);
  });

  it("GIVEN instants THEN only zoned ISO-8601 parses", () => {
    expect(parseInstant("2026-03-29T00:30:00Z")).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(parseInstant("2026-03-29T02:30:00+02:00")).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(parseInstant("2026-03-29T00:30:00")).toBeNaN();
    expect(parseInstant("yesterday")).toBeNaN();
  });
});
