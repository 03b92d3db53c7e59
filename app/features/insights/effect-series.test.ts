import { describe, expect, it } from "vitest";
import {
  denseSeries,
  actionWindow,
  dailyColumns,
  gradeExpectation,
  kpiSeries,
  type StoredDay,
} from "./effect-series";
import { ShopDayClock } from "./kpi-day";

const day = (date: string, orders: number, sessions: number | null): StoredDay => ({
  date,
  grossSales: BigInt(orders) * 500_000_000n,
  discounts: -BigInt(orders) * 50_000_000n,
  returns: -10_000_000n,
  orders,
  units: orders * 2,
  returnedUnits: 0,
  sessions,
  convertedSessions: sessions === null ? null : orders,
});

describe("daily columns for the estimator", () => {
  it("GIVEN stored days with a gap THEN the gap is a zero-sales day and sessions stay missing", () => {
    const columns = dailyColumns(
      [day("2026-03-01", 10, 400), day("2026-03-03", 20, 800)],
      "2026-03-01",
      "2026-03-03",
    );
    expect(columns.orders).toEqual([10, 0, 20]);
    expect(columns.netSales).toEqual([4490, 0, 8990]);
    expect(columns.sessions).toEqual([400, null, 800]);
  });

  it("GIVEN AOV and conversion THEN they are ratios of their numerator and denominator", () => {
    const columns = dailyColumns([day("2026-03-01", 10, 400)], "2026-03-01", "2026-03-01");
    expect(kpiSeries("average_order_value", columns)).toEqual({
      kind: "ratio",
      numerator: [4500],
      denominator: [10],
    });
    expect(kpiSeries("conversion_rate", columns)).toEqual({
      kind: "ratio",
      numerator: [10],
      denominator: [400],
    });
  });
});

describe("action windows in the shop's zone", () => {
  const clock = new ShopDayClock("Europe/Stockholm");
  it("GIVEN a range ending at local midnight THEN its last day is the day before", () => {
    const window = actionWindow(clock, {
      startedAt: new Date("2026-03-01T23:00:00Z"), // 2 March 00:00 in Stockholm
      endedAt: new Date("2026-03-15T23:00:00Z"),
    });
    expect(window).toEqual({ start: "2026-03-02", end: "2026-03-15" });
  });

  it("GIVEN a point in time THEN the window is the 14 days from it", () => {
    expect(
      actionWindow(clock, { startedAt: new Date("2026-06-10T10:00:00Z"), endedAt: null }),
    ).toEqual({
      start: "2026-06-10",
      end: "2026-06-23",
    });
  });
});

describe("expected vs actual", () => {
  const estimate = (
    verdict: "increase" | "decrease" | "no-detectable-effect",
    point: number,
    lower: number,
    upper: number,
  ) => ({ verdict, point, lower, upper });
  it("GIVEN +10 % expected and +8 % [+3, +13] measured THEN it is as expected", () => {
    expect(
      gradeExpectation(
        { direction: "increase", size: 0.1 },
        estimate("increase", 0.08, 0.03, 0.13),
      ),
    ).toBe("as-expected");
  });
  it("GIVEN +20 % expected and +5 % [+1, +9] measured THEN it was smaller than expected", () => {
    expect(
      gradeExpectation(
        { direction: "increase", size: 0.2 },
        estimate("increase", 0.05, 0.01, 0.09),
      ),
    ).toBe("smaller-than-expected");
  });
  it("GIVEN an increase expected and a decrease measured THEN it is the opposite", () => {
    expect(
      gradeExpectation(
        { direction: "increase", size: null },
        estimate("decrease", -0.1, -0.15, -0.05),
      ),
    ).toBe("opposite");
  });
  it("GIVEN an interval including zero THEN nothing was detected", () => {
    expect(
      gradeExpectation(
        { direction: "increase", size: null },
        estimate("no-detectable-effect", 0.02, -0.05, 0.09),
      ),
    ).toBe("not-detected");
  });
});

describe("a date-keyed series as the estimator's values", () => {
  it("GIVEN sales on some days WHEN made dense THEN days without a row are 0 and days outside are dropped", () => {
    const byDate = new Map([
      ["2026-03-01", 10],
      ["2026-03-03", 5],
      ["2026-04-01", 99],
    ]);
    expect(denseSeries(byDate, "2026-03-01", "2026-03-04")).toEqual([10, 0, 5, 0]);
  });
});
