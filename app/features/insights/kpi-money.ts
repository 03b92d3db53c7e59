/**
 * Money for KPIs: exact integers, never float sums.
 *
 * Every amount is an integer number of **micro-units** of the shop currency (1 kr = 1_000_000),
 * the precision Shopify's `Decimal` amounts and the emulated analytics use. A single amount
 * (one order's discount, one line's total) fits in a JS safe integer up to ±9,007,199,254 units,
 * so parsing and per-order arithmetic use plain numbers; sums over many orders are kept exact by
 * {@link ExactSums}, which spills into a bigint before a number could lose precision.
 */

export const MICRO_PER_UNIT = 1_000_000;
const FRACTION_DIGITS = 6;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Micro-units of a decimal string ("19.99" -> 19_990_000). Null when the text is not a plain
 * decimal, has non-zero digits beyond the 6th decimal, or does not fit a safe integer.
 */
export function parseMicro(text: string): number | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, minus, whole, fraction = ""] = match;
  if (fraction.length > FRACTION_DIGITS && /[1-9]/.test(fraction.slice(FRACTION_DIGITS))) {
    return null;
  }
  const micro =
    Number(whole) * MICRO_PER_UNIT +
    Number(fraction.slice(0, FRACTION_DIGITS).padEnd(FRACTION_DIGITS, "0"));
  if (!Number.isSafeInteger(micro) || whole.length > 16) return null;
  return minus ? -micro : micro;
}

/**
 * Rounds micro-units half away from zero to `digits` decimals and prints exactly that many
 * ("-12.50"). Matches how Shopify analytics (and the emulator) print MONEY cells.
 */
export function formatMoney(micro: bigint, digits = 2): string {
  const step = 10n ** BigInt(FRACTION_DIGITS - digits);
  const negative = micro < 0n;
  const magnitude = negative ? -micro : micro;
  const rounded = ((magnitude + step / 2n) / step) * step;
  const scale = BigInt(MICRO_PER_UNIT);
  const whole = rounded / scale;
  const fraction = (rounded % scale).toString().padStart(FRACTION_DIGITS, "0").slice(0, digits);
  const sign = negative && rounded !== 0n ? "-" : "";
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** `value / divisor` rounded half away from zero. */
export function divideRounded(value: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new RangeError("division by zero");
  const negative = value < 0n !== divisor < 0n;
  const a = value < 0n ? -value : value;
  const b = divisor < 0n ? -divisor : divisor;
  const quotient = (a * 2n + b) / (b * 2n);
  return negative ? -quotient : quotient;
}

/** Same as {@link divideRounded} for safe-integer inputs whose quotient is safe. */
export function divideRoundedNumber(value: number, divisor: number): number {
  return Number(divideRounded(BigInt(value), BigInt(divisor)));
}

/**
 * A growable column of exact integer sums. The fast part is a Float64Array that only ever holds
 * safe integers; an addition that would leave the safe range moves the total into a bigint
 * overflow slot instead, so the column is exact for any number of additions.
 */
export class ExactSums {
  private low: Float64Array;
  private readonly high = new Map<number, bigint>();

  constructor(capacity = 16) {
    this.low = new Float64Array(capacity);
  }

  /** Adds a safe integer to slot `index` (grows the column as needed). */
  add(index: number, value: number): void {
    if (index >= this.low.length) this.grow(index);
    const sum = this.low[index] + value;
    if (sum <= Number.MAX_SAFE_INTEGER && sum >= -Number.MAX_SAFE_INTEGER) {
      this.low[index] = sum;
      return;
    }
    // Redo the addition exactly from the (exact) inputs; `sum` itself may be rounded.
    const spilled = BigInt(this.low[index]) + BigInt(value);
    this.high.set(index, (this.high.get(index) ?? 0n) + spilled);
    this.low[index] = 0;
  }

  get(index: number): bigint {
    const low = index < this.low.length ? BigInt(this.low[index]) : 0n;
    return low + (this.high.get(index) ?? 0n);
  }

  private grow(index: number): void {
    let capacity = this.low.length * 2;
    while (capacity <= index) capacity *= 2;
    const next = new Float64Array(capacity);
    next.set(this.low);
    this.low = next;
  }
}
