import { describe, expect, it } from "vitest";
import type { DayKpis } from "./kpi-aggregates";
import { dailyTimeline, sessionsAccess, sessionsFromShopifyql } from "./kpi-daily";

const day = (date: string, orders: number): DayKpis => ({
  date,
  grossSales: 100n * BigInt(orders),
  discounts: 0n,
  returns: 0n,
  netSales: 100n * BigInt(orders),
  averageOrderValue: orders ? 100n : 0n,
  orders,
  units: orders,
  returnedUnits: 0,
});

describe("daily KPI timeline", () => {
  it("GIVEN sessions from ShopifyQL THEN every day in the range carries sales and sessions", () => {
    const sessions = sessionsFromShopifyql({
      parseErrors: [],
      tableData: { rows: [{ day: "2026-10-01", sessions: "200", conversion_rate: "0.0150" }] },
    });
    const { rows, sessionsUnavailable } = dailyTimeline(
      [day("2026-10-01", 3)],
      sessions,
      "2026-10-01",
      "2026-10-02",
    );
    expect(sessionsUnavailable).toBeNull();
    expect(rows.map((r) => [r.date, r.orders, r.sessions, r.conversionRate])).toEqual([
      ["2026-10-01", 3, 200, 0.015],
      ["2026-10-02", 0, 0, null],
    ]);
  });

  it("GIVEN no read_reports THEN sessions are null and the reason says why", () => {
    const reason = sessionsAccess(["read_orders"], true);
    expect(reason).toBe("scope-not-granted");
    expect(sessionsAccess(["read_reports"], false)).toBe("protected-data-not-approved");
    expect(sessionsAccess(["read_reports"], true)).toBeNull();
    const { rows, sessionsUnavailable } = dailyTimeline(
      [day("2026-10-01", 1)],
      { available: false, reason: reason! },
      "2026-10-01",
      "2026-10-01",
    );
    expect(sessionsUnavailable).toBe("scope-not-granted");
    expect(rows[0]).toMatchObject({ orders: 1, sessions: null, conversionRate: null });
  });

  it("GIVEN a ShopifyQL parse error or odd rows THEN sessions are unavailable (query-failed)", () => {
    expect(sessionsFromShopifyql({ parseErrors: ["bad"], tableData: null })).toEqual({
      available: false,
      reason: "query-failed",
    });
    expect(
      sessionsFromShopifyql({
        parseErrors: [],
        tableData: { rows: [{ day: "2026-10-01", sessions: "x" }] },
      }),
    ).toEqual({
      available: false,
      reason: "query-failed",
    });
  });
});
