/**
 * Exact decimal arithmetic for money. Amounts are held as bigint micro-units (6 fractional digits)
 * so sums over a million orders never drift the way floats do.
 */
const FRACTION_DIGITS = 6;
const SCALE = 10n ** BigInt(FRACTION_DIGITS);
const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Micro-units of a decimal string ("19.99" -> 19_990_000n); null when it is not a plain decimal. */
export function parseDecimal(text: string): bigint | null {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > FRACTION_DIGITS && /[1-9]/.test(fraction.slice(FRACTION_DIGITS))) {
    return null;
  }
  const units =
    BigInt(whole) * SCALE + BigInt(fraction.slice(0, FRACTION_DIGITS).padEnd(FRACTION_DIGITS, "0"));
  return sign === "-" ? -units : units;
}

const parsedAmounts = new Map<string, bigint>();
const MAX_CACHED_AMOUNTS = 100_000;

/**
 * Like parseDecimal, for stored amounts that are known to be valid. Memoized: shop data repeats a
 * small set of price strings across a million orders.
 */
export function units(text: string): bigint {
  const cached = parsedAmounts.get(text);
  if (cached !== undefined) return cached;
  const value = parseDecimal(text);
  if (value === null) throw new Error(`emulator data error: "${text}" is not a decimal`);
  if (parsedAmounts.size >= MAX_CACHED_AMOUNTS) parsedAmounts.clear();
  parsedAmounts.set(text, value);
  return value;
}

/** Rounds half away from zero to `digits` fractional digits and prints exactly that many. */
export function formatFixed(value: bigint, digits: number): string {
  const step = 10n ** BigInt(FRACTION_DIGITS - digits);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const rounded = ((magnitude + step / 2n) / step) * step;
  const whole = rounded / SCALE;
  const fraction = (rounded % SCALE).toString().padStart(FRACTION_DIGITS, "0").slice(0, digits);
  const sign = negative && rounded !== 0n ? "-" : "";
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * The Admin API's `Decimal` output style: trailing zeros dropped, at least one fractional digit
 * ("10.0", "19.99").
 */
export function formatDecimal(value: bigint): string {
  const text = formatFixed(value, FRACTION_DIGITS);
  return text.replace(/(\.\d*?[0-9])0+$/, "$1");
}

/** `value / divisor`, rounded half away from zero (micro-unit precision). */
export function divideRounded(value: bigint, divisor: bigint): bigint {
  if (divisor === 0n) throw new RangeError("division by zero");
  const negative = value < 0n !== divisor < 0n;
  const a = value < 0n ? -value : value;
  const b = divisor < 0n ? -divisor : divisor;
  const quotient = (a * 2n + b) / (b * 2n);
  return negative ? -quotient : quotient;
}
