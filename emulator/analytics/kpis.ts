import type { Order, ShopState } from "../store/types";
import { divideRounded, formatFixed, units } from "./decimal";
import { lineGross, refundLinesValue } from "./order-money";
import type { DuringRange, ShopifyqlQuery, TimeGrain } from "./shopifyql-parser";
import {
  addDays,
  addMonths,
  isCalendarDate,
  isoWeekday,
  localDate,
  startOfLocalDay,
} from "./zoned-time";

/**
 * KPI DEFINITIONS — what the emulator's `shopifyqlQuery` computes. Merchdesk's insights capability
 * mirrors these, so change both together.
 *
 * Common rules
 * - Days are calendar days in the shop's IANA time zone (`shop.ianaTimezone`).
 * - An order belongs to the day of its `createdAt`.
 * - Test orders (`test: true`) and cancelled orders (`cancelledAt` set) are excluded entirely,
 *   together with their refunds.
 * - Analytics are not limited by the 60-day order window of the `orders` query.
 * - Amounts are exact decimals; MONEY cells are printed with 2 decimals.
 *
 * FROM sales
 * - gross_sales: Σ line price × quantity (before any discount).
 * - discounts: −Σ order totalDiscounts (reported as a negative amount, as Shopify's reports do).
 * - returns: −Σ value of refunded goods (refunded quantity × discounted unit price), counted on
 *   the day of the REFUND, not of the order. Refunded shipping is not a return.
 * - net_sales = gross_sales + discounts + returns (i.e. gross − |discounts| − |returns|).
 * - shipping_charges: Σ order totalShipping. taxes: Σ order totalTax.
 * - total_sales = Σ order total (what customers paid, on the order day) + returns. With
 *   tax-exclusive prices this equals net_sales + shipping_charges + taxes.
 * - orders: number of orders.
 * - average_order_value = (gross_sales + discounts) / orders; 0 when there are no orders.
 *
 * FROM sessions (from `shop.traffic`, one row per local day)
 * - sessions, sessions_with_cart_additions, sessions_that_reached_checkout: summed per bucket.
 * - sessions_that_completed_checkout: the number of orders (same rules as `orders` above).
 * - conversion_rate = sessions_that_completed_checkout / sessions, a ratio (0.0213 = 2.13 %)
 *   printed with 4 decimals; 0 when there are no sessions.
 *
 * Buckets: TIMESERIES day | week (Monday start, labelled by its Monday) | month (labelled by
 * its first day). Every bucket in the range is returned, zero-filled. Without TIMESERIES the
 * whole range is one row.
 */

export type ColumnDataType =
  "DAY_TIMESTAMP" | "WEEK_TIMESTAMP" | "MONTH_TIMESTAMP" | "MONEY" | "INTEGER" | "PERCENT";

interface MetricDefinition {
  displayName: string;
  dataType: ColumnDataType;
}

const SALES_METRICS: Record<string, MetricDefinition> = {
  gross_sales: { displayName: "Gross sales", dataType: "MONEY" },
  discounts: { displayName: "Discounts", dataType: "MONEY" },
  returns: { displayName: "Returns", dataType: "MONEY" },
  net_sales: { displayName: "Net sales", dataType: "MONEY" },
  shipping_charges: { displayName: "Shipping charges", dataType: "MONEY" },
  taxes: { displayName: "Taxes", dataType: "MONEY" },
  total_sales: { displayName: "Total sales", dataType: "MONEY" },
  orders: { displayName: "Orders", dataType: "INTEGER" },
  average_order_value: { displayName: "Average order value", dataType: "MONEY" },
};

const SESSIONS_METRICS: Record<string, MetricDefinition> = {
  sessions: { displayName: "Sessions", dataType: "INTEGER" },
  sessions_with_cart_additions: {
    displayName: "Sessions with cart additions",
    dataType: "INTEGER",
  },
  sessions_that_reached_checkout: {
    displayName: "Sessions that reached checkout",
    dataType: "INTEGER",
  },
  sessions_that_completed_checkout: {
    displayName: "Sessions that completed checkout",
    dataType: "INTEGER",
  },
  conversion_rate: { displayName: "Conversion rate", dataType: "PERCENT" },
};

export const TABLES: Record<string, Record<string, MetricDefinition>> = {
  sales: SALES_METRICS,
  sessions: SESSIONS_METRICS,
};

/** Days covered when a query has neither SINCE nor DURING. */
export const DEFAULT_SINCE_DAYS = 30;

export interface KpiColumn {
  name: string;
  displayName: string;
  dataType: ColumnDataType;
}

export interface KpiTable {
  columns: KpiColumn[];
  rows: Record<string, string>[];
}

/** Validation the parser cannot do alone (table and column names, date range). */
export function semanticErrors(query: ShopifyqlQuery, range: DateRange | string): string[] {
  const table = TABLES[query.from];
  if (!table)
    return [`Table '${query.from}' is not supported by the Merchdesk emulator (sales, sessions)`];
  const errors = query.show
    .filter((name) => !table[name])
    .map((name) => `Column '${name}' does not exist in table '${query.from}'`);
  const selectable = new Set([...query.show, ...(query.timeseries ? [query.timeseries] : [])]);
  for (const { column } of query.orderBy) {
    if (!selectable.has(column.toLowerCase()))
      errors.push(`ORDER BY column '${column}' is not in SHOW`);
  }
  if (typeof range === "string") errors.push(range);
  return errors;
}

export interface DateRange {
  /** Inclusive local dates. */
  since: string;
  until: string;
}

function resolveDate(
  expression: NonNullable<ShopifyqlQuery["since"]>,
  today: string,
): string | null {
  switch (expression.kind) {
    case "absolute":
      return isCalendarDate(expression.date) ? expression.date : null;
    case "named":
      return expression.name === "today" ? today : addDays(today, -1);
    case "relative": {
      const { amount, unit } = expression;
      if (unit === "d") return addDays(today, -amount);
      if (unit === "w") return addDays(today, -7 * amount);
      if (unit === "m") return addMonths(today, -amount);
      if (unit === "q") return addMonths(today, -3 * amount);
      return addMonths(today, -12 * amount);
    }
  }
}

function duringRange(range: DuringRange, today: string): DateRange {
  const monday = addDays(today, 1 - isoWeekday(today));
  const monthStart = `${today.slice(0, 7)}-01`;
  const yearStart = `${today.slice(0, 4)}-01-01`;
  switch (range) {
    case "today":
      return { since: today, until: today };
    case "yesterday":
      return { since: addDays(today, -1), until: addDays(today, -1) };
    case "this_week":
      return { since: monday, until: today };
    case "last_week":
      return { since: addDays(monday, -7), until: addDays(monday, -1) };
    case "this_month":
      return { since: monthStart, until: today };
    case "last_month":
      return { since: addMonths(monthStart, -1), until: addDays(monthStart, -1) };
    case "this_year":
      return { since: yearStart, until: today };
    case "last_year":
      return { since: addMonths(yearStart, -12), until: addDays(yearStart, -1) };
  }
}

/** The inclusive local-date range of a query, or the reason it is invalid. */
export function resolveRange(
  query: ShopifyqlQuery,
  nowMs: number,
  timeZone: string,
): DateRange | string {
  const today = localDate(nowMs, timeZone);
  if (query.during) return duringRange(query.during, today);
  const since = query.since ? resolveDate(query.since, today) : addDays(today, -DEFAULT_SINCE_DAYS);
  const until = query.until ? resolveDate(query.until, today) : today;
  if (!since || !until) return "Invalid date in SINCE/UNTIL";
  if (since > until) return `SINCE ${since} is after UNTIL ${until}`;
  return { since, until };
}

function bucketLabel(date: string, grain: TimeGrain | null, range: DateRange): string {
  if (grain === "day") return date;
  if (grain === "week") return addDays(date, 1 - isoWeekday(date));
  if (grain === "month") return `${date.slice(0, 7)}-01`;
  return range.since;
}

interface Bucket {
  gross: bigint;
  discounts: bigint;
  returns: bigint;
  shipping: bigint;
  taxes: bigint;
  paid: bigint;
  orders: number;
  sessions: number;
  cartSessions: number;
  checkoutSessions: number;
}

function emptyBucket(): Bucket {
  return {
    gross: 0n,
    discounts: 0n,
    returns: 0n,
    shipping: 0n,
    taxes: 0n,
    paid: 0n,
    orders: 0,
    sessions: 0,
    cartSessions: 0,
    checkoutSessions: 0,
  };
}

function counts(order: Order): boolean {
  return !order.test && order.cancelledAt === null;
}

/** First index whose createdAt is >= ms. */
function lowerBound(orders: readonly Order[], ms: number): number {
  let low = 0;
  let high = orders.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (Date.parse(orders[mid].createdAt) < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the last value <= target in an ascending list (the day an instant falls in). */
function lastAtOrBefore(sorted: readonly number[], target: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] <= target) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Sums orders, refunds and traffic into one bucket per label, over the range's local days. */
function aggregate(
  shop: ShopState,
  range: DateRange,
  grain: TimeGrain | null,
): Map<string, Bucket> {
  const zone = shop.ianaTimezone;
  const days: string[] = [];
  for (let day = range.since; day <= range.until; day = addDays(day, 1)) days.push(day);
  const dayStarts = [...days, addDays(range.until, 1)].map((day) => startOfLocalDay(day, zone));
  const buckets = new Map<string, Bucket>();
  for (const day of days) {
    const label = bucketLabel(day, grain, range);
    if (!buckets.has(label)) buckets.set(label, emptyBucket());
  }
  const bucketOfDay = days.map((day) => buckets.get(bucketLabel(day, grain, range))!);

  days.forEach((_day, index) => {
    const bucket = bucketOfDay[index];
    const end = lowerBound(shop.orders, dayStarts[index + 1]);
    for (let i = lowerBound(shop.orders, dayStarts[index]); i < end; i++) {
      const order = shop.orders[i];
      if (!counts(order)) continue;
      bucket.orders += 1;
      bucket.gross += order.lineItems.reduce((sum, line) => sum + lineGross(line), 0n);
      bucket.discounts -= units(order.totalDiscounts);
      bucket.shipping += units(order.totalShipping);
      bucket.taxes += units(order.totalTax);
      bucket.paid += units(order.total);
    }
  });

  // Returns land on the refund's day; refunds never precede their order.
  const rangeStart = dayStarts[0];
  const rangeEnd = dayStarts[dayStarts.length - 1];
  const lastOrder = lowerBound(shop.orders, rangeEnd);
  for (let i = 0; i < lastOrder; i++) {
    const order = shop.orders[i];
    if (!order.refunds.length || !counts(order)) continue;
    for (const refund of order.refunds) {
      const at = Date.parse(refund.createdAt);
      if (at < rangeStart || at >= rangeEnd) continue;
      const dayIndex = lastAtOrBefore(dayStarts, at);
      bucketOfDay[dayIndex].returns -= refundLinesValue(order, refund);
    }
  }

  const dayIndexByDate = new Map(days.map((day, index) => [day, index]));
  for (const traffic of shop.traffic) {
    const index = dayIndexByDate.get(traffic.date);
    if (index === undefined) continue;
    const bucket = bucketOfDay[index];
    bucket.sessions += traffic.sessions;
    bucket.cartSessions += traffic.sessionsWithCartAdditions;
    bucket.checkoutSessions += traffic.sessionsThatReachedCheckout;
  }
  return buckets;
}

function money(value: bigint): string {
  return formatFixed(value, 2);
}

function metricValue(name: string, bucket: Bucket): string {
  const net = bucket.gross + bucket.discounts + bucket.returns;
  switch (name) {
    case "gross_sales":
      return money(bucket.gross);
    case "discounts":
      return money(bucket.discounts);
    case "returns":
      return money(bucket.returns);
    case "net_sales":
      return money(net);
    case "shipping_charges":
      return money(bucket.shipping);
    case "taxes":
      return money(bucket.taxes);
    case "total_sales":
      return money(bucket.paid + bucket.returns);
    case "orders":
    case "sessions_that_completed_checkout":
      return String(bucket.orders);
    case "average_order_value":
      return money(
        bucket.orders ? divideRounded(bucket.gross + bucket.discounts, BigInt(bucket.orders)) : 0n,
      );
    case "sessions":
      return String(bucket.sessions);
    case "sessions_with_cart_additions":
      return String(bucket.cartSessions);
    case "sessions_that_reached_checkout":
      return String(bucket.checkoutSessions);
    case "conversion_rate":
      return bucket.sessions ? (bucket.orders / bucket.sessions).toFixed(4) : "0.0000";
    default:
      throw new Error(`emulator bug: unknown metric ${name}`);
  }
}

const GRAIN_COLUMNS: Record<TimeGrain, KpiColumn> = {
  day: { name: "day", displayName: "Day", dataType: "DAY_TIMESTAMP" },
  week: { name: "week", displayName: "Week", dataType: "WEEK_TIMESTAMP" },
  month: { name: "month", displayName: "Month", dataType: "MONTH_TIMESTAMP" },
};

function compareCells(a: string, b: string, dataType: ColumnDataType): number {
  if (dataType.endsWith("_TIMESTAMP")) return a.localeCompare(b);
  return Number(a) - Number(b);
}

/** Runs a parsed, validated query against the shop. */
export function runKpiQuery(shop: ShopState, query: ShopifyqlQuery, range: DateRange): KpiTable {
  const table = TABLES[query.from];
  const columns: KpiColumn[] = [
    ...(query.timeseries ? [GRAIN_COLUMNS[query.timeseries]] : []),
    ...query.show.map((name) => ({ name, ...table[name] })),
  ];
  const buckets = aggregate(shop, range, query.timeseries);
  let rows = [...buckets].map(([label, bucket]) => {
    const row: Record<string, string> = {};
    if (query.timeseries) row[query.timeseries] = label;
    for (const name of query.show) row[name] = metricValue(name, bucket);
    return row;
  });
  if (query.orderBy.length) {
    rows = rows.sort((a, b) => {
      for (const { column, direction } of query.orderBy) {
        const name = column.toLowerCase();
        const dataType = columns.find((c) => c.name === name)!.dataType;
        const order = compareCells(a[name], b[name], dataType);
        if (order) return direction === "ASC" ? order : -order;
      }
      return 0;
    });
  }
  if (query.limit !== null) rows = rows.slice(0, query.limit);
  return { columns, rows };
}
