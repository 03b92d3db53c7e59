/**
 * The little dense linear algebra the impact regression needs: a Cholesky factor of a symmetric
 * positive semi-definite p×p matrix (row-major Float64Array) that drops columns which are linear
 * combinations of earlier ones, and solves with it. p is a few dozen, so plain loops are fast.
 */

export interface CholeskyFactor {
  size: number;
  /** Lower-triangular factor, row-major; rows/columns of dropped columns are zero. */
  lower: Float64Array;
  /** Columns found (numerically) dependent on earlier ones; their coefficients are fixed at 0. */
  dropped: boolean[];
  /** Number of columns kept. */
  rank: number;
}

/**
 * Factor A = L·Lᵀ. A pivot that has lost all but `relativeTolerance` of its diagonal to earlier
 * columns marks the column as dependent: it is dropped rather than letting noise explode.
 */
export function choleskyFactor(
  matrix: Float64Array,
  size: number,
  relativeTolerance = 1e-10,
): CholeskyFactor {
  const lower = new Float64Array(size * size);
  const dropped: boolean[] = new Array<boolean>(size).fill(false);
  let rank = 0;
  for (let j = 0; j < size; j++) {
    const diagonal = matrix[j * size + j];
    let pivot = diagonal;
    for (let k = 0; k < j; k++) pivot -= lower[j * size + k] * lower[j * size + k];
    if (!(diagonal > 0) || pivot <= relativeTolerance * diagonal) {
      dropped[j] = true;
      continue;
    }
    const root = Math.sqrt(pivot);
    lower[j * size + j] = root;
    rank++;
    for (let i = j + 1; i < size; i++) {
      let sum = matrix[i * size + j];
      for (let k = 0; k < j; k++) sum -= lower[i * size + k] * lower[j * size + k];
      lower[i * size + j] = sum / root;
    }
  }
  return { size, lower, dropped, rank };
}

/** L⁻¹·b (components of dropped columns are 0): ‖L⁻¹b‖² is the quadratic form bᵀA⁻¹b. */
export function forwardSolve(factor: CholeskyFactor, rhs: ArrayLike<number>): Float64Array {
  const { size, lower, dropped } = factor;
  const out = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    if (dropped[i]) continue;
    let sum = rhs[i];
    for (let k = 0; k < i; k++) sum -= lower[i * size + k] * out[k];
    out[i] = sum / lower[i * size + i];
  }
  return out;
}

/** Lᵀ⁻¹·z. */
export function backwardSolve(factor: CholeskyFactor, rhs: ArrayLike<number>): Float64Array {
  const { size, lower, dropped } = factor;
  const out = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    if (dropped[i]) continue;
    let sum = rhs[i];
    for (let k = i + 1; k < size; k++) sum -= lower[k * size + i] * out[k];
    out[i] = sum / lower[i * size + i];
  }
  return out;
}

/** Solve A·x = b with the factor of A; dropped columns get x = 0. */
export function choleskySolve(factor: CholeskyFactor, rhs: ArrayLike<number>): Float64Array {
  return backwardSolve(factor, forwardSolve(factor, rhs));
}

/** bᵀ·A⁻¹·b restricted to the kept columns. */
export function inverseQuadraticForm(factor: CholeskyFactor, vector: ArrayLike<number>): number {
  const z = forwardSolve(factor, vector);
  let sum = 0;
  for (let i = 0; i < z.length; i++) sum += z[i] * z[i];
  return sum;
}

/** Xᵀ·X and Xᵀ·y of a row-major n×p design. */
export function normalEquations(
  design: Float64Array,
  rows: number,
  columns: number,
  response: ArrayLike<number>,
): { gram: Float64Array; moment: Float64Array } {
  const gram = new Float64Array(columns * columns);
  const moment = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    const offset = r * columns;
    const y = response[r];
    for (let i = 0; i < columns; i++) {
      const xi = design[offset + i];
      if (xi === 0) continue;
      moment[i] += xi * y;
      const rowOffset = i * columns;
      for (let j = 0; j <= i; j++) gram[rowOffset + j] += xi * design[offset + j];
    }
  }
  for (let i = 0; i < columns; i++) {
    for (let j = 0; j < i; j++) gram[j * columns + i] = gram[i * columns + j];
  }
  return { gram, moment };
}
