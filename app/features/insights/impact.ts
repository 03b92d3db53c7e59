import { HOLIDAY_NAMES, formatIsoDay, parseIsoDay, type HolidayType } from "./impact-calendar";
import {
  actionColumn,
  controlColumn,
  designRows,
  holidayColumn,
  holidaysByPosition,
  interceptColumn,
  trendColumn,
  weekdayColumns,
  yearlyColumns,
  type DesignColumn,
} from "./impact-design";
import {
  fitAr1Regression,
  forecastWindow,
  placeboScores,
  type PlaceboBlock,
} from "./impact-regression";
import { kpiLength, logControl, logSeries, type DailyValue, type KpiSeries } from "./impact-series";
import { studentT975 } from "./impact-stats";

/**
 * Impact of one merchant action on one KPI: the relative lift over the action's window — what
 * happened against what would have happened without it — with a 95 % interval and a verdict.
 *
 * Method (docs/decisions/010-impact-estimation.md): a regression of the daily log KPI (or log
 * ratio) on trend, weekday, yearly seasonality, retail-calendar days, other actions' windows and
 * control series, fitted on the history before the window with AR(1) errors; the counterfactual is
 * its forecast over the window, and placebo windows in the history widen the interval by whatever
 * error the model does not know about. Pure: data in, estimate out.
 */

export type { DailyValue, KpiSeries } from "./impact-series";

/** Inclusive range of `YYYY-MM-DD` dates. */
export interface DayRange {
  start: string;
  end: string;
}

export interface ImpactTask {
  /** Date of the first value of every series. */
  startDate: string;
  kpi: KpiSeries;
  /** The action's window; an end after the last day of data is cut to it (a running action). */
  window: DayRange;
  /** Windows of other actions on the same KPI, in or out of the history. */
  otherActions?: readonly DayRange[];
  /** Series the action did not touch (untouched collections/products), same length as the KPI. */
  controls?: readonly (readonly DailyValue[])[];
}

export type ImpactVerdict = "increase" | "decrease" | "no-detectable-effect" | "cannot-tell";

export type CannotTellReason =
  "too-little-history" | "missing-data" | "overlapping-action" | "unseen-holiday";

export interface ImpactDiagnostics {
  model: "seasonal" | "local";
  /** Usable days the model was fitted on. */
  historyDays: number;
  /** Days of the window with data (after cutting it to the series). */
  windowDays: number;
  /** Window days that entered the estimate. */
  estimatedDays: number;
  columns: string[];
  autocorrelation: number;
  /** Standard deviation of the day-to-day noise on the log scale (≈ relative noise). */
  residualSd: number;
  degreesOfFreedom: number;
  controlsUsed: number;
  holidaysInWindow: HolidayType[];
  /** Placebo windows in the history that calibrated the interval. */
  placebos: number;
  /** Extra error (log scale) the placebos showed beyond the model's own. */
  driftSd: number;
}

export interface ImpactEstimate {
  verdict: ImpactVerdict;
  /** Relative lift (0.08 = +8 %); null when it cannot tell. */
  point: number | null;
  lower: number | null;
  upper: number | null;
  reason: CannotTellReason | null;
  /** One sentence for analysts (the UI words its own text from verdict and reason). */
  explanation: string;
  diagnostics: ImpactDiagnostics | null;
}

export class ImpactInputError extends Error {
  override name = "ImpactInputError";
}

/** The thresholds behind the verdicts; see the ADR for why each is what it is. */
export const IMPACT_RULES = {
  /** Fewer usable days before the window than this: too little history. */
  minHistoryDays: 56,
  /** History spanning at least this many days gets yearly seasonality (else a local model). */
  seasonalSpanDays: 400,
  /** A local model (no yearly seasonality) looks back this far only. */
  localFitDays: 150,
  /** The seasonal model looks back at most this far. */
  maxFitDays: 1095,
  yearlyHarmonics: 4,
  /** Share of the window's days that may be missing (zero, null, zero denominator). */
  maxMissingWindowShare: 0.2,
  /** A control series missing on more than this share of days is not used. */
  maxControlMissingShare: 0.1,
  /** Another action needs this many history days for its effect to be estimated and removed. */
  minOtherActionHistoryDays: 7,
  /** Window days overlapped by inseparable actions may be left out, but not more than this share. */
  maxInseparableShare: 0.5,
  minDegreesOfFreedom: 20,
  /** At most this many placebo windows in the history calibrate the interval width. */
  maxPlacebos: 20,
  /** Fewer placebo windows than this: too little history to calibrate the interval. */
  minPlacebos: 5,
  /** How much (log scale, 1 sd) a holiday's effect may differ from one year to the next. */
  holidayRepeatSd: 0.05,
} as const;

/** The rules as a value the simulation may vary (defaults: IMPACT_RULES). */
export type ImpactRules = { -readonly [K in keyof typeof IMPACT_RULES]: number };

function parseDay(text: string, field: string): number {
  const day = parseIsoDay(text);
  if (day === null) throw new ImpactInputError(`${field} is not a YYYY-MM-DD date: "${text}"`);
  return day;
}

function cannotTell(
  reason: CannotTellReason,
  explanation: string,
  diagnostics: ImpactDiagnostics | null = null,
): ImpactEstimate {
  return {
    verdict: "cannot-tell",
    point: null,
    lower: null,
    upper: null,
    reason,
    explanation,
    diagnostics,
  };
}

function percent(value: number): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return `${sign}${(Math.abs(value) * 100).toFixed(1)} %`;
}

/** Structural checks the caller must get right (the CLI reports them per field before this). */
function checkShape(task: ImpactTask, length: number): void {
  if (task.kpi.kind === "ratio" && task.kpi.denominator.length !== length) {
    throw new ImpactInputError("kpi.numerator and kpi.denominator differ in length");
  }
  (task.controls ?? []).forEach((control, i) => {
    if (control.length !== length) {
      throw new ImpactInputError(`controls[${i}] has ${control.length} values, the KPI ${length}`);
    }
  });
}

interface OtherAction {
  start: number;
  end: number;
  historyDays: number;
  separable: boolean;
}

/** Estimate the lift of the action in `task.window` on the task's KPI. */
export function estimateImpact(
  task: ImpactTask,
  rules: ImpactRules = IMPACT_RULES,
): ImpactEstimate {
  const firstDay = parseDay(task.startDate, "startDate");
  const length = kpiLength(task.kpi);
  checkShape(task, length);
  const windowStart = parseDay(task.window.start, "window.start") - firstDay;
  const requestedEnd = parseDay(task.window.end, "window.end") - firstDay;
  if (requestedEnd < windowStart) throw new ImpactInputError("window.end is before window.start");

  if (windowStart >= length) {
    return cannotTell("missing-data", "The action started after the last day with data.");
  }
  if (windowStart <= 0) {
    return cannotTell("too-little-history", "There is no history before the action started.");
  }
  const windowEnd = Math.min(requestedEnd, length - 1);
  const windowDays = windowEnd - windowStart + 1;

  const series = logSeries(task.kpi);
  const controls = (task.controls ?? []).map(logControl);

  // History: the seasonal model needs a year and a bit before its placebo windows (see below).
  // With less, the season cannot be told from the action — unless a control series carries the
  // season, when a local model (level, weekdays, control) on the recent past will do.
  const placeboStep = Math.max(7, Math.ceil(windowDays / 2));
  const placeboRoom = windowDays + (rules.minPlacebos - 1) * placeboStep;
  let fitStart = Math.max(0, windowStart - rules.maxFitDays);
  while (fitStart < windowStart && series.usable[fitStart] === 0) fitStart++;
  const historySpan = windowStart - fitStart;
  const seasonal = historySpan >= rules.seasonalSpanDays + placeboRoom;
  if (!seasonal) fitStart = Math.max(fitStart, windowStart - rules.localFitDays);

  const keptControls: number[] = [];
  controls.forEach((control, i) => {
    const missingShare = (from: number, to: number) => {
      let missing = 0;
      for (let p = from; p <= to; p++) if (Number.isNaN(control[p])) missing++;
      return missing / Math.max(1, to - from + 1);
    };
    if (
      missingShare(fitStart, windowStart - 1) <= rules.maxControlMissingShare &&
      missingShare(windowStart, windowEnd) <= rules.maxControlMissingShare
    ) {
      keptControls.push(i);
    }
  });
  const hasData = (p: number) =>
    series.usable[p] === 1 && keptControls.every((i) => !Number.isNaN(controls[i][p]));

  if (!seasonal && keptControls.length === 0) {
    const needed = rules.seasonalSpanDays + placeboRoom;
    return cannotTell(
      "too-little-history",
      `The history before the action spans ${historySpan} days; telling the season from the action needs ${needed} (or a control series).`,
    );
  }

  const fitPositions: number[] = [];
  for (let p = fitStart; p < windowStart; p++) if (hasData(p)) fitPositions.push(p);
  if (fitPositions.length < rules.minHistoryDays) {
    return cannotTell(
      "too-little-history",
      `Only ${fitPositions.length} usable days before the action; at least ${rules.minHistoryDays} are needed.`,
    );
  }

  const others: OtherAction[] = (task.otherActions ?? []).map((range, i) => {
    const start = parseDay(range.start, `otherActions[${i}].start`) - firstDay;
    const end = parseDay(range.end, `otherActions[${i}].end`) - firstDay;
    if (end < start) throw new ImpactInputError(`otherActions[${i}].end is before its start`);
    const historyDays = fitPositions.filter((p) => p >= start && p <= end).length;
    return {
      start,
      end,
      historyDays,
      separable: historyDays >= rules.minOtherActionHistoryDays,
    };
  });

  // Window days: missing data, or shared with another action whose effect cannot be learnt from
  // the history (it started too recently) and so cannot be told apart from this one.
  let missing = 0;
  let inseparable = 0;
  const windowPositions: number[] = [];
  for (let p = windowStart; p <= windowEnd; p++) {
    if (!hasData(p)) {
      missing++;
    } else if (others.some((o) => !o.separable && p >= o.start && p <= o.end)) {
      inseparable++;
    } else {
      windowPositions.push(p);
    }
  }
  const windowLabel = `${formatIsoDay(firstDay + windowStart)}–${formatIsoDay(firstDay + windowEnd)}`;
  if (missing > rules.maxMissingWindowShare * windowDays) {
    return cannotTell(
      "missing-data",
      `Data is missing (or zero) on ${missing} of the ${windowDays} days of ${windowLabel}.`,
    );
  }
  if (inseparable > rules.maxInseparableShare * windowDays || windowPositions.length === 0) {
    return cannotTell(
      "overlapping-action",
      `Another action ran on ${inseparable} of the ${windowDays} days and started too recently to separate its effect.`,
    );
  }

  const holidays = holidaysByPosition(firstDay, windowEnd + 1);
  const seenHolidays = new Set<HolidayType>();
  for (const p of fitPositions) {
    const holiday = holidays[p];
    if (holiday !== null) seenHolidays.add(holiday);
  }
  const holidaysInWindow = [
    ...new Set(windowPositions.map((p) => holidays[p]).filter((h) => h !== null)),
  ];
  const unseen = holidaysInWindow.find((h) => !seenHolidays.has(h));
  if (unseen !== undefined) {
    return cannotTell(
      "unseen-holiday",
      `The action ran over ${HOLIDAY_NAMES[unseen]}, and the history has no earlier ${HOLIDAY_NAMES[unseen]} to compare with.`,
    );
  }

  const columns: DesignColumn[] = [interceptColumn()];
  if (seasonal) columns.push(trendColumn(windowStart));
  columns.push(...weekdayColumns(firstDay));
  if (seasonal) columns.push(...yearlyColumns(firstDay, rules.yearlyHarmonics));
  for (const holiday of seenHolidays) columns.push(holidayColumn(holiday, holidays));
  others.forEach((o, i) => {
    if (o.historyDays > 0) columns.push(actionColumn(i, o.start, o.end));
  });
  for (const i of keptControls) {
    let centre = 0;
    for (const p of fitPositions) centre += controls[i][p];
    columns.push(controlColumn(i, controls[i], centre / fitPositions.length));
  }

  const fitDays = Int32Array.from(fitPositions);
  const regression = {
    design: designRows(columns, fitDays),
    rows: fitDays.length,
    columns: columns.length,
    response: Float64Array.from(fitPositions, (p) => series.response[p]),
    days: fitDays,
  };
  const fit = fitAr1Regression(regression);
  const diagnostics: ImpactDiagnostics = {
    model: seasonal ? "seasonal" : "local",
    historyDays: fitPositions.length,
    windowDays: windowDays - missing,
    estimatedDays: windowPositions.length,
    columns: columns.map((c) => c.name),
    autocorrelation: fit.phi,
    residualSd: Math.sqrt(fit.innovationVariance / Math.max(1e-9, 1 - fit.phi * fit.phi)),
    degreesOfFreedom: fit.degreesOfFreedom,
    controlsUsed: keptControls.length,
    holidaysInWindow,
    placebos: 0,
    driftSd: 0,
  };
  if (fit.degreesOfFreedom < rules.minDegreesOfFreedom) {
    return cannotTell(
      "too-little-history",
      "Too little history for the number of things the model has to account for.",
      diagnostics,
    );
  }

  // The lift is the counterfactual-weighted mean log gap: ≈ log(actual total / counterfactual
  // total), linear in the day errors so its variance is exact under the model.
  const windowDaysArray = Int32Array.from(windowPositions);
  const forecast = forecastWindow(
    fit,
    designRows(columns, windowDaysArray),
    windowDaysArray,
    (predictions) => forecastWeights(predictions, windowPositions, series.scale),
  );
  const { weights } = forecast;
  let logLift = 0;
  windowPositions.forEach((p, r) => {
    logLift += weights[r] * (series.response[p] - forecast.predictions[r]);
  });

  // Placebo windows: the same estimate on stretches of history where nothing was done.
  const minimumPrefix = seasonal ? rules.seasonalSpanDays : rules.minHistoryDays;
  const blocks: PlaceboBlock[] = [];
  for (
    let end = windowStart - 1;
    blocks.length < rules.maxPlacebos && end - windowDays + 1 - fitStart >= minimumPrefix;
    end -= placeboStep
  ) {
    const start = end - windowDays + 1;
    if (others.some((o) => o.start <= end && o.end >= start)) continue;
    const inBlock = fitPositions.filter((p) => p >= start && p <= end);
    const before = new Set(fitPositions.filter((p) => p < start).map((p) => holidays[p]));
    if (inBlock.some((p) => holidays[p] !== null && !before.has(holidays[p]))) continue;
    blocks.push({ start, end });
  }
  const placebos = placeboScores(
    regression,
    fit,
    blocks,
    (predictions, rows) =>
      forecastWeights(
        predictions,
        Array.from(rows, (r) => fitPositions[r]),
        series.scale,
      ),
    rules.minHistoryDays,
  );
  diagnostics.placebos = placebos.length;
  if (placebos.length < rules.minPlacebos) {
    return cannotTell(
      "too-little-history",
      `Too little history to check the model on ${rules.minPlacebos} earlier stretches of ${windowDays} days.`,
      diagnostics,
    );
  }
  // What the model misses (its trend drifting, holidays differing from last year) does not shrink
  // with more history, so it is added as a variance of its own, estimated from how much the
  // placebo errors exceed the model's variance. Satterthwaite's degrees of freedom reflect that it
  // rests on a handful of placebo windows.
  const modelVariance = forecast.weightedErrorVariance;
  const excess =
    placebos.reduce((sum, p) => sum + p.error * p.error - p.modelVariance, 0) / placebos.length;
  const driftVariance = Math.max(0, excess);
  // Placebo windows overlap by half, so they carry about half as many independent errors.
  const independentPlacebos = Math.max(1, (placebos.length * placeboStep) / windowDays);
  // A holiday's effect is learnt from earlier years and assumed to repeat, give or take
  // `holidayRepeatSd` — the same error on every day of that holiday in the window.
  const holidayWeight = new Map<HolidayType, number>();
  windowPositions.forEach((p, r) => {
    const holiday = holidays[p];
    if (holiday !== null)
      holidayWeight.set(holiday, (holidayWeight.get(holiday) ?? 0) + weights[r]);
  });
  let holidayVariance = 0;
  for (const weight of holidayWeight.values()) {
    holidayVariance += (weight * rules.holidayRepeatSd) ** 2;
  }
  const totalVariance = modelVariance + driftVariance + holidayVariance;
  const degreesOfFreedom =
    totalVariance ** 2 /
    ((modelVariance + holidayVariance) ** 2 / fit.degreesOfFreedom +
      driftVariance ** 2 / independentPlacebos);
  const margin = studentT975(degreesOfFreedom) * Math.sqrt(totalVariance);
  const point = Math.expm1(logLift);
  const lower = Math.expm1(logLift - margin);
  const upper = Math.expm1(logLift + margin);
  const verdict: ImpactVerdict =
    lower > 0 ? "increase" : upper < 0 ? "decrease" : "no-detectable-effect";
  const range = `95 % interval ${percent(lower)} to ${percent(upper)}`;
  const explanation =
    verdict === "no-detectable-effect"
      ? `No detectable effect over ${windowLabel}: ${percent(point)} (${range}).`
      : `${verdict === "increase" ? "Up" : "Down"} ${percent(point)} over ${windowLabel} (${range}).`;
  diagnostics.driftSd = Math.sqrt(driftVariance);
  return { verdict, point, lower, upper, reason: null, explanation, diagnostics };
}

/** Each window day's share of the counterfactual total: exp(prediction) × denominator. */
function forecastWeights(
  predictions: Float64Array,
  positions: readonly number[],
  scale: Float64Array,
): Float64Array {
  let top = Number.NEGATIVE_INFINITY;
  for (const value of predictions) top = Math.max(top, value);
  const weights = predictions.map((value, r) => Math.exp(value - top) * scale[positions[r]]);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
