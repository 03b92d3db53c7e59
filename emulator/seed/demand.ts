import { blackFridayDate, daysApart, type LocalDay } from "./calendar";
import { Random } from "./random";

/**
 * How many shoppers visit and buy on each local day. Expected sessions follow a growth trend, a
 * weekly and a yearly pattern and the Swedish retail calendar (Black Week, Cyber Monday, Christmas
 * shopping, mellandagsrea); conversion follows the same calendar. Seeded actions multiply
 * conversion inside their windows. Noise is drawn from a per-day generator *before* anything else,
 * so the same store with an action's effect removed differs only where the action was live.
 */

/** Sunday-first multipliers. Swedes shop online most on Sunday evenings and least on Saturdays. */
export const WEEKDAY_SESSIONS: readonly number[] = [1.15, 1.06, 1.0, 0.98, 0.96, 0.88, 0.82];
const WEEKDAY_CONVERSION = [1.05, 1.02, 1.0, 1.0, 0.98, 0.95, 0.95];
/** January ... December. Outdoor apparel peaks in autumn and before Christmas, dips in July. */
const MONTH_SESSIONS = [0.92, 0.8, 0.88, 0.98, 1.02, 0.94, 0.78, 0.9, 1.08, 1.18, 1.22, 1.2];
const MONTH_CONVERSION = [1.0, 0.95, 0.95, 1.0, 1.0, 0.96, 0.92, 0.96, 1.0, 1.04, 1.08, 1.12];

/** Share of a day's orders per local hour (0-23): quiet nights, a lunch bump, an evening peak. */
export const HOURLY_PROFILE: readonly number[] = normalise([
  0.6, 0.35, 0.2, 0.15, 0.15, 0.25, 0.6, 1.3, 2.2, 3.0, 3.6, 4.0, 4.4, 4.2, 4.0, 4.0, 4.1, 4.3, 4.6,
  5.4, 6.0, 5.6, 4.2, 2.2,
]);
/** HOURLY_PROFILE as running totals: HOURLY_CUMULATIVE[h] = share of the day before hour h+1. */
export const HOURLY_CUMULATIVE: readonly number[] = HOURLY_PROFILE.reduce<number[]>(
  (acc, w) => [...acc, (acc.at(-1) ?? 0) + w],
  [],
);

function normalise(weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / sum);
}

/** Share of a local day's activity before `secondsIntoDay`. */
export function dayShareBefore(secondsIntoDay: number): number {
  const hour = Math.min(23, Math.floor(secondsIntoDay / 3600));
  const within = Math.min(1, (secondsIntoDay - hour * 3600) / 3600);
  return (hour > 0 ? HOURLY_CUMULATIVE[hour - 1] : 0) + HOURLY_PROFILE[hour] * within;
}

/** A second of the local day drawn from the hourly profile, limited to the first `share` of it. */
export function drawSecondOfDay(rng: Random, share = 1): number {
  const target = rng.next() * share;
  let hour = 0;
  while (hour < 23 && HOURLY_CUMULATIVE[hour] <= target) hour++;
  const before = hour > 0 ? HOURLY_CUMULATIVE[hour - 1] : 0;
  const within = (target - before) / HOURLY_PROFILE[hour];
  return hour * 3600 + Math.min(3599.999, within * 3600);
}

/** Linear interpolation between month midpoints, so seasons change smoothly. */
function seasonal(table: readonly number[], day: LocalDay): number {
  const daysInMonth = new Date(Date.UTC(day.year, day.month0 + 1, 0)).getUTCDate();
  const position = day.month0 + (day.day - 0.5) / daysInMonth - 0.5; // 0 = mid-January
  const lower = Math.floor(position);
  const t = position - lower;
  const a = table[(lower + 12) % 12];
  const b = table[(lower + 13) % 12];
  return a + (b - a) * t;
}

export interface CalendarEffect {
  sessions: number;
  conversion: number;
  /** Share of orders using a discount code, and the code's percentage off. */
  promoShare: number;
  promoPercent: number;
}

const ORDINARY: CalendarEffect = { sessions: 1, conversion: 1, promoShare: 0.15, promoPercent: 10 };

/** Retail-calendar effect of a local day. */
export function calendarEffect(day: LocalDay): CalendarEffect {
  const bf = blackFridayDate(day.year);
  const fromBf = daysApart(localDayStub(day.year, bf.month0, bf.day), day);
  if (fromBf >= -4 && fromBf <= -1)
    return { sessions: 1.5, conversion: 1.25, promoShare: 0.5, promoPercent: 20 };
  if (fromBf === 0) return { sessions: 2.6, conversion: 1.7, promoShare: 0.7, promoPercent: 25 };
  if (fromBf === 1 || fromBf === 2)
    return { sessions: 1.6, conversion: 1.3, promoShare: 0.55, promoPercent: 20 };
  if (fromBf === 3) return { sessions: 2.0, conversion: 1.5, promoShare: 0.65, promoPercent: 25 };
  if (day.month0 === 11) {
    if (day.day <= 18)
      return { sessions: 1.2, conversion: 1.15, promoShare: 0.2, promoPercent: 10 };
    if (day.day <= 21)
      return { sessions: 1.0, conversion: 1.05, promoShare: 0.15, promoPercent: 10 };
    if (day.day <= 23)
      return { sessions: 0.8, conversion: 0.95, promoShare: 0.1, promoPercent: 10 };
    if (day.day === 24)
      return { sessions: 0.45, conversion: 0.8, promoShare: 0.1, promoPercent: 10 };
    if (day.day === 25)
      return { sessions: 0.6, conversion: 0.9, promoShare: 0.3, promoPercent: 30 };
    if (day.day === 26)
      return { sessions: 1.55, conversion: 1.3, promoShare: 0.5, promoPercent: 30 };
    return { sessions: 1.35, conversion: 1.2, promoShare: 0.4, promoPercent: 30 };
  }
  if (day.month0 === 0 && day.day <= 6)
    return { sessions: 1.1, conversion: 1.05, promoShare: 0.3, promoPercent: 30 };
  return ORDINARY;
}

function localDayStub(year: number, month0: number, day: number): LocalDay {
  return { date: "", year, month0, day, weekday: 0, startMs: 0, endMs: 0 };
}

export interface DemandModel {
  /** Expected sessions on an ordinary day when the period starts. */
  baseSessions: number;
  /** Yearly growth of traffic (0.2 = +20 % a year). */
  annualGrowth: number;
  /** Conversion rate (orders / sessions) on an ordinary day. */
  baseConversion: number;
}

/** What a seeded action does to a day: multiply conversion (1 = no effect). */
export type ConversionMultiplier = (day: LocalDay) => number;

export interface DayPlan {
  day: LocalDay;
  /** Index from the first planned day. */
  index: number;
  /** Share of the day that has happened (1 except for today). */
  share: number;
  sessions: number;
  orders: number;
  calendar: CalendarEffect;
  /** The day's generator, already past the plan's own draws; order details continue from it. */
  rng: Random;
}

export interface PlanOptions {
  seed: string;
  model: DemandModel;
  days: LocalDay[];
  nowMs: number;
  multiplier: ConversionMultiplier;
  /** When set, order counts are rescaled so that they add up to exactly this many. */
  targetOrders?: number;
}

/** Sessions and order counts for each day of the period. */
export function planDays(options: PlanOptions): DayPlan[] {
  const { model, days, nowMs } = options;
  const raw = days.map((day, index) => {
    const rng = new Random(`${options.seed}:day:${day.date}`);
    const zSessions = rng.normal();
    const zOrders = rng.normal();
    const share = nowMs >= day.endMs ? 1 : dayShareBefore((nowMs - day.startMs) / 1000);
    const calendar = calendarEffect(day);
    const trend = Math.pow(1 + model.annualGrowth, index / 365);
    const expectedSessions =
      model.baseSessions *
      trend *
      WEEKDAY_SESSIONS[day.weekday] *
      seasonal(MONTH_SESSIONS, day) *
      calendar.sessions;
    const sessions = Math.max(0, expectedSessions * (1 + 0.05 * zSessions) * share);
    const conversion =
      model.baseConversion *
      WEEKDAY_CONVERSION[day.weekday] *
      seasonal(MONTH_CONVERSION, day) *
      calendar.conversion *
      options.multiplier(day);
    const lambda = sessions * conversion;
    return { day, index, share, calendar, rng, sessions, lambda, zOrders };
  });

  let scale = 1;
  if (options.targetOrders !== undefined) {
    const expected = raw.reduce((sum, r) => sum + r.lambda, 0);
    scale = expected > 0 ? options.targetOrders / expected : 0;
  }
  const counts = raw.map((r) => {
    const lambda = r.lambda * scale;
    return Math.max(0, lambda + Math.sqrt(lambda) * r.zOrders);
  });
  let rounded: number[];
  if (options.targetOrders !== undefined) {
    // Exact total: round the running sum, so the per-day counts add up to the target.
    const total = counts.reduce((a, b) => a + b, 0);
    const k = total > 0 ? options.targetOrders / total : 0;
    let running = 0;
    let previous = 0;
    rounded = counts.map((c) => {
      running += c * k;
      const next = Math.round(running);
      const n = next - previous;
      previous = next;
      return n;
    });
  } else {
    rounded = counts.map((c) => Math.round(c));
  }
  return raw.map((r, i) => ({
    day: r.day,
    index: r.index,
    share: r.share,
    calendar: r.calendar,
    rng: r.rng,
    sessions: Math.round(r.sessions * scale),
    orders: rounded[i],
  }));
}
