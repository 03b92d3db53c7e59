import { describe, expect, it } from "vitest";
import { divideRounded, formatDecimal, formatFixed, parseDecimal } from "./decimal";

describe("decimal", () => {
  it("GIVEN many cent amounts WHEN summed THEN the total is exact (no float drift)", () => {
    let sum = 0n;
    for (let i = 0; i < 1000; i++) sum += parseDecimal("0.10")!;
    expect(formatFixed(sum, 2)).toBe("100.00");
  });

  it("GIVEN whole and fractional amounts WHEN printed as Admin API Decimals THEN trailing zeros drop but one decimal stays", () => {
    expect([formatDecimal(parseDecimal("10")!), formatDecimal(parseDecimal("19.990")!)]).toEqual([
      "10.0",
      "19.99",
    ]);
  });

  it("GIVEN a half cent WHEN rounded to 2 decimals THEN it rounds away from zero", () => {
    expect([
      formatFixed(parseDecimal("0.005")!, 2),
      formatFixed(parseDecimal("-0.005")!, 2),
    ]).toEqual(["0.01", "-0.01"]);
  });

  it("GIVEN text that is not a decimal WHEN parsed THEN null", () => {
    expect([parseDecimal("1e3"), parseDecimal("abc"), parseDecimal("1.")]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("GIVEN 230 over 3 orders WHEN divided THEN the result rounds at micro-unit precision", () => {
    expect(formatFixed(divideRounded(parseDecimal("230")!, 3n), 2)).toBe("76.67");
  });
});
