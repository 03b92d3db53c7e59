import {
  choleskyFactor,
  choleskySolve,
  inverseQuadraticForm,
  normalEquations,
  type CholeskyFactor,
} from "./impact-linalg";

/**
 * Linear regression with AR(1) errors (feasible GLS, Prais–Winsten): daily KPI residuals are
 * autocorrelated — a good week is followed by a good week — and ignoring that makes intervals for
 * multi-day windows far too narrow. Rows are usable days in date order; `days` says which calendar
 * day each row is, so a gap (missing day) restarts the AR chain instead of pretending continuity.
 */

export interface RegressionData {
  /** Row-major rows × columns. */
  design: Float64Array;
  rows: number;
  columns: number;
  response: Float64Array;
  /** Calendar position of each row, strictly increasing. */
  days: Int32Array;
}

export interface Ar1Fit {
  coefficients: Float64Array;
  /** Cholesky factor of the transformed Gram matrix: parameter covariance is σ²·(ZᵀZ)⁻¹. */
  factor: CholeskyFactor;
  phi: number;
  /** Variance of the AR(1) innovations. */
  innovationVariance: number;
  degreesOfFreedom: number;
  /** Residual of the last fitted day, carried into the forecast by the AR(1) decay. */
  lastResidual: number;
  lastDay: number;
  lastRow: Float64Array;
  /** The quasi-differenced rows and response the coefficients were fitted on. */
  transformed: { design: Float64Array; response: Float64Array };
}

/** Bounds on φ: beyond 0.95 the series is a random walk and the forecast variance explodes. */
const PHI_MIN = -0.5;
const PHI_MAX = 0.95;

function solveLeastSquares(
  design: Float64Array,
  rows: number,
  columns: number,
  response: Float64Array,
): { coefficients: Float64Array; factor: CholeskyFactor } {
  const { gram, moment } = normalEquations(design, rows, columns, response);
  const factor = choleskyFactor(gram, columns);
  return { coefficients: choleskySolve(factor, moment), factor };
}

function residualsOf(data: RegressionData, coefficients: Float64Array): Float64Array {
  const { design, rows, columns, response } = data;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let fitted = 0;
    const offset = r * columns;
    for (let c = 0; c < columns; c++) fitted += design[offset + c] * coefficients[c];
    out[r] = response[r] - fitted;
  }
  return out;
}

/** Lag-1 autocorrelation of residuals over consecutive calendar days only. */
export function lagOneAutocorrelation(residuals: Float64Array, days: Int32Array): number {
  let cross = 0;
  let previousSquares = 0;
  for (let r = 1; r < residuals.length; r++) {
    if (days[r] !== days[r - 1] + 1) continue;
    cross += residuals[r] * residuals[r - 1];
    previousSquares += residuals[r - 1] * residuals[r - 1];
  }
  if (previousSquares === 0) return 0;
  return Math.min(PHI_MAX, Math.max(PHI_MIN, cross / previousSquares));
}

/** Prais–Winsten transform: quasi-difference consecutive days, rescale the first of each run. */
function quasiDifference(
  data: RegressionData,
  phi: number,
): { design: Float64Array; response: Float64Array } {
  const { rows, columns } = data;
  const design = new Float64Array(rows * columns);
  const response = new Float64Array(rows);
  const runStartScale = Math.sqrt(1 - phi * phi);
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    if (r > 0 && data.days[r] === data.days[r - 1] + 1) {
      const previous = offset - columns;
      for (let c = 0; c < columns; c++) {
        design[offset + c] = data.design[offset + c] - phi * data.design[previous + c];
      }
      response[r] = data.response[r] - phi * data.response[r - 1];
    } else {
      for (let c = 0; c < columns; c++)
        design[offset + c] = runStartScale * data.design[offset + c];
      response[r] = runStartScale * data.response[r];
    }
  }
  return { design, response };
}

/** Fit by OLS, estimate φ from its residuals, refit on the quasi-differenced data; once more. */
export function fitAr1Regression(data: RegressionData, iterations = 2): Ar1Fit {
  const { rows, columns } = data;
  let fit = solveLeastSquares(data.design, rows, columns, data.response);
  let phi = 0;
  let transformed = { design: data.design, response: data.response };
  for (let i = 0; i < iterations; i++) {
    phi = lagOneAutocorrelation(residualsOf(data, fit.coefficients), data.days);
    transformed = quasiDifference(data, phi);
    fit = solveLeastSquares(transformed.design, rows, columns, transformed.response);
  }
  let squares = 0;
  for (let r = 0; r < rows; r++) {
    let fitted = 0;
    const offset = r * columns;
    for (let c = 0; c < columns; c++)
      fitted += transformed.design[offset + c] * fit.coefficients[c];
    squares += (transformed.response[r] - fitted) ** 2;
  }
  const degreesOfFreedom = rows - fit.factor.rank - 1;
  const residuals = residualsOf(data, fit.coefficients);
  return {
    coefficients: fit.coefficients,
    factor: fit.factor,
    phi,
    innovationVariance: degreesOfFreedom > 0 ? squares / degreesOfFreedom : Number.NaN,
    degreesOfFreedom,
    lastResidual: residuals[rows - 1],
    lastDay: data.days[rows - 1],
    lastRow: data.design.slice((rows - 1) * columns, rows * columns),
    transformed,
  };
}

export interface WindowForecast {
  /** Predicted response (log scale) of each window row, AR(1) carry-over included. */
  predictions: Float64Array;
  /** The weights the caller derived from the predictions (they sum to 1). */
  weights: Float64Array;
  /** Variance of Σ wₜ·(yₜ − ŷₜ) if nothing happened: parameter error plus future noise. */
  weightedErrorVariance: number;
}

/**
 * Forecast window rows (days after the last fitted day) and the variance of a weighted sum of
 * their errors. Future AR(1) noise: ηₜ = Σⱼ φ^(k−j)·aⱼ, so Σ wₜηₜ = Σⱼ cⱼ·aⱼ with
 * cⱼ = w(j) + φ·cⱼ₊₁ — one backward pass instead of a k×k covariance matrix.
 */
export function forecastWindow(
  fit: Omit<Ar1Fit, "transformed" | "degreesOfFreedom">,
  rows: Float64Array,
  days: Int32Array,
  weightFor: (predictions: Float64Array) => Float64Array,
): WindowForecast {
  const columns = fit.coefficients.length;
  const count = days.length;
  const predictions = new Float64Array(count);
  const decay = new Float64Array(count);
  for (let r = 0; r < count; r++) {
    const ahead = days[r] - fit.lastDay;
    decay[r] = fit.phi ** ahead;
    let value = 0;
    for (let c = 0; c < columns; c++) value += rows[r * columns + c] * fit.coefficients[c];
    predictions[r] = value + decay[r] * fit.lastResidual;
  }
  const weights = weightFor(predictions);

  const gradient = new Float64Array(columns);
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < columns; c++) {
      gradient[c] += weights[r] * (rows[r * columns + c] - decay[r] * fit.lastRow[c]);
    }
  }
  const parameterPart = inverseQuadraticForm(fit.factor, gradient);

  const horizon = count === 0 ? 0 : days[count - 1] - fit.lastDay;
  const weightByStep = new Float64Array(horizon + 2);
  for (let r = 0; r < count; r++) weightByStep[days[r] - fit.lastDay] += weights[r];
  let carried = 0;
  let noisePart = 0;
  for (let step = horizon; step >= 1; step--) {
    carried = weightByStep[step] + fit.phi * carried;
    noisePart += carried * carried;
  }
  return {
    predictions,
    weights,
    weightedErrorVariance: fit.innovationVariance * (parameterPart + noisePart),
  };
}

/** A stretch of history treated as if an action had run there (positions, inclusive). */
export interface PlaceboBlock {
  start: number;
  end: number;
}

/** A placebo estimate: its weighted log error (the truth is 0) and the model's variance for it. */
export interface PlaceboError {
  error: number;
  modelVariance: number;
}

/**
 * Errors of placebo estimates: for each block, refit on the rows before it (prefix sums of the
 * already quasi-differenced rows make each refit a p×p solve) and forecast the block as if it were
 * the window. Nothing happened there, so the squared error should match the model's variance; the
 * level drifts and year-to-year differences the model cannot see show up as extra error.
 */
export function placeboScores(
  data: RegressionData,
  fit: Ar1Fit,
  blocks: readonly PlaceboBlock[],
  weightFor: (predictions: Float64Array, rows: Int32Array) => Float64Array,
  minimumRows: number,
): PlaceboError[] {
  const { rows, columns } = data;
  const { design, response } = fit.transformed;
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const gram = new Float64Array(columns * columns);
  const moment = new Float64Array(columns);
  let squares = 0;
  let row = 0;
  const placebos: PlaceboError[] = [];
  for (const block of sorted) {
    for (; row < rows && data.days[row] < block.start; row++) {
      const offset = row * columns;
      const y = response[row];
      squares += y * y;
      for (let i = 0; i < columns; i++) {
        const xi = design[offset + i];
        if (xi === 0) continue;
        moment[i] += xi * y;
        for (let j = 0; j <= i; j++) gram[i * columns + j] += xi * design[offset + j];
      }
    }
    if (row < minimumRows) continue;
    const blockRows: number[] = [];
    for (let r = row; r < rows && data.days[r] <= block.end; r++) blockRows.push(r);
    if (blockRows.length === 0) continue;

    const full = new Float64Array(gram);
    for (let i = 0; i < columns; i++) {
      for (let j = 0; j < i; j++) full[j * columns + i] = full[i * columns + j];
    }
    const factor = choleskyFactor(full, columns);
    const coefficients = choleskySolve(factor, moment);
    let explained = 0;
    for (let i = 0; i < columns; i++) explained += coefficients[i] * moment[i];
    const degreesOfFreedom = row - factor.rank - 1;
    if (degreesOfFreedom < 10) continue;
    const last = row - 1;
    let lastFitted = 0;
    for (let c = 0; c < columns; c++)
      lastFitted += data.design[last * columns + c] * coefficients[c];

    const indices = Int32Array.from(blockRows);
    const blockDesign = new Float64Array(indices.length * columns);
    indices.forEach((r, k) => {
      blockDesign.set(data.design.subarray(r * columns, (r + 1) * columns), k * columns);
    });
    const forecast = forecastWindow(
      {
        coefficients,
        factor,
        phi: fit.phi,
        innovationVariance: Math.max(0, squares - explained) / degreesOfFreedom,
        lastResidual: data.response[last] - lastFitted,
        lastDay: data.days[last],
        lastRow: data.design.slice(last * columns, (last + 1) * columns),
      },
      blockDesign,
      Int32Array.from(indices, (r) => data.days[r]),
      (predictions) => weightFor(predictions, indices),
    );
    let error = 0;
    indices.forEach((r, k) => {
      error += forecast.weights[k] * (data.response[r] - forecast.predictions[k]);
    });
    placebos.push({ error, modelVariance: forecast.weightedErrorVariance });
  }
  return placebos;
}
