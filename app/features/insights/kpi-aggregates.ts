import { averageOrderValue, netSales } from "./kpi-definitions";
import { dayKey, dayNumber } from "./kpi-day";
import { ExactSums } from "./kpi-money";
import { Float64Column, Int32Column, NumberKeyIndex } from "./kpi-number-index";

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
const PRODUCT_SLOT_BITS = 2 ** 26;

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

  private readonly productDayIndex = new NumberKeyIndex(4096);
  private readonly productDayDay = new Int32Column(4096);
  private readonly productDayProduct = new Int32Column(4096);
  private readonly productDayNet = new ExactSums(4096);

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

  /** Days in date order (only days something was booked on; see kpi-daily.ts for zero-fill). */
  days(): DayKpis[] {
    return this.dayNumbers
      .map((day, slot) => ({ day, slot }))
      .sort((a, b) => a.day - b.day)
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

  /** Net sales per day and product, by date then product id; rows that net to 0 are kept. */
  productDays(): ProductDayNetSales[] {
    const rows: { day: number; key: number; netSales: bigint }[] = [];
    for (let slot = 0; slot < this.productDayIndex.size; slot++) {
      rows.push({
        day: this.dayNumbers[this.productDayDay.values[slot]],
        key: this.productKeys[this.productDayProduct.values[slot]],
        netSales: this.productDayNet.get(slot),
      });
    }
    rows.sort((a, b) => a.day - b.day || a.key - b.key);
    return rows.map((row) => ({
      date: dayKey(row.day),
      productId: this.productGid(row.key),
      netSales: row.netSales,
    }));
  }

  private productGid(key: number): string | null {
    if (key === NO_PRODUCT_KEY) return null;
    if (key >= SYNTHETIC_KEY_BASE) return this.syntheticProductIds[key - SYNTHETIC_KEY_BASE];
    return `${PRODUCT_PREFIX}${key}`;
  }

  private addProductNet(daySlot: number, productSlot: number, amount: number): void {
    const key = daySlot * PRODUCT_SLOT_BITS + productSlot;
    const slot = this.productDayIndex.findOrAdd(key);
    this.productDayDay.ensure(slot);
    this.productDayProduct.ensure(slot);
    this.productDayDay.values[slot] = daySlot;
    this.productDayProduct.values[slot] = productSlot;
    this.productDayNet.add(slot, amount);
  }
}
