import { averageOrderValue, netSales } from "./kpi-definitions";
import { dayKey, dayNumber } from "./kpi-day";
import { ExactSums } from "./kpi-money";
import { Float64Column, NumberKeyIndex } from "./kpi-number-index";

/**
 * Per-day and per-day-per-product sums, exact, with no per-order state. Both the streaming bulk
 * ingest and the webhook path add into this; see kpi-definitions.ts for what the numbers mean.
 */

/** One day's sales KPIs. Money in micro-units of the shop currency (1 unit = 1_000_000). */
export interface DayKpis {
  date: string;
  grossSales: bigint;
  /** ≤ 0. */
  discounts: bigint;
  /** ≤ 0 (returns booked that day). */
  returns: bigint;
  netSales: bigint;
  averageOrderValue: bigint;
  orders: number;
  units: number;
  returnedUnits: number;
}

export interface ProductDayNetSales {
  date: string;
  /** Product GID; null for lines without a product. */
  productId: string | null;
  netSales: bigint;
}

/**
 * One order's contribution to one day, as the caller may store it per order so that a later
 * version of the order can replace it (subtract these rows, add the new ones). Money is signed
 * micro-units (safe integers); rows of one order add up to its whole contribution.
 */
export interface ContributionRow {
  orderId: string;
  /** null for the order's own row (order count and discounts). */
  lineItemId: string | null;
  date: string;
  productId: string | null;
  grossSales: number;
  discounts: number;
  returns: number;
  productNetSales: number;
  orders: number;
  units: number;
  returnedUnits: number;
}

const GID_PREFIX = "gid://shopify/";
const PRODUCT_PREFIX = "gid://shopify/Product/";
/** Key of "no product". Real ids start at 1. */
export const NO_PRODUCT_KEY = 0;
/** Non-numeric GIDs (never seen in practice) get keys from here on. */
const SYNTHETIC_KEY_BASE = 2 ** 52;

/** Numeric tail of a canonical GID ("gid://shopify/Order/123" -> 123), or -1. */
export function gidNumber(gid: string, type: string): number {
  const prefix = `${GID_PREFIX}${type}/`;
  if (!gid.startsWith(prefix)) return -1;
  const tail = gid.slice(prefix.length);
  if (!/^[1-9]\d{0,15}$/.test(tail)) return -1;
  const n = Number(tail);
  return n < SYNTHETIC_KEY_BASE ? n : -1;
}

export class KpiAggregates {
  private readonly daySlots = new Map<number, number>();
  private readonly dayNumbers: number[] = [];
  private lastDay = NaN;
  private lastDaySlot = -1;
  private readonly gross = new ExactSums();
  private readonly discounts = new ExactSums();
  private readonly returns = new ExactSums();
  private readonly orders = new Float64Column(64);
  private readonly units = new Float64Column(64);
  private readonly returnedUnits = new Float64Column(64);

  private readonly productIndex = new NumberKeyIndex(1024);
  private readonly productKeys: number[] = [];
  private readonly syntheticProducts = new Map<string, number>();
  private readonly syntheticProductIds: string[] = [];

  /** Per day slot: that day's product net sales. */
  private readonly productDayTables: ProductNetTable[] = [];

  /** Slot of a local day number (days are few; the last one is cached). */
  daySlot(day: number): number {
    if (day === this.lastDay) return this.lastDaySlot;
    let slot = this.daySlots.get(day);
    if (slot === undefined) {
      slot = this.dayNumbers.length;
      this.daySlots.set(day, slot);
      this.dayNumbers.push(day);
      this.orders.ensure(slot);
      this.units.ensure(slot);
      this.returnedUnits.ensure(slot);
    }
    this.lastDay = day;
    this.lastDaySlot = slot;
    return slot;
  }

  /** Slot of a product by the numeric part of its GID (NO_PRODUCT_KEY for none). */
  productSlot(productKey: number): number {
    const slot = this.productIndex.findOrAdd(productKey);
    if (slot === this.productKeys.length) this.productKeys.push(productKey);
    return slot;
  }

  /** Slot of a product GID (null for none). */
  productSlotOfGid(productId: string | null): number {
    if (productId === null) return this.productSlot(NO_PRODUCT_KEY);
    const n = gidNumber(productId, "Product");
    if (n > 0) return this.productSlot(n);
    let key = this.syntheticProducts.get(productId);
    if (key === undefined) {
      key = SYNTHETIC_KEY_BASE + this.syntheticProductIds.length;
      this.syntheticProducts.set(productId, key);
      this.syntheticProductIds.push(productId);
    }
    return this.productSlot(key);
  }

  /** Local day number of a day slot. */
  dayOfSlot(daySlot: number): number {
    return this.dayNumbers[daySlot];
  }

  /** Product GID of a product slot (null for "no product"). */
  productIdOfSlot(productSlot: number): string | null {
    return this.productGid(this.productKeys[productSlot]);
  }

  /** An order's own part: one order, its (negative) discounts. */
  addOrder(daySlot: number, orders: number, discounts: number): void {
    this.orders.values[daySlot] += orders;
    this.discounts.add(daySlot, discounts);
  }

  /** A line on the order day: gross, ordered units, and its discounted total for the product. */
  addLine(
    daySlot: number,
    productSlot: number,
    grossSales: number,
    units: number,
    productNetSales: number,
  ): void {
    this.gross.add(daySlot, grossSales);
    this.units.values[daySlot] += units;
    this.addProductNet(daySlot, productSlot, productNetSales);
  }

  /** Returned goods on the refund day; `returns` is ≤ 0 and also lowers the product's net. */
  addReturn(daySlot: number, productSlot: number, returns: number, returnedUnits: number): void {
    this.returns.add(daySlot, returns);
    this.returnedUnits.values[daySlot] += returnedUnits;
    this.addProductNet(daySlot, productSlot, returns);
  }

  /** Adds (sign 1) or removes (sign -1) stored contribution rows. */
  applyRows(rows: readonly ContributionRow[], sign: 1 | -1): void {
    for (const row of rows) {
      const slot = this.daySlot(dayNumber(row.date));
      this.gross.add(slot, sign * row.grossSales);
      this.discounts.add(slot, sign * row.discounts);
      this.returns.add(slot, sign * row.returns);
      this.orders.values[slot] += sign * row.orders;
      this.units.values[slot] += sign * row.units;
      this.returnedUnits.values[slot] += sign * row.returnedUnits;
      if (row.lineItemId !== null) {
        this.addProductNet(slot, this.productSlotOfGid(row.productId), sign * row.productNetSales);
      }
    }
  }

  /**
   * Days in date order that have anything booked (a refund day with nothing returned, or an
   * order replaced by a webhook, can leave an all-zero day; see kpi-daily.ts for zero-fill).
   */
  days(): DayKpis[] {
    return this.dayNumbers
      .map((day, slot) => ({ day, slot }))
      .sort((a, b) => a.day - b.day)
      .filter(({ slot }) => !this.isEmptyDay(slot))
      .map(({ day, slot }) => {
        const grossSales = this.gross.get(slot);
        const discounts = this.discounts.get(slot);
        const returns = this.returns.get(slot);
        const orders = this.orders.values[slot];
        return {
          date: dayKey(day),
          grossSales,
          discounts,
          returns,
          netSales: netSales(grossSales, discounts, returns),
          averageOrderValue: averageOrderValue(grossSales, discounts, orders),
          orders,
          units: this.units.values[slot],
          returnedUnits: this.returnedUnits.values[slot],
        };
      });
  }

  /**
   * Net sales per day and product, by date then product id (rows that net to 0 included).
   * A generator: a year of a large shop is millions of rows, which a caller writing them to
   * storage should not hold all at once.
   */
  *productDays(): Generator<ProductDayNetSales> {
    const daySlots = this.dayNumbers.map((_day, slot) => slot);
    daySlots.sort((a, b) => this.dayNumbers[a] - this.dayNumbers[b]);
    for (const daySlot of daySlots) {
      const table = this.productDayTables[daySlot];
      if (table === undefined) continue;
      const date = dayKey(this.dayNumbers[daySlot]);
      const entries = table.entries();
      entries.sort((a, b) => this.productKeys[a] - this.productKeys[b]);
      for (const productSlot of entries) {
        yield {
          date,
          productId: this.productGid(this.productKeys[productSlot]),
          netSales: table.get(productSlot),
        };
      }
    }
  }

  private isEmptyDay(slot: number): boolean {
    return (
      this.orders.values[slot] === 0 &&
      this.units.values[slot] === 0 &&
      this.returnedUnits.values[slot] === 0 &&
      this.gross.get(slot) === 0n &&
      this.discounts.get(slot) === 0n &&
      this.returns.get(slot) === 0n
    );
  }

  private productGid(key: number): string | null {
    if (key === NO_PRODUCT_KEY) return null;
    if (key >= SYNTHETIC_KEY_BASE) return this.syntheticProductIds[key - SYNTHETIC_KEY_BASE];
    return `${PRODUCT_PREFIX}${key}`;
  }

  private addProductNet(daySlot: number, productSlot: number, amount: number): void {
    let table = this.productDayTables[daySlot];
    if (table === undefined) {
      while (this.productDayTables.length < daySlot)
        this.productDayTables.push(new ProductNetTable());
      table = new ProductNetTable();
      this.productDayTables[daySlot] = table;
    }
    table.add(productSlot, amount);
  }
}

/**
 * One day's net sales per product slot: open addressing over typed arrays (~24 bytes per
 * product sold that day), exact like ExactSums (a sum about to leave the safe-integer range
 * moves into a bigint).
 */
class ProductNetTable {
  /** productSlot + 1; 0 = empty. */
  private keys = new Int32Array(64);
  private values = new Float64Array(64);
  private readonly spilled = new Map<number, bigint>();
  private count = 0;

  add(productSlot: number, amount: number): void {
    const key = productSlot + 1;
    let keys = this.keys;
    let mask = keys.length - 1;
    let position = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    for (;;) {
      const found = keys[position];
      if (found === key) break;
      if (found === 0) {
        if ((this.count + 1) * 2 > keys.length) {
          this.grow();
          keys = this.keys;
          mask = keys.length - 1;
          position = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
          continue;
        }
        keys[position] = key;
        this.count++;
        break;
      }
      position = (position + 1) & mask;
    }
    const sum = this.values[position] + amount;
    if (sum <= Number.MAX_SAFE_INTEGER && sum >= -Number.MAX_SAFE_INTEGER) {
      this.values[position] = sum;
    } else {
      const exact = BigInt(this.values[position]) + BigInt(amount);
      this.spilled.set(productSlot, (this.spilled.get(productSlot) ?? 0n) + exact);
      this.values[position] = 0;
    }
  }

  get(productSlot: number): bigint {
    const key = productSlot + 1;
    const mask = this.keys.length - 1;
    let position = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (this.keys[position] !== 0 && this.keys[position] !== key)
      position = (position + 1) & mask;
    const low = this.keys[position] === key ? BigInt(this.values[position]) : 0n;
    return low + (this.spilled.get(productSlot) ?? 0n);
  }

  /** Product slots present. */
  entries(): number[] {
    const slots: number[] = [];
    for (const key of this.keys) if (key !== 0) slots.push(key - 1);
    return slots;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.values = new Float64Array(oldKeys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i];
      if (key === 0) continue;
      let position = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
      while (this.keys[position] !== 0) position = (position + 1) & mask;
      this.keys[position] = key;
      this.values[position] = oldValues[i];
    }
  }
}
