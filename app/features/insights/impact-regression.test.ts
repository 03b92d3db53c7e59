import { describe, expect, it } from "vitest";
import {
  fitAr1Regression,
  forecastWindow,
  lagOneAutocorrelation,
  placeboScores,
} from "./impact-regression";
import { normal, seededRandom } from "./impact-simulation";

/** y = 1 + 0.5·x + AR(1) noise, on days 0..n-1 with x a slow wave. */
function arData(n: number, phi: number, sd: number, seed: number) {
  const random = seededRandom(seed);
  const design = new Float64Array(n * 2);
  const response = new Float64Array(n);
  let noise = 0;
  for (let t = 0; t < n; t++) {
    const x = Math.sin(t / 15);
    design[t * 2] = 1;
    design[t * 2 + 1] = x;
    noise = phi * noise + sd * normal(random);
    response[t] = 1 + 0.5 * x + noise;
  }
  return {
    design,
    rows: n,
    columns: 2,
    response,
    days: Int32Array.from({ length: n }, (_, t) => t),
  };
}

describe("impact regression with AR(1) errors", () => {
  it("GIVEN noiseless data WHEN fitted THEN the coefficients are recovered exactly", () => {
    const data = arData(100, 0, 0, 1);
    const fit = fitAr1Regression(data);
    expect(fit.coefficients[0]).toBeCloseTo(1, 10);
    expect(fit.coefficients[1]).toBeCloseTo(0.5, 10);
  });

  it("GIVEN strongly autocorrelated noise WHEN fitted THEN φ is estimated near the truth", () => {
    const fit = fitAr1Regression(arData(2000, 0.6, 0.1, 2));
    expect(fit.phi).toBeGreaterThan(0.5);
    expect(fit.phi).toBeLessThan(0.7);
    expect(Math.sqrt(fit.innovationVariance)).toBeCloseTo(0.1, 1);
    expect(fit.coefficients[1]).toBeCloseTo(0.5, 1);
  });

  it("GIVEN a gap in the days WHEN estimating autocorrelation THEN pairs across the gap are ignored", () => {
    const residuals = Float64Array.from([1, 1, -1, -1]);
    expect(lagOneAutocorrelation(residuals, Int32Array.from([0, 1, 2, 3]))).toBeCloseTo(1 / 3, 10);
    // Across the gap only like-signed neighbours remain: 1, capped at φ's upper bound.
    expect(lagOneAutocorrelation(residuals, Int32Array.from([0, 1, 5, 6]))).toBeCloseTo(0.95, 10);
  });

  it("GIVEN white noise WHEN forecasting a window mean THEN its variance is σ²/h plus the parameter part", () => {
    const data = arData(400, 0, 0.2, 3);
    const fit = { ...fitAr1Regression(data), phi: 0, lastResidual: 0 };
    const h = 10;
    const rows = new Float64Array(h * 2);
    for (let r = 0; r < h; r++) rows.set([1, 0], r * 2);
    const days = Int32Array.from({ length: h }, (_, r) => 400 + r);
    const forecast = forecastWindow(fit, rows, days, () => new Float64Array(h).fill(1 / h));
    const noiseOnly = fit.innovationVariance / h;
    expect(forecast.weightedErrorVariance).toBeGreaterThan(noiseOnly);
    expect(forecast.weightedErrorVariance).toBeLessThan(noiseOnly * 1.2);
    expect(forecast.predictions[0]).toBeCloseTo(fit.coefficients[0], 12);
  });

  it("GIVEN positive autocorrelation WHEN forecasting a window mean THEN the variance is larger than for white noise", () => {
    const data = arData(400, 0, 0.2, 4);
    const base = fitAr1Regression(data);
    const rows = new Float64Array(14 * 2);
    for (let r = 0; r < 14; r++) rows.set([1, 0], r * 2);
    const days = Int32Array.from({ length: 14 }, (_, r) => 400 + r);
    const even = () => new Float64Array(14).fill(1 / 14);
    const white = forecastWindow({ ...base, phi: 0 }, rows, days, even);
    const correlated = forecastWindow({ ...base, phi: 0.5 }, rows, days, even);
    expect(correlated.weightedErrorVariance).toBeGreaterThan(2 * white.weightedErrorVariance);
  });

  it("GIVEN a correctly specified model WHEN computing placebo errors THEN their squares match the model variance on average", () => {
    let squares = 0;
    let variance = 0;
    for (let seed = 0; seed < 20; seed++) {
      const data = arData(500, 0.3, 0.1, 100 + seed);
      const fit = fitAr1Regression(data);
      const blocks = Array.from({ length: 10 }, (_, k) => ({
        start: 300 + 14 * k,
        end: 313 + 14 * k,
      }));
      const placebos = placeboScores(
        data,
        fit,
        blocks,
        (p) => new Float64Array(p.length).fill(1 / p.length),
        56,
      );
      expect(placebos).toHaveLength(10);
      for (const p of placebos) {
        squares += p.error ** 2;
        variance += p.modelVariance;
      }
    }
    expect(squares / variance).toBeGreaterThan(0.7);
    expect(squares / variance).toBeLessThan(1.4);
  });
});
