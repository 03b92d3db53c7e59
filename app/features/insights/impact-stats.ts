/** Distribution helpers for the impact estimator's 95 % intervals. */

/** The standard normal 97.5 % quantile. */
export const NORMAL_975 = 1.959963984540054;

/**
 * Student-t 97.5 % quantile by the Cornish–Fisher expansion around the normal quantile. Accurate
 * to better than 0.1 % from 5 degrees of freedom; the estimator never goes below 10.
 */
export function studentT975(degreesOfFreedom: number): number {
  if (!Number.isFinite(degreesOfFreedom) || degreesOfFreedom <= 0) return Number.POSITIVE_INFINITY;
  const z = NORMAL_975;
  const v = degreesOfFreedom;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * v) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * v ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v ** 4)
  );
}

/** Median and a nearest-rank percentile of a list of numbers (does not modify the input). */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}
