import {
  formatIsoDay,
  holidayOf,
  parseIsoDay,
  weekdayOf,
  type HolidayType,
} from "./impact-calendar";
import { estimateImpact, type ImpactEstimate, type ImpactRules, type ImpactTask } from "./impact";

/**
 * Synthetic shops for validating the impact estimator: daily sessions and orders with a trend that
 * bends, weekday and yearly patterns, the retail calendar (varying a little from year to year),
 * autocorrelated noise and Poisson order counts, plus an action of known size. The generator is
 * deliberately *not* the estimator's model (monthly seasonality, wiggly trend, counting noise), so
 * good calibration here says something. Deterministic for a given seed.
 */

export type Random = () => number;

/** mulberry32: a small, fast, well-mixed 32-bit generator; enough for simulation. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = random();
  while (product > limit) {
    count++;
    product *= random();
  }
  return count;
}

function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/** Sunday-first; the Swedish online week: busy Sunday evenings, quiet Saturdays. */
const WEEKDAY_SESSIONS = [1.15, 1.06, 1.0, 0.98, 0.96, 0.88, 0.82];
const WEEKDAY_CONVERSION = [1.05, 1.02, 1.0, 1.0, 0.98, 0.95, 0.95];
/** January ... December: outdoor apparel peaks in autumn and before Christmas, dips in July. */
const MONTH_SESSIONS = [0.92, 0.8, 0.88, 0.98, 1.02, 0.94, 0.78, 0.9, 1.08, 1.18, 1.22, 1.2];
const MONTH_CONVERSION = [1.0, 0.95, 0.95, 1.0, 1.0, 0.96, 0.92, 0.96, 1.0, 1.04, 1.08, 1.12];
/** Retail-calendar multipliers of [sessions, conversion]. */
const CALENDAR: Record<HolidayType, [number, number]> = {
  "black-week": [1.5, 1.25],
  "black-friday": [2.6, 1.7],
  "black-weekend": [1.6, 1.3],
  "cyber-monday": [2.0, 1.5],
  "christmas-shopping": [1.2, 1.15],
  "christmas-last-orders": [0.9, 1.0],
  "christmas-eve": [0.45, 0.8],
  "christmas-day": [0.6, 0.9],
  "boxing-day": [1.55, 1.3],
  mellandagsrea: [1.35, 1.2],
  "new-years-eve": [1.1, 1.1],
  "new-years-day": [1.1, 1.05],
  "january-sale": [1.1, 1.05],
  easter: [0.9, 0.97],
  "ascension-day": [0.95, 1.0],
  midsummer: [0.7, 0.9],
};

export interface ScenarioOptions {
  /** Length of the series in days. */
  days: number;
  /** True relative effect of the action on conversion (and so on orders and revenue). */
  lift: number;
  kpi: "revenue" | "conversion";
  /** Add an untouched collection's revenue as a control (the KPI is then a touched collection's). */
  withControl: boolean;
  /**
   * How many untouched collections serve as controls when `withControl` (default 1): each has its
   * own size and noise, as the effect job's largest untouched collections do (ADR 012).
   */
  controlCount?: number;
  /** Add an earlier action and one that starts before the window and runs into it. */
  withOtherActions: boolean;
  /** Window length; random (7–42 days) when absent. */
  windowDays?: number;
}

export interface SyntheticCase {
  task: ImpactTask;
  trueLift: number;
}

const DEFAULT_SCENARIO: ScenarioOptions = {
  days: 730,
  lift: 0,
  kpi: "revenue",
  withControl: false,
  withOtherActions: false,
};

function monthlyPattern(table: readonly number[], dayNumber: number): number {
  const date = new Date(dayNumber * 86_400_000);
  const month0 = date.getUTCMonth();
  const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), month0 + 1, 0)).getUTCDate();
  const position = month0 + (date.getUTCDate() - 0.5) / daysInMonth - 0.5;
  const lower = Math.floor(position);
  const t = position - lower;
  const a = table[(lower + 12) % 12];
  const b = table[(lower + 13) % 12];
  return a + (b - a) * t;
}

function jittered(table: readonly number[], random: Random, sd: number): number[] {
  return table.map((v) => v * Math.exp(sd * normal(random)));
}

/** AR(1) noise with the given marginal standard deviation. */
function arNoise(random: Random, length: number, phi: number, sd: number): Float64Array {
  const out = new Float64Array(length);
  const innovation = sd * Math.sqrt(1 - phi * phi);
  out[0] = sd * normal(random);
  for (let i = 1; i < length; i++) out[i] = phi * out[i - 1] + innovation * normal(random);
  return out;
}

/** One synthetic shop and action. The same `random` state gives the same shop for any lift. */
export function syntheticCase(
  random: Random,
  overrides: Partial<ScenarioOptions> = {},
): SyntheticCase {
  const o = { ...DEFAULT_SCENARIO, ...overrides };
  const n = o.days;
  const firstDay = parseIsoDay("2022-01-01")! + Math.floor(random() * 730);

  const baseSessions = Math.exp(uniform(random, Math.log(1500), Math.log(15000)));
  const baseConversion = uniform(random, 0.015, 0.03);
  const growth = uniform(random, -0.1, 0.4);
  const wiggleAmplitude = uniform(random, 0, 0.04);
  const wigglePeriod = uniform(random, 250, 700);
  const wigglePhase = uniform(random, 0, 2 * Math.PI);
  const weekdaySessions = jittered(WEEKDAY_SESSIONS, random, 0.04);
  const weekdayConversion = jittered(WEEKDAY_CONVERSION, random, 0.02);
  const monthSessions = jittered(MONTH_SESSIONS, random, 0.04);
  const monthConversion = jittered(MONTH_CONVERSION, random, 0.02);
  const sessionNoise = arNoise(random, n, uniform(random, 0, 0.6), uniform(random, 0.03, 0.07));
  const conversionPhi = uniform(random, 0, 0.5);
  const conversionSd = uniform(random, 0.02, 0.05);
  const sharedConversion = arNoise(random, n, conversionPhi, conversionSd);
  // Demand swings shared by the whole shop (weather, marketing bursts): persistent, and exactly
  // what an untouched collection's sales can account for.
  const demand = arNoise(random, n, uniform(random, 0.5, 0.85), uniform(random, 0.02, 0.06));
  const ownConversion = arNoise(random, n, conversionPhi, conversionSd / 2);
  const controlCount = o.withControl ? Math.max(1, o.controlCount ?? 1) : 0;
  // The first control's noise is drawn in every scenario, so one seed gives the same shop.
  const controlConversion = [arNoise(random, n, conversionPhi, conversionSd / 2)];
  for (let c = 1; c < controlCount; c++) {
    controlConversion.push(arNoise(random, n, conversionPhi, conversionSd / 2));
  }
  // With several controls, each is a collection with its own share of the untouched demand.
  const controlShares = Array.from({ length: controlCount > 1 ? controlCount : 0 }, () =>
    uniform(random, 0.1, 0.4),
  );
  const holidayJitter = new Map<string, number>();

  const windowDays = o.windowDays ?? [7, 14, 21, 28, 42][Math.floor(random() * 5)];
  const after = Math.floor(random() * 30);
  const windowStart = n - after - windowDays;
  const windowEnd = windowStart + windowDays - 1;

  const otherEffects: { start: number; end: number; lift: number }[] = [];
  if (o.withOtherActions) {
    const earlierStart = Math.floor(uniform(random, 0.3, 0.8) * windowStart);
    otherEffects.push({ start: earlierStart, end: earlierStart + 13, lift: 0.1 * normal(random) });
    const runningStart = windowStart - 21;
    const runningEnd = windowStart + Math.floor(windowDays / 2);
    otherEffects.push({ start: runningStart, end: runningEnd, lift: 0.1 * normal(random) });
  }

  const sessions: number[] = [];
  const orders: number[] = [];
  const revenue: number[] = [];
  const controls: number[][] = Array.from({ length: controlCount }, () => []);
  const touchedShare = o.withControl ? uniform(random, 0.3, 0.6) : 1;
  for (let p = 0; p < n; p++) {
    const day = firstDay + p;
    const weekday = weekdayOf(day);
    const holiday = holidayOf(day);
    let calendar: [number, number] = [1, 1];
    if (holiday !== null) {
      const key = `${holiday}:${new Date(day * 86_400_000).getUTCFullYear()}`;
      if (!holidayJitter.has(key)) holidayJitter.set(key, Math.exp(0.05 * normal(random)));
      const [s, c] = CALENDAR[holiday];
      calendar = [s, c * holidayJitter.get(key)!];
    }
    const years = p / 365;
    const trend =
      growth * years + wiggleAmplitude * Math.sin((2 * Math.PI * p) / wigglePeriod + wigglePhase);
    const expectedSessions =
      baseSessions *
      Math.exp(trend + sessionNoise[p]) *
      weekdaySessions[weekday] *
      monthlyPattern(monthSessions, day) *
      calendar[0];
    const daySessions = Math.max(1, Math.round(expectedSessions));
    let conversion =
      baseConversion *
      weekdayConversion[weekday] *
      monthlyPattern(monthConversion, day) *
      calendar[1];
    const shared = sharedConversion[p] + demand[p];
    const controlRates = controlConversion
      .slice(0, controlCount)
      .map((noise) => conversion * Math.exp(shared + noise[p]));
    conversion *= Math.exp(shared + ownConversion[p]);
    if (p >= windowStart && p <= windowEnd) conversion *= 1 + o.lift;
    for (const other of otherEffects) {
      if (p >= other.start && p <= other.end) conversion *= 1 + other.lift;
    }
    const dayOrders = poisson(random, daySessions * conversion * touchedShare);
    const basketSd = 0.6 / Math.sqrt(Math.max(1, dayOrders));
    sessions.push(daySessions);
    orders.push(dayOrders);
    revenue.push(Math.round(dayOrders * 700 * Math.exp(basketSd * normal(random))));
    for (let c = 0; c < controlCount; c++) {
      // A single control is the rest of the shop; several split what the touched part leaves.
      const share = controlCount === 1 ? 1 - touchedShare : controlShares[c] * (1 - touchedShare);
      const controlOrders = poisson(random, daySessions * controlRates[c] * share);
      const controlBasket = 0.6 / Math.sqrt(Math.max(1, controlOrders));
      controls[c].push(Math.round(controlOrders * 650 * Math.exp(controlBasket * normal(random))));
    }
  }

  const range = (start: number, end: number) => ({
    start: formatIsoDay(firstDay + start),
    end: formatIsoDay(firstDay + end),
  });
  const task: ImpactTask = {
    startDate: formatIsoDay(firstDay),
    kpi:
      o.kpi === "revenue"
        ? { kind: "sum", values: revenue }
        : { kind: "ratio", numerator: orders, denominator: sessions },
    window: range(windowStart, windowEnd),
    otherActions: otherEffects.map((e) => range(e.start, e.end)),
    ...(o.withControl ? { controls } : {}),
  };
  return { task, trueLift: o.lift };
}

export interface CalibrationOptions {
  seed: number;
  /** Synthetic shops per lift; each shop is reused for every lift (paired comparison). */
  casesPerLift: number;
  lifts: readonly number[];
  scenario?: Partial<Omit<ScenarioOptions, "lift">>;
  rules?: ImpactRules;
}

export interface CalibrationReport {
  cases: number;
  /** Share of cases answered "cannot tell". */
  cannotTellRate: number;
  /** Share of estimates whose 95 % interval contains the true lift (all lifts). */
  coverage: number;
  /** Share of no-effect estimates called an increase or decrease. */
  falsePositiveRate: number;
  /** Per lift: share of estimates called an increase (for 0: either direction). */
  detection: { lift: number; rate: number; coverage: number; meanPoint: number }[];
  /** Median interval width (upper − lower) of the no-effect estimates. */
  medianWidth: number;
}

export function runCalibration(options: CalibrationOptions): CalibrationReport {
  let estimates = 0;
  let covered = 0;
  let cannotTell = 0;
  const detection: CalibrationReport["detection"] = [];
  const widths: number[] = [];
  let falsePositives = 0;
  let nullEstimates = 0;
  for (const lift of options.lifts) {
    let hits = 0;
    let liftEstimates = 0;
    let liftCovered = 0;
    let pointSum = 0;
    for (let i = 0; i < options.casesPerLift; i++) {
      const random = seededRandom(options.seed * 100_003 + i);
      const { task, trueLift } = syntheticCase(random, { ...options.scenario, lift });
      const estimate: ImpactEstimate = estimateImpact(task, options.rules);
      if (estimate.verdict === "cannot-tell") {
        cannotTell++;
        continue;
      }
      const { lower, upper, point } = estimate as { lower: number; upper: number; point: number };
      estimates++;
      liftEstimates++;
      pointSum += point;
      if (lower <= trueLift && trueLift <= upper) {
        covered++;
        liftCovered++;
      }
      if (lift === 0) {
        nullEstimates++;
        widths.push(upper - lower);
        if (estimate.verdict !== "no-detectable-effect") falsePositives++;
      }
      if (
        lift === 0 ? estimate.verdict !== "no-detectable-effect" : estimate.verdict === "increase"
      ) {
        hits++;
      }
    }
    detection.push({
      lift,
      rate: liftEstimates > 0 ? hits / liftEstimates : Number.NaN,
      coverage: liftEstimates > 0 ? liftCovered / liftEstimates : Number.NaN,
      meanPoint: liftEstimates > 0 ? pointSum / liftEstimates : Number.NaN,
    });
  }
  widths.sort((a, b) => a - b);
  const cases = options.casesPerLift * options.lifts.length;
  return {
    cases,
    cannotTellRate: cannotTell / cases,
    coverage: estimates > 0 ? covered / estimates : Number.NaN,
    falsePositiveRate: nullEstimates > 0 ? falsePositives / nullEstimates : Number.NaN,
    detection,
    medianWidth: widths.length > 0 ? widths[Math.floor(widths.length / 2)] : Number.NaN,
  };
}
