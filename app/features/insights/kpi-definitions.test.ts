import { describe, expect, it } from "vitest";
import {
  averageOrderValue,
  countsInSales,
  latestIndex,
  netSales,
  returnedValue,
  splitByWeights,
} from "./kpi-definitions";

describe("KPI definitions", () => {
  it("GIVEN test or cancelled orders THEN they do not count", () => {
    expect(countsInSales({ test: false, cancelled: false })).toBe(true);
    expect(countsInSales({ test: true, cancelled: false })).toBe(false);
    expect(countsInSales({ test: false, cancelled: true })).toBe(false);
  });

  it("GIVEN gross, discounts and returns THEN net sales adds the signed parts and AOV ignores returns", () => {
    expect(netSales(1000n, -100n, -50n)).toBe(850n);
    expect(averageOrderValue(1000n, -100n, 4)).toBe(225n);
    expect(averageOrderValue(1000n, -99n, 2)).toBe(451n); // 450.5 rounds away from zero
    expect(averageOrderValue(0n, 0n, 0)).toBe(0n);
  });

  it("GIVEN a returned line THEN it is valued at the rounded discounted unit price", () => {
    // 3 × 100.00 with 10.00 off: unit 96.666667, two returned = 193.333334
    expect(returnedValue(2, 3, 290_000_000)).toBe(193_333_334);
    expect(returnedValue(0, 3, 290_000_000)).toBe(0);
    expect(returnedValue(1, 0, 0)).toBeNull();
  });

  it("GIVEN weights THEN the split is exact and proportional, remainder to the largest fractions", () => {
    expect(splitByWeights(100, [1, 1, 1], 2)).toEqual([34, 33, 33]);
    expect(splitByWeights(10, [3, 0, 7], 2)).toEqual([3, 0, 7]);
    expect(splitByWeights(7, [0, 0], 1)).toEqual([0, 7]);
    const shares = splitByWeights(999_999_937, [123_456, 654_321, 5], 0);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(999_999_937);
  });

  it("GIVEN refund times THEN the latest (last on ties) is the fallback", () => {
    expect(latestIndex([5, 9, 9, 1])).toBe(2);
  });
});
