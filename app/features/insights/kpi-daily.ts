import type { DayKpis } from "./kpi-aggregates";
import { dayKeysBetween } from "./kpi-day";

/**
 * The daily KPI timeline: sales KPIs from orders (kpi-aggregates.ts) joined with sessions and
 * conversion rate from ShopifyQL (`FROM sessions SHOW sessions, conversion_rate TIMESERIES day`).
 *
 * Sessions exist only in Shopify analytics, and `shopifyqlQuery` needs the `read_reports` scope
 * plus approved Level 2 protected customer data. When they are unavailable the rows still carry
 * the sales KPIs, with sessions and conversion rate null and a reason code the UI words.
 * Conversion rate is Shopify's (sessions that completed checkout / sessions), not orders /
 * sessions: orders include POS and draft orders that had no session.
 */

export type SessionsUnavailableReason =
  /** The merchant has not granted `read_reports`. */
  | "scope-not-granted"
  /** `read_reports` granted, but protected customer data access is not approved. */
  | "protected-data-not-approved"
  /** The query came back with parse errors or no table. */
  | "query-failed"
  /** Not fetched yet for this range. */
  | "not-synced";

export type SessionsSource =
  | { available: true; byDate: ReadonlyMap<string, { sessions: number; conversionRate: number }> }
  | { available: false; reason: SessionsUnavailableReason };

export interface DailyKpiRow extends DayKpis {
  sessions: number | null;
  /** Ratio (0.0213 = 2.13 %), null when sessions are unavailable or there were none. */
  conversionRate: number | null;
}

export interface DailyKpiTimeline {
  rows: DailyKpiRow[];
  sessionsUnavailable: SessionsUnavailableReason | null;
}

/** What a granted-scopes list says about ShopifyQL access (before trying a query). */
export function sessionsAccess(
  grantedScopes: readonly string[],
  protectedDataApproved: boolean,
): SessionsUnavailableReason | null {
  if (!grantedScopes.includes("read_reports")) return "scope-not-granted";
  if (!protectedDataApproved) return "protected-data-not-approved";
  return null;
}

interface ShopifyqlResponse {
  tableData: { rows: unknown } | null;
  parseErrors: readonly string[];
}

/**
 * Reads a `FROM sessions SHOW sessions, conversion_rate TIMESERIES day` response: rows are
 * objects keyed by column name with string values.
 */
export function sessionsFromShopifyql(response: ShopifyqlResponse | null): SessionsSource {
  if (!response || response.parseErrors.length || !response.tableData) {
    return { available: false, reason: "query-failed" };
  }
  const rows = response.tableData.rows;
  if (!Array.isArray(rows)) return { available: false, reason: "query-failed" };
  const byDate = new Map<string, { sessions: number; conversionRate: number }>();
  for (const row of rows as unknown[]) {
    if (typeof row !== "object" || row === null)
      return { available: false, reason: "query-failed" };
    const { day, sessions, conversion_rate: rate } = row as Record<string, unknown>;
    const count = Number(sessions);
    const ratio = Number(rate);
    if (typeof day !== "string" || !Number.isInteger(count) || !Number.isFinite(ratio)) {
      return { available: false, reason: "query-failed" };
    }
    byDate.set(day.slice(0, 10), { sessions: count, conversionRate: ratio });
  }
  return { available: true, byDate };
}

/** Every day from `fromKey` to `toKey` (inclusive), zero-filled, with sessions joined. */
export function dailyTimeline(
  days: readonly DayKpis[],
  sessions: SessionsSource,
  fromKey: string,
  toKey: string,
): DailyKpiTimeline {
  const byDate = new Map(days.map((day) => [day.date, day]));
  const rows = dayKeysBetween(fromKey, toKey).map((date): DailyKpiRow => {
    const sales = byDate.get(date) ?? emptyDay(date);
    if (!sessions.available) return { ...sales, sessions: null, conversionRate: null };
    const traffic = sessions.byDate.get(date);
    const count = traffic?.sessions ?? 0;
    return {
      ...sales,
      sessions: count,
      conversionRate: count > 0 ? (traffic?.conversionRate ?? null) : null,
    };
  });
  return { rows, sessionsUnavailable: sessions.available ? null : sessions.reason };
}

function emptyDay(date: string): DayKpis {
  return {
    date,
    grossSales: 0n,
    discounts: 0n,
    returns: 0n,
    netSales: 0n,
    averageOrderValue: 0n,
    orders: 0,
    units: 0,
    returnedUnits: 0,
  };
}
