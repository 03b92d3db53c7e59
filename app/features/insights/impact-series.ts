/**
 * Turning KPI series into the log-scale response the regression models. Effects of merchant
 * actions are multiplicative (+8 % conversion), so logs make them additive and the lift a
 * difference. A day is usable only with a positive value: zero or missing days (and zero
 * denominators) carry no information about a relative change and are left out.
 */

export type DailyValue = number | null;

export type KpiSeries =
  | { kind: "sum"; values: readonly DailyValue[] }
  | { kind: "ratio"; numerator: readonly DailyValue[]; denominator: readonly DailyValue[] };

export interface LogSeries {
  /** log of the value (sum) or of numerator/denominator (ratio); NaN where not usable. */
  response: Float64Array;
  usable: Uint8Array;
  /**
   * What a day's share of the window total is proportional to, besides exp(response): 1 for a
   * sum, the denominator for a ratio (a day with more sessions weighs more in a conversion rate).
   */
  scale: Float64Array;
}

function isPositive(value: DailyValue | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

export function kpiLength(kpi: KpiSeries): number {
  return kpi.kind === "sum" ? kpi.values.length : kpi.numerator.length;
}

export function logSeries(kpi: KpiSeries): LogSeries {
  const length = kpiLength(kpi);
  const response = new Float64Array(length).fill(Number.NaN);
  const usable = new Uint8Array(length);
  const scale = new Float64Array(length).fill(1);
  for (let i = 0; i < length; i++) {
    if (kpi.kind === "sum") {
      const value = kpi.values[i];
      if (!isPositive(value)) continue;
      response[i] = Math.log(value);
    } else {
      const numerator = kpi.numerator[i];
      const denominator = kpi.denominator[i];
      if (!isPositive(numerator) || !isPositive(denominator)) continue;
      response[i] = Math.log(numerator / denominator);
      scale[i] = denominator;
    }
    usable[i] = 1;
  }
  return { response, usable, scale };
}

/** log of a control series; NaN where missing or not positive. */
export function logControl(values: readonly DailyValue[]): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isPositive(value)) out[i] = Math.log(value);
  }
  return out;
}
