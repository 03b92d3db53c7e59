import { describe, expect, it } from "vitest";
import {
  choleskyFactor,
  choleskySolve,
  inverseQuadraticForm,
  normalEquations,
} from "./impact-linalg";

describe("impact linear algebra", () => {
  it("GIVEN a positive definite matrix WHEN solving THEN A·x reproduces b", () => {
    const a = Float64Array.from([4, 2, 0.6, 2, 5, 1, 0.6, 1, 3]);
    const b = [1, -2, 3];
    const factor = choleskyFactor(a, 3);
    const x = choleskySolve(factor, b);
    for (let i = 0; i < 3; i++) {
      const row = a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2];
      expect(row).toBeCloseTo(b[i], 12);
    }
    expect(factor.rank).toBe(3);
    // bᵀA⁻¹b equals b·x.
    expect(inverseQuadraticForm(factor, b)).toBeCloseTo(
      b[0] * x[0] + b[1] * x[1] + b[2] * x[2],
      12,
    );
  });

  it("GIVEN a design whose third column is the sum of the first two WHEN factoring THEN that column is dropped and the fit still exact", () => {
    const rows = [
      [1, 0, 1],
      [1, 1, 2],
      [1, 2, 3],
      [1, 3, 4],
    ];
    const design = Float64Array.from(rows.flat());
    const y = rows.map((r) => 2 + 0.5 * r[1]);
    const { gram, moment } = normalEquations(design, 4, 3, y);
    const factor = choleskyFactor(gram, 3);
    expect(factor.dropped).toEqual([false, false, true]);
    expect(factor.rank).toBe(2);
    const beta = choleskySolve(factor, moment);
    expect(beta[0]).toBeCloseTo(2, 10);
    expect(beta[1]).toBeCloseTo(0.5, 10);
    expect(beta[2]).toBe(0);
  });

  it("GIVEN a column that is all zeros WHEN factoring THEN it is dropped rather than dividing by zero", () => {
    const gram = Float64Array.from([2, 0, 0, 0]);
    const factor = choleskyFactor(gram, 2);
    expect(factor.dropped).toEqual([false, true]);
    const x = choleskySolve(factor, [4, 0]);
    expect(x[0]).toBeCloseTo(2, 12);
    expect(x[1]).toBe(0);
  });
});
