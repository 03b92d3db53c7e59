import type { DayRange, ImpactEstimate, KpiSeries } from "./impact";
import type { KPI_NAMES } from "./action-input";
import { dayKey, dayNumber, type ShopDayClock } from "./kpi-day";

/**
 * From stored daily KPIs to the estimator's input, and from its answer to what the merchant reads.
 * Pure: no database, no clock.
 */

export type KpiName = (typeof KPI_NAMES)[number];

/** The net sales of the collections an action touched (ADR 012): estimated for those actions. */
export const COLLECTION_KPI = "collection_net_sales";
/** Every KPI an effect can be stored for, in the order the page lists them. */
export const EFFECT_KPIS = [
  "net_sales",
  COLLECTION_KPI,
  "orders",
  "average_order_value",
  "units",
  "sessions",
  "conversion_rate",
] as const;
export type EffectKpi = (typeof EFFECT_KPIS)[number];

/** A date-keyed daily series as consecutive values from `from` to `to` (absent days: 0). */
export function denseSeries(
  byDate: ReadonlyMap<string, number>,
  from: string,
  to: string,
): number[] {
  const first = dayNumber(from);
  const length = Math.max(0, dayNumber(to) - first + 1);
  const values = new Array<number>(length).fill(0);
  for (const [date, value] of byDate) {
    const i = dayNumber(date) - first;
    if (i >= 0 && i < length) values[i] = value;
  }
  return values;
}

/** One stored day (money in micro-units). */
export interface StoredDay {
  date: string;
  grossSales: bigint;
  discounts: bigint;
  returns: bigint;
  orders: number;
  units: number;
  returnedUnits: number;
  sessions: number | null;
  convertedSessions: number | null;
}

/** Daily columns over consecutive days from `startDate` (missing days are zero sales). */
export interface DailyColumns {
  startDate: string;
  netSales: number[];
  /** gross + discounts: the numerator of AOV. */
  orderValue: number[];
  orders: number[];
  units: number[];
  sessions: (number | null)[];
  converted: (number | null)[];
}

const MICRO = 1_000_000;

export function dailyColumns(days: readonly StoredDay[], from: string, to: string): DailyColumns {
  const first = dayNumber(from);
  const length = Math.max(0, dayNumber(to) - first + 1);
  const columns: DailyColumns = {
    startDate: from,
    netSales: new Array(length).fill(0),
    orderValue: new Array(length).fill(0),
    orders: new Array(length).fill(0),
    units: new Array(length).fill(0),
    sessions: new Array(length).fill(null),
    converted: new Array(length).fill(null),
  };
  for (const day of days) {
    const i = dayNumber(day.date) - first;
    if (i < 0 || i >= length) continue;
    columns.netSales[i] = Number(day.grossSales + day.discounts + day.returns) / MICRO;
    columns.orderValue[i] = Number(day.grossSales + day.discounts) / MICRO;
    columns.orders[i] = day.orders;
    columns.units[i] = day.units;
    columns.sessions[i] = day.sessions;
    columns.converted[i] = day.convertedSessions;
  }
  return columns;
}

/** Ratio KPIs are built from numerator and denominator, never from a daily average. */
export function kpiSeries(kpi: KpiName, columns: DailyColumns): KpiSeries {
  switch (kpi) {
    case "net_sales":
      return { kind: "sum", values: columns.netSales };
    case "orders":
      return { kind: "sum", values: columns.orders };
    case "units":
      return { kind: "sum", values: columns.units };
    case "sessions":
      return { kind: "sum", values: columns.sessions };
    case "average_order_value":
      return { kind: "ratio", numerator: columns.orderValue, denominator: columns.orders };
    case "conversion_rate":
      return { kind: "ratio", numerator: columns.converted, denominator: columns.sessions };
  }
}

/** A point-in-time action (a re-sorted collection) is measured over the two weeks after it. */
export const POINT_WINDOW_DAYS = 14;

/** The action's local days: [start day, day before endedAt] or 14 days for a point in time. */
export function actionWindow(
  clock: ShopDayClock,
  action: { startedAt: Date; endedAt: Date | null },
): DayRange {
  const start = clock.dayOf(action.startedAt.getTime());
  const end =
    action.endedAt && action.endedAt.getTime() > action.startedAt.getTime()
      ? Math.max(start, clock.dayOf(action.endedAt.getTime() - 1))
      : start + POINT_WINDOW_DAYS - 1;
  return { start: dayKey(start), end: dayKey(end) };
}

export type ExpectationGrade =
  /** The effect went the stated way and reached the stated size (or no size was stated). */
  | "as-expected"
  /** The effect went the stated way but the interval rules out the stated size. */
  | "smaller-than-expected"
  | "opposite"
  /** No effect could be detected (the interval includes zero). */
  | "not-detected"
  | "cannot-tell";

export function gradeExpectation(
  expected: { direction: "increase" | "decrease"; size: number | null },
  estimate: Pick<ImpactEstimate, "verdict" | "point" | "lower" | "upper">,
): ExpectationGrade {
  if (estimate.verdict === "cannot-tell") return "cannot-tell";
  if (estimate.verdict === "no-detectable-effect") return "not-detected";
  if (estimate.verdict !== expected.direction) return "opposite";
  if (expected.size == null) return "as-expected";
  const size = expected.direction === "increase" ? expected.size : -expected.size;
  const reaches =
    expected.direction === "increase" ? estimate.upper! >= size : estimate.lower! <= size;
  return reaches ? "as-expected" : "smaller-than-expected";
}

/** Half the interval's width: about the smallest effect this window could have shown. */
export function detectableSize(estimate: Pick<ImpactEstimate, "lower" | "upper">): number | null {
  if (estimate.lower === null || estimate.upper === null) return null;
  return (estimate.upper - estimate.lower) / 2;
}
