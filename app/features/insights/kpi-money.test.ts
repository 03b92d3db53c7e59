import { describe, expect, it } from "vitest";
import { divideRounded, ExactSums, formatMoney, parseMicro } from "./kpi-money";

describe("parseMicro", () => {
  it("GIVEN Decimal strings THEN they become exact micro-units", () => {
    expect(parseMicro("19.99")).toBe(19_990_000);
    expect(parseMicro("10.0")).toBe(10_000_000);
    expect(parseMicro("-0.5")).toBe(-500_000);
    expect(parseMicro("96.666667")).toBe(96_666_667);
    expect(parseMicro("1.2345670")).toBe(1_234_567);
  });

  it("GIVEN text that is not an exact 6-decimal amount THEN it is refused", () => {
    expect(parseMicro("1.2345678")).toBeNull();
    expect(parseMicro("1e3")).toBeNull();
    expect(parseMicro("12,50")).toBeNull();
    expect(parseMicro("")).toBeNull();
    expect(parseMicro("99999999999")).toBeNull(); // beyond a safe integer of micro-units
  });
});

describe("formatMoney", () => {
  it("GIVEN micro-units THEN they print rounded half away from zero", () => {
    expect(formatMoney(12_345_000n)).toBe("12.35");
    expect(formatMoney(-12_345_000n)).toBe("-12.35");
    expect(formatMoney(-4_000n)).toBe("0.00");
    expect(formatMoney(5_000_000n, 0)).toBe("5");
  });
});

describe("divideRounded", () => {
  it("GIVEN halves THEN they round away from zero", () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(-5n, 2n)).toBe(-3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
  });
});

describe("ExactSums", () => {
  it("GIVEN sums beyond 2^53 THEN the total stays exact", () => {
    const sums = new ExactSums(2);
    const big = Number.MAX_SAFE_INTEGER - 1;
    for (let i = 0; i < 1000; i++) sums.add(5, big);
    sums.add(5, 7);
    expect(sums.get(5)).toBe(BigInt(big) * 1000n + 7n);
    expect(sums.get(0)).toBe(0n);
  });

  it("GIVEN many cent amounts THEN the sum equals the bigint sum (no float drift)", () => {
    const sums = new ExactSums();
    let expected = 0n;
    for (let i = 0; i < 10_000; i++) {
      const amount = 10_000 + ((i * 7919) % 9_999_999);
      sums.add(0, amount);
      expected += BigInt(amount);
    }
    expect(sums.get(0)).toBe(expected);
  });
});
