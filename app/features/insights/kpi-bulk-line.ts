import { parseInstant } from "./kpi-day";

/**
 * Reads one line of the OrdersForKpis bulk result straight from UTF-8 bytes.
 *
 * Why not JSON.parse: a million orders are ~3.5 million lines and ~1.2 GB of JSON; decoding each
 * line to a string and building an object tree per line costs more than the whole budget. This
 * scanner validates the full JSON grammar of the line (so a malformed line is always detected)
 * but only materialises the handful of values the KPIs need, as numbers: GIDs as their numeric
 * tail, timestamps as epoch ms, money as integer micro-units. Unknown keys are validated and
 * skipped, so extra fields in the query do not break ingestion.
 *
 * One scanner is reused for every line (its result fields are overwritten); `scan` returns false
 * with `error` set when the line is not valid JSON or lacks a field the KPIs need.
 */

export const KIND_ORDER = 1;
export const KIND_LINE_ITEM = 2;
export const KIND_OTHER = 3;

/** GID types the scanner recognises. */
export const GID_ORDER = 1;
export const GID_LINE_ITEM = 2;
export const GID_PRODUCT = 3;
export const GID_OTHER = 4;

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;
const COMMA = 44;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const MAX_DEPTH = 64;
const MICRO_DIGITS = 6;

// Keys the KPIs read. Codes index KEY_NAMES.
const KEY_NAMES = [
  "",
  "id",
  "__parentId",
  "createdAt",
  "updatedAt",
  "cancelledAt",
  "test",
  "currencyCode",
  "totalDiscountsSet",
  "refunds",
  "quantity",
  "currentQuantity",
  "originalTotalSet",
  "discountedTotalSet",
  "product",
  "shopMoney",
  "amount",
  "totalRefundedSet",
] as const;
const K_ID = 1;
const K_PARENT = 2;
const K_CREATED_AT = 3;
const K_UPDATED_AT = 4;
const K_CANCELLED_AT = 5;
const K_TEST = 6;
const K_CURRENCY = 7;
const K_TOTAL_DISCOUNTS = 8;
const K_REFUNDS = 9;
const K_QUANTITY = 10;
const K_CURRENT_QUANTITY = 11;
const K_ORIGINAL_TOTAL = 12;
const K_DISCOUNTED_TOTAL = 13;
const K_PRODUCT = 14;
const K_SHOP_MONEY = 15;
const K_AMOUNT = 16;
const K_TOTAL_REFUNDED = 17;

/** Bits of `seen`: which fields the line had. */
export const SEEN_ID = 1 << K_ID;
export const SEEN_CREATED_AT = 1 << K_CREATED_AT;
export const SEEN_UPDATED_AT = 1 << K_UPDATED_AT;
export const SEEN_CANCELLED_AT = 1 << K_CANCELLED_AT;
export const SEEN_TEST = 1 << K_TEST;
export const SEEN_CURRENCY = 1 << K_CURRENCY;
export const SEEN_TOTAL_DISCOUNTS = 1 << K_TOTAL_DISCOUNTS;
export const SEEN_REFUNDS = 1 << K_REFUNDS;
export const SEEN_QUANTITY = 1 << K_QUANTITY;
export const SEEN_CURRENT_QUANTITY = 1 << K_CURRENT_QUANTITY;
export const SEEN_ORIGINAL_TOTAL = 1 << K_ORIGINAL_TOTAL;
export const SEEN_DISCOUNTED_TOTAL = 1 << K_DISCOUNTED_TOTAL;
export const SEEN_PRODUCT = 1 << K_PRODUCT;

export function fieldNames(bits: number): string[] {
  return KEY_NAMES.filter((_name, code) => code > 0 && bits & (1 << code));
}

const KEY_BYTES = KEY_NAMES.map((name) => new TextEncoder().encode(name));
/** Key bytes followed by the closing quote, for the predicted-key comparison. */
const QUOTED_KEYS = KEY_NAMES.map((name) => new TextEncoder().encode(`${name}"`));
// Contexts for key prediction: the "previous key" at the start of each kind of object.
const START_TOP = 0;
const START_MONEY_BAG = KEY_NAMES.length;
const START_SHOP_MONEY = START_MONEY_BAG + 1;
const START_REFUND = START_MONEY_BAG + 2;
const START_PRODUCT = START_MONEY_BAG + 3;
const START_OTHER = START_MONEY_BAG + 4;
const UNKNOWN_KEY = START_MONEY_BAG + 5;
const KEY_TABLE_SIZE = 256;

function keyHashStep(hash: number, byte: number): number {
  return (Math.imul(hash, 31) + byte) | 0;
}

function keySlot(hash: number, length: number): number {
  return (hash ^ (hash >>> 9) ^ length) & (KEY_TABLE_SIZE - 1);
}

/** Hash slot -> key code; built once, and collisions between known keys are a load error. */
const KEY_TABLE = (() => {
  const table = new Int8Array(KEY_TABLE_SIZE);
  KEY_BYTES.forEach((bytes, code) => {
    if (code === 0) return;
    let hash = 0;
    for (const byte of bytes) hash = keyHashStep(hash, byte);
    const slot = keySlot(hash, bytes.length);
    if (table[slot] !== 0)
      throw new Error(`kpi-bulk-line: key hash collision for ${KEY_NAMES[code]}`);
    table[slot] = code;
  });
  return table;
})();

const GID_PREFIX = new TextEncoder().encode("gid://shopify/");
const ORDER_GID = new TextEncoder().encode('"gid://shopify/Order/');
const LINE_ITEM_GID = new TextEncoder().encode('"gid://shopify/LineItem/');
const PRODUCT_GID = new TextEncoder().encode('"gid://shopify/Product/');
const MONEY_OPEN = new TextEncoder().encode('{"shopMoney":{"amount":"');
const MONEY_CLOSE = new TextEncoder().encode('"}}');
const TYPE_ORDER = new TextEncoder().encode("Order");
const TYPE_LINE_ITEM = new TextEncoder().encode("LineItem");
const TYPE_PRODUCT = new TextEncoder().encode("Product");

class ScanError extends Error {}

const decoder = new TextDecoder();

export class BulkLineScanner {
  private buf: Uint8Array = new Uint8Array(0);
  private start = 0;
  private pos = 0;
  private end = 0;
  private readonly currencyBytes: Uint8Array | null;

  // Results of the last scan.
  error = "";
  seen = 0;
  idType = 0;
  idNumber = -1;
  /** Set for GIDs whose tail is not a plain number (interned by the caller). */
  idText: string | null = null;
  parentType = 0;
  parentNumber = -1;
  parentText: string | null = null;
  createdAtMs = NaN;
  updatedAtMs = NaN;
  cancelled = false;
  test = false;
  /** False when the order's currency differs from the expected shop currency. */
  currencyMatches = true;
  currencyText = "";
  discounts = 0;
  refundCount = 0;
  refundMs = new Float64Array(8);
  refundAmount = new Float64Array(8);
  quantity = 0;
  currentQuantity = 0;
  originalTotal = 0;
  discountedTotal = 0;
  /** -1 for no product. */
  productNumber = -1;
  productText: string | null = null;

  /** Previous key code (or START_*) -> the key code that followed it last time. */
  private readonly predicted = new Int8Array(64);
  private readonly predictedToo = new Int8Array(64);

  // Scratch for readGid.
  private gidType = 0;
  private gidText: string | null = null;

  constructor(expectedCurrency: string | null) {
    this.currencyBytes = expectedCurrency ? new TextEncoder().encode(expectedCurrency) : null;
  }

  /**
   * Scans the line starting at `start` as one JSON object. `newlineAt` is the index of a newline
   * at or after the line's own end (no JSON token can contain a raw newline, so the scanner
   * always stops at the line's newline). Returns the index of the line's newline, or -1 with
   * `error` set.
   */
  scan(buf: Uint8Array, start: number, newlineAt: number): number {
    this.buf = buf;
    this.start = start;
    this.pos = start;
    this.end = newlineAt + 1;
    this.error = "";
    this.seen = 0;
    this.idType = 0;
    this.idNumber = -1;
    this.idText = null;
    this.parentType = 0;
    this.parentNumber = -1;
    this.parentText = null;
    this.cancelled = false;
    this.test = false;
    this.currencyMatches = true;
    this.currencyText = "";
    this.refundCount = 0;
    this.productNumber = -1;
    this.productText = null;
    try {
      this.topLevel();
      return this.pos;
    } catch (error) {
      if (!(error instanceof ScanError)) throw error;
      this.error = error.message;
      return -1;
    }
  }

  /** Which kind of object the last line was (after a successful scan). */
  kind(): number {
    if (this.parentType !== 0) return this.idType === GID_LINE_ITEM ? KIND_LINE_ITEM : KIND_OTHER;
    return this.idType === GID_ORDER ? KIND_ORDER : KIND_OTHER;
  }

  private fail(reason: string): never {
    throw new ScanError(`${reason} (column ${this.pos - this.start + 1})`);
  }

  private skipSpace(): void {
    const buf = this.buf;
    let p = this.pos;
    while (p < this.end) {
      const c = buf[p];
      if (c !== 32 && c !== 9 && c !== 13) break;
      p++;
    }
    this.pos = p;
  }

  private expect(byte: number, what: string): void {
    if (this.buf[this.pos] === byte) {
      this.pos++;
      return;
    }
    this.skipSpace();
    if (this.pos >= this.end || this.buf[this.pos] !== byte) {
      this.fail(
        this.pos >= this.end ? `unexpected end of line, expected ${what}` : `expected ${what}`,
      );
    }
    this.pos++;
  }

  /** After a member: true for `,` (another member follows), false for the closing bracket. */
  private more(close: number): boolean {
    const next = this.buf[this.pos];
    if (next === COMMA) {
      this.pos++;
      return true;
    }
    if (next === close) {
      this.pos++;
      return false;
    }
    this.skipSpace();
    const c = this.pos < this.end ? this.buf[this.pos] : -1;
    this.pos++;
    if (c === COMMA) return true;
    if (c === close) return false;
    this.pos--;
    return this.fail(c === -1 ? "unexpected end of line" : "expected , or closing bracket");
  }

  /** Opens an object; false when it is empty. */
  private openObject(): boolean {
    this.expect(OPEN_OBJECT, "{");
    const next = this.buf[this.pos];
    if (next === QUOTE) return true;
    this.skipSpace();
    if (this.pos < this.end && this.buf[this.pos] === CLOSE_OBJECT) {
      this.pos++;
      return false;
    }
    return true;
  }

  private topLevel(): void {
    if (!this.openObject()) this.fail("empty object");
    let previous: number = START_TOP;
    do {
      const key = this.key(previous);
      previous = key === 0 ? UNKNOWN_KEY : key;
      switch (key) {
        case K_ID:
          this.idNumber = this.typedGid(ORDER_GID, GID_ORDER, LINE_ITEM_GID, GID_LINE_ITEM);
          this.idType = this.gidType;
          this.idText = this.gidText;
          break;
        case K_PARENT:
          this.parentNumber = this.typedGid(ORDER_GID, GID_ORDER, ORDER_GID, GID_ORDER);
          this.parentType = this.gidType;
          this.parentText = this.gidText;
          break;
        case K_CREATED_AT:
          this.createdAtMs = this.instant();
          break;
        case K_UPDATED_AT:
          this.updatedAtMs = this.instant();
          break;
        case K_CANCELLED_AT:
          this.cancelled = !this.nullLiteral();
          if (this.cancelled) this.instant();
          break;
        case K_TEST:
          this.test = this.boolean();
          break;
        case K_CURRENCY:
          this.currency();
          break;
        case K_TOTAL_DISCOUNTS:
          this.discounts = this.moneyBag();
          break;
        case K_REFUNDS:
          this.refunds();
          break;
        case K_QUANTITY:
          this.quantity = this.integer();
          break;
        case K_CURRENT_QUANTITY:
          this.currentQuantity = this.integer();
          break;
        case K_ORIGINAL_TOTAL:
          this.originalTotal = this.moneyBag();
          break;
        case K_DISCOUNTED_TOTAL:
          this.discountedTotal = this.moneyBag();
          break;
        case K_PRODUCT:
          this.product();
          break;
        default:
          this.skipValue(0);
          continue; // unknown keys are not recorded in `seen`
      }
      this.seen |= 1 << key;
    } while (this.more(CLOSE_OBJECT));
    this.skipSpace();
    if (this.pos >= this.end || this.buf[this.pos] !== 10) {
      this.fail("unexpected characters after the object");
    }
  }

  /**
   * Reads `"key":` and returns its code (0 for keys the KPIs do not use). `previous` is the code
   * of the key before it in the same object (or the object's START_* context): bulk lines repeat
   * the same key order, so the key that followed last time is compared first, byte for byte,
   * and hashing is only needed when the guess is wrong.
   */
  private key(previous: number): number {
    const buf = this.buf;
    let p = this.pos;
    if (buf[p] !== QUOTE) {
      this.skipSpace();
      p = this.pos;
      if (p >= this.end || buf[p] !== QUOTE) this.fail("expected a key");
    }
    p++;
    const guess = this.predicted[previous];
    if (guess !== 0 && this.matchesKey(p, guess)) return guess;
    const second = this.predictedToo[previous];
    if (second !== 0 && this.matchesKey(p, second)) return second;
    this.pos = p;
    const code = this.hashedKey();
    if (code !== 0) {
      // Two guesses per context: order lines and line-item lines alternate at the top level.
      this.predictedToo[previous] = guess;
      this.predicted[previous] = code;
    }
    return code;
  }

  /** Whether key `code` and its closing quote start at `p`; if so, moves past the colon. */
  private matchesKey(p: number, code: number): boolean {
    const buf = this.buf;
    const bytes = QUOTED_KEYS[code];
    const length = bytes.length;
    if (p + length > this.end) return false;
    for (let i = 0; i < length; i++) if (buf[p + i] !== bytes[i]) return false;
    p += length;
    if (buf[p] === COLON) this.pos = p + 1;
    else {
      this.pos = p;
      this.expect(COLON, ":");
    }
    return true;
  }

  private hashedKey(): number {
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    let hash = 0;
    for (;;) {
      if (p >= this.end) {
        this.pos = p;
        this.fail("unterminated key");
      }
      const c = buf[p];
      if (c === QUOTE) break;
      if (c === 10) {
        this.pos = p;
        this.fail("line ends inside a key");
      }
      if (c === BACKSLASH || c < 32) {
        // Escaped keys are never ones we read; validate and treat as unknown.
        this.pos = start;
        this.stringEnd();
        this.expect(COLON, ":");
        return 0;
      }
      hash = keyHashStep(hash, c);
      p++;
    }
    this.pos = p + 1;
    this.expect(COLON, ":");
    const length = p - start;
    const code = KEY_TABLE[keySlot(hash, length)];
    if (code === 0) return 0;
    const expected = KEY_BYTES[code];
    if (expected.length !== length) return 0;
    for (let i = 0; i < length; i++) if (buf[start + i] !== expected[i]) return 0;
    return code;
  }

  /** Moves past a string whose opening quote was consumed; returns the closing quote's index. */
  private stringEnd(): number {
    const buf = this.buf;
    let p = this.pos;
    for (;;) {
      if (p >= this.end) {
        this.pos = p;
        this.fail("unterminated string");
      }
      const c = buf[p];
      if (c === QUOTE) break;
      if (c < 32) {
        this.pos = p;
        this.fail(c === 10 ? "line ends inside a string" : "control character in string");
      }
      if (c === BACKSLASH) {
        const next = p + 1 < this.end ? buf[p + 1] : -1;
        if (next === 117) {
          for (let i = 2; i < 6; i++) {
            const h = p + i < this.end ? buf[p + i] : -1;
            const hex = (h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102);
            if (!hex) {
              this.pos = p;
              this.fail("bad \\u escape");
            }
          }
          p += 6;
          continue;
        }
        // " \ / b f n r t
        if (!(
          next === 34 ||
          next === 92 ||
          next === 47 ||
          next === 98 ||
          next === 102 ||
          next === 110 ||
          next === 114 ||
          next === 116
        )) {
          this.pos = p;
          this.fail("bad escape");
        }
        p += 2;
        continue;
      }
      p++;
    }
    this.pos = p + 1;
    return p;
  }

  /** A string value decoded the slow, general way (for rare shapes). */
  private decodedString(): string {
    const start = this.pos - 1;
    const close = this.stringEnd();
    return JSON.parse(decoder.decode(this.buf.subarray(start, close + 1))) as string;
  }

  private nullLiteral(): boolean {
    const first = this.buf[this.pos];
    if (first !== 110 && first !== 32 && first !== 9 && first !== 13) return false;
    this.skipSpace();
    const buf = this.buf;
    const p = this.pos;
    if (
      p + 4 <= this.end &&
      buf[p] === 110 &&
      buf[p + 1] === 117 &&
      buf[p + 2] === 108 &&
      buf[p + 3] === 108
    ) {
      this.pos = p + 4;
      return true;
    }
    return false;
  }

  private boolean(): boolean {
    this.skipSpace();
    const buf = this.buf;
    const p = this.pos;
    if (
      p + 4 <= this.end &&
      buf[p] === 116 &&
      buf[p + 1] === 114 &&
      buf[p + 2] === 117 &&
      buf[p + 3] === 101
    ) {
      this.pos = p + 4;
      return true;
    }
    if (
      p + 5 <= this.end &&
      buf[p] === 102 &&
      buf[p + 1] === 97 &&
      buf[p + 2] === 108 &&
      buf[p + 3] === 115 &&
      buf[p + 4] === 101
    ) {
      this.pos = p + 5;
      return false;
    }
    return this.fail("expected true or false");
  }

  /**
   * A GID string, trying the two expected `"gid://shopify/Type/` prefixes in one comparison each
   * before the general reader.
   */
  private typedGid(
    first: Uint8Array,
    firstType: number,
    second: Uint8Array,
    secondType: number,
  ): number {
    const start = this.pos;
    let type = 0;
    if (this.literal(first)) type = firstType;
    else if (second !== first && this.literal(second)) type = secondType;
    if (type !== 0) {
      const buf = this.buf;
      let p = this.pos;
      let n = 0;
      const digitsStart = p;
      while (p < this.end && buf[p] >= ZERO && buf[p] <= NINE) {
        n = n * 10 + (buf[p] - ZERO);
        p++;
      }
      const digits = p - digitsStart;
      if (buf[p] === QUOTE && digits > 0 && digits <= 15 && buf[digitsStart] !== ZERO) {
        this.pos = p + 1;
        this.gidType = type;
        this.gidText = null;
        return n;
      }
    }
    this.pos = start;
    return this.gid();
  }

  /**
   * A GID string. Returns its numeric tail (sets gidType), or -1 with gidText set when the tail
   * is not a plain number of at most 15 digits.
   */
  private gid(): number {
    this.expect(QUOTE, "a GID string");
    const buf = this.buf;
    const start = this.pos;
    this.gidText = null;
    const prefixEnd = start + GID_PREFIX.length;
    let ok = prefixEnd < this.end;
    for (let i = 0; ok && i < GID_PREFIX.length; i++) ok = buf[start + i] === GID_PREFIX[i];
    if (ok) {
      let p = prefixEnd;
      while (p < this.end && buf[p] !== 47 && buf[p] !== QUOTE && buf[p] !== BACKSLASH) p++;
      if (p < this.end && buf[p] === 47) {
        const typeEnd = p;
        let n = 0;
        let digits = 0;
        p++;
        while (p < this.end && buf[p] >= ZERO && buf[p] <= NINE && digits < 16) {
          n = n * 10 + (buf[p] - ZERO);
          digits++;
          p++;
        }
        if (
          p < this.end &&
          buf[p] === QUOTE &&
          digits > 0 &&
          digits <= 15 &&
          buf[typeEnd + 1] !== ZERO
        ) {
          this.gidType = this.typeOf(prefixEnd, typeEnd);
          this.pos = p + 1;
          return n;
        }
      }
    }
    // Anything else: decode it and let the caller intern the text.
    const text = this.decodedString();
    this.gidText = text;
    const slash = text.lastIndexOf("/");
    const type = text.startsWith("gid://shopify/") && slash > 14 ? text.slice(14, slash) : "";
    this.gidType =
      type === "Order"
        ? GID_ORDER
        : type === "LineItem"
          ? GID_LINE_ITEM
          : type === "Product"
            ? GID_PRODUCT
            : GID_OTHER;
    return -1;
  }

  private typeOf(start: number, end: number): number {
    const length = end - start;
    if (length === TYPE_ORDER.length && this.bytesEqual(start, TYPE_ORDER)) return GID_ORDER;
    if (length === TYPE_LINE_ITEM.length && this.bytesEqual(start, TYPE_LINE_ITEM))
      return GID_LINE_ITEM;
    if (length === TYPE_PRODUCT.length && this.bytesEqual(start, TYPE_PRODUCT)) return GID_PRODUCT;
    return GID_OTHER;
  }

  private bytesEqual(start: number, expected: Uint8Array): boolean {
    for (let i = 0; i < expected.length; i++) if (this.buf[start + i] !== expected[i]) return false;
    return true;
  }

  /**
   * An ISO-8601 instant, fast path "YYYY-MM-DDTHH:MM:SS[.fff]Z"; other valid forms go through
   * parseInstant. Epoch ms.
   */
  private instant(): number {
    this.expect(QUOTE, "a timestamp string");
    const buf = this.buf;
    const p = this.pos;
    if (
      p + 20 <= this.end &&
      buf[p + 4] === MINUS &&
      buf[p + 7] === MINUS &&
      buf[p + 10] === 84 &&
      buf[p + 13] === COLON &&
      buf[p + 16] === COLON
    ) {
      const year = this.digits(p, 4);
      const month = this.digits(p + 5, 2);
      const day = this.digits(p + 8, 2);
      const hour = this.digits(p + 11, 2);
      const minute = this.digits(p + 14, 2);
      const second = this.digits(p + 17, 2);
      let q = p + 19;
      let millis = 0;
      if (buf[q] === DOT) {
        q++;
        const fractionStart = q;
        while (q < this.end && buf[q] >= ZERO && buf[q] <= NINE) {
          if (q - fractionStart < 3) millis = millis * 10 + (buf[q] - ZERO);
          q++;
        }
        const digits = q - fractionStart;
        if (digits === 0) millis = -1;
        else if (digits === 1) millis *= 100;
        else if (digits === 2) millis *= 10;
      }
      if (
        year >= 1000 &&
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysInMonth(year, month) &&
        hour >= 0 &&
        hour <= 23 &&
        minute >= 0 &&
        minute <= 59 &&
        second >= 0 &&
        second <= 59 &&
        millis >= 0 &&
        q + 1 < this.end &&
        buf[q] === 90 &&
        buf[q + 1] === QUOTE
      ) {
        this.pos = q + 2;
        return Date.UTC(year, month - 1, day, hour, minute, second, millis);
      }
    }
    const ms = parseInstant(this.decodedString());
    if (Number.isNaN(ms)) {
      this.pos = p;
      this.fail("invalid timestamp");
    }
    return ms;
  }

  /** Value of `count` ASCII digits at `at`, or -1. */
  private digits(at: number, count: number): number {
    let n = 0;
    for (let i = 0; i < count; i++) {
      const c = this.buf[at + i];
      if (c < ZERO || c > NINE) return -1;
      n = n * 10 + (c - ZERO);
    }
    return n;
  }

  private currency(): void {
    this.expect(QUOTE, "a currency string");
    const start = this.pos;
    const close = this.stringEnd();
    const expected = this.currencyBytes;
    if (expected === null) return;
    const matches = close - start === expected.length && this.bytesEqual(start, expected);
    if (!matches) {
      this.currencyMatches = false;
      this.currencyText = decoder.decode(this.buf.subarray(start, close));
    }
  }

  /** A JSON integer (quantities). */
  private integer(): number {
    this.skipSpace();
    const buf = this.buf;
    let p = this.pos;
    const negative = p < this.end && buf[p] === MINUS;
    if (negative) p++;
    const start = p;
    let n = 0;
    while (p < this.end && buf[p] >= ZERO && buf[p] <= NINE) {
      n = n * 10 + (buf[p] - ZERO);
      p++;
    }
    const count = p - start;
    if (count === 0 || (count > 1 && buf[start] === ZERO) || count > 15)
      this.fail("expected an integer");
    if (p < this.end && (buf[p] === DOT || buf[p] === 101 || buf[p] === 69))
      this.fail("expected an integer");
    this.pos = p;
    return negative ? -n : n;
  }

  /** `{"shopMoney":{"amount":"12.5"}}` -> micro-units (other keys validated and skipped). */
  private moneyBag(): number {
    // The shape the bulk result always has, compared in one go; anything else is read in full.
    const start = this.pos;
    if (this.literal(MONEY_OPEN)) {
      const amount = this.decimalDigits();
      if (amount === amount && this.literal(MONEY_CLOSE)) return amount;
      this.pos = start;
    }
    let amount = NaN;
    if (this.nullLiteral()) this.fail("money is null");
    if (!this.openObject()) this.fail("empty money bag");
    let previous: number = START_MONEY_BAG;
    do {
      const key = this.key(previous);
      previous = key === 0 ? UNKNOWN_KEY : key;
      if (key !== K_SHOP_MONEY) {
        this.skipValue(1);
        continue;
      }
      if (!this.openObject()) this.fail("empty shopMoney");
      let inner: number = START_SHOP_MONEY;
      do {
        const innerKey = this.key(inner);
        inner = innerKey === 0 ? UNKNOWN_KEY : innerKey;
        if (innerKey === K_AMOUNT) amount = this.decimalString();
        else this.skipValue(2);
      } while (this.more(CLOSE_OBJECT));
    } while (this.more(CLOSE_OBJECT));
    if (Number.isNaN(amount)) this.fail("money without shopMoney.amount");
    return amount;
  }

  /** Moves past `bytes` if they come next. */
  private literal(bytes: Uint8Array): boolean {
    const buf = this.buf;
    const p = this.pos;
    const length = bytes.length;
    if (p + length > this.end) return false;
    for (let i = 0; i < length; i++) if (buf[p + i] !== bytes[i]) return false;
    this.pos = p + length;
    return true;
  }

  /** A decimal string ("-12.345") -> safe-integer micro-units. */
  private decimalString(): number {
    this.expect(QUOTE, "an amount string");
    return this.decimalDigits();
  }

  /** The digits of a decimal string after its opening quote, through the closing quote. */
  private decimalDigits(): number {
    const buf = this.buf;
    let p = this.pos;
    const negative = p < this.end && buf[p] === MINUS;
    if (negative) p++;
    const wholeStart = p;
    let whole = 0;
    while (p < this.end && buf[p] >= ZERO && buf[p] <= NINE) {
      whole = whole * 10 + (buf[p] - ZERO);
      p++;
    }
    if (p === wholeStart || p - wholeStart > 16) this.fail("invalid amount");
    let fraction = 0;
    if (p < this.end && buf[p] === DOT) {
      p++;
      const fractionStart = p;
      while (p < this.end && buf[p] >= ZERO && buf[p] <= NINE) {
        const digit = buf[p] - ZERO;
        const index = p - fractionStart;
        if (index < MICRO_DIGITS) fraction = fraction * 10 + digit;
        else if (digit !== 0) this.fail("amount has more than 6 decimals");
        p++;
      }
      if (p === fractionStart) this.fail("invalid amount");
      for (let i = p - fractionStart; i < MICRO_DIGITS; i++) fraction *= 10;
    } else {
      fraction = 0;
    }
    if (p >= this.end || buf[p] !== QUOTE) this.fail("invalid amount");
    this.pos = p + 1;
    const micro = whole * 1_000_000 + fraction;
    if (!Number.isSafeInteger(micro)) this.fail("amount out of range");
    return negative ? -micro : micro;
  }

  /** `[{"createdAt":…,"totalRefundedSet":{…}}, …]` */
  private refunds(): void {
    this.expect(OPEN_ARRAY, "[");
    this.skipSpace();
    if (this.pos < this.end && this.buf[this.pos] === CLOSE_ARRAY) {
      this.pos++;
      return;
    }
    do {
      let at = NaN;
      let amount = NaN;
      if (this.openObject()) {
        let previous: number = START_REFUND;
        do {
          const key = this.key(previous);
          previous = key === 0 ? UNKNOWN_KEY : key;
          if (key === K_CREATED_AT) {
            // A refund without a time (never seen) is booked on the order's day by the caller.
            at = this.nullLiteral() ? -Infinity : this.instant();
          } else if (key === K_TOTAL_REFUNDED) amount = this.moneyBag();
          else this.skipValue(2);
        } while (this.more(CLOSE_OBJECT));
      }
      if (Number.isNaN(at)) this.fail("refund without createdAt");
      if (Number.isNaN(amount)) this.fail("refund without totalRefundedSet");
      const index = this.refundCount++;
      if (index >= this.refundMs.length) {
        const ms = new Float64Array(this.refundMs.length * 2);
        const amounts = new Float64Array(this.refundMs.length * 2);
        ms.set(this.refundMs);
        amounts.set(this.refundAmount);
        this.refundMs = ms;
        this.refundAmount = amounts;
      }
      this.refundMs[index] = at;
      this.refundAmount[index] = amount;
    } while (this.more(CLOSE_ARRAY));
  }

  /** `null` or `{"id":"gid://shopify/Product/1"}`. */
  private product(): void {
    if (this.nullLiteral()) return;
    let found = false;
    if (this.openObject()) {
      let previous: number = START_PRODUCT;
      do {
        const key = this.key(previous);
        previous = key === 0 ? UNKNOWN_KEY : key;
        if (key === K_ID) {
          this.productNumber = this.typedGid(PRODUCT_GID, GID_PRODUCT, PRODUCT_GID, GID_PRODUCT);
          this.productText = this.gidText;
          if (this.gidType !== GID_PRODUCT) this.fail("product id is not a Product GID");
          found = true;
        } else {
          this.skipValue(1);
        }
      } while (this.more(CLOSE_OBJECT));
    }
    if (!found) this.fail("product without id");
  }

  /** Validates and skips any JSON value. */
  private skipValue(depth: number): void {
    if (depth > MAX_DEPTH) this.fail("nested too deeply");
    this.skipSpace();
    if (this.pos >= this.end) this.fail("unexpected end of line, expected a value");
    const c = this.buf[this.pos];
    if (c === QUOTE) {
      this.pos++;
      this.stringEnd();
    } else if (c === OPEN_OBJECT) {
      if (!this.openObject()) return;
      do {
        this.key(START_OTHER);
        this.skipValue(depth + 1);
      } while (this.more(CLOSE_OBJECT));
    } else if (c === OPEN_ARRAY) {
      this.pos++;
      this.skipSpace();
      if (this.pos < this.end && this.buf[this.pos] === CLOSE_ARRAY) {
        this.pos++;
        return;
      }
      do this.skipValue(depth + 1);
      while (this.more(CLOSE_ARRAY));
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      this.skipNumber();
    } else if (!this.nullLiteral() && !this.trueOrFalse()) {
      this.fail("unexpected character");
    }
  }

  private trueOrFalse(): boolean {
    const c = this.buf[this.pos];
    if (c !== 116 && c !== 102) return false;
    this.boolean();
    return true;
  }

  /** JSON number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
  private skipNumber(): void {
    const buf = this.buf;
    let p = this.pos;
    if (buf[p] === MINUS) p++;
    if (!this.isDigit(p)) this.fail("invalid number");
    if (buf[p] === ZERO) p++;
    else while (this.isDigit(p)) p++;
    if (p < this.end && buf[p] === DOT) {
      p++;
      if (!this.isDigit(p)) this.fail("invalid number");
      while (this.isDigit(p)) p++;
    }
    if (p < this.end && (buf[p] === 101 || buf[p] === 69)) {
      p++;
      if (p < this.end && (buf[p] === PLUS || buf[p] === MINUS)) p++;
      if (!this.isDigit(p)) this.fail("invalid number");
      while (this.isDigit(p)) p++;
    }
    this.pos = p;
  }

  private isDigit(at: number): boolean {
    return at < this.end && this.buf[at] >= ZERO && this.buf[at] <= NINE;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
