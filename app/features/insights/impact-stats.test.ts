import { describe, expect, it } from "vitest";
import { NORMAL_975, percentile, studentT975 } from "./impact-stats";

describe("impact statistics", () => {
  it("GIVEN degrees of freedom WHEN taking the t 97.5 % quantile THEN it matches the tables", () => {
    expect(studentT975(10)).toBeCloseTo(2.228, 2);
    expect(studentT975(20)).toBeCloseTo(2.086, 3);
    expect(studentT975(30)).toBeCloseTo(2.042, 3);
    expect(studentT975(120)).toBeCloseTo(1.98, 3);
    expect(studentT975(1e9)).toBeCloseTo(NORMAL_975, 6);
    expect(studentT975(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it("GIVEN a list WHEN asking percentiles THEN nearest-rank values come back and the input is untouched", () => {
    const values = [5, 1, 4, 2, 3];
    expect(percentile(values, 0.5)).toBe(3);
    expect(percentile(values, 0.95)).toBe(5);
    expect(percentile(values, 0)).toBe(1);
    expect(values).toEqual([5, 1, 4, 2, 3]);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
