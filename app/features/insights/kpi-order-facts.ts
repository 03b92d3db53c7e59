import type { ContributionRow } from "./kpi-aggregates";
import { dayKey, type ShopDayClock } from "./kpi-day";
import { countsInSales, latestIndex, returnedValue, splitByWeights } from "./kpi-definitions";

/**
 * One order, normalised from whichever source saw it (a webhook payload, a GraphQL read), and
 * its contribution to the KPIs as rows. The streaming bulk ingest books exactly the same rows
 * without building these objects (tests hold the two paths equal).
 */

export interface OrderLineFacts {
  id: string;
  productId: string | null;
  quantity: number;
  currentQuantity: number;
  /** Micro-units, before discounts. */
  originalTotal: number;
  /** Micro-units, after the line's discounts. */
  discountedTotal: number;
}

export interface RefundFacts {
  /** Epoch ms; -Infinity when unknown (booked on the order day). */
  createdAtMs: number;
  /** Refunded amount in micro-units (weighs the split when lines are unknown). */
  amount: number;
  /** Refunded quantities per line item, when the source has them (webhooks); null otherwise. */
  lines: { lineItemId: string; quantity: number }[] | null;
}

export interface OrderFacts {
  id: string;
  createdAtMs: number;
  /** Epoch ms of the order's last update, when known (orders older than a stored one lose). */
  updatedAtMs: number | null;
  cancelled: boolean;
  test: boolean;
  currencyCode: string;
  /** Order discounts in micro-units, as a positive amount. */
  discounts: number;
  refunds: RefundFacts[];
  lineItems: OrderLineFacts[];
}

export type ExclusionReason = "test" | "cancelled" | "other-currency";

export interface OrderContribution {
  rows: ContributionRow[];
  /** Why the order contributes nothing, if it does not. */
  excluded: ExclusionReason | null;
}

/** Rows of one order (kpi-definitions.ts). `shopCurrency` null skips the currency check. */
export function orderContribution(
  order: OrderFacts,
  clock: ShopDayClock,
  shopCurrency: string | null,
): OrderContribution {
  if (!countsInSales(order)) {
    return { rows: [], excluded: order.test ? "test" : "cancelled" };
  }
  if (shopCurrency !== null && order.currencyCode !== shopCurrency) {
    return { rows: [], excluded: "other-currency" };
  }
  const orderDate = clock.dayKeyOf(order.createdAtMs);
  const dateOf = (ms: number) => (ms === -Infinity ? orderDate : dayKey(clock.dayOf(ms)));
  const rows: ContributionRow[] = [
    { ...emptyRow(order.id, null, orderDate, null), orders: 1, discounts: -order.discounts },
  ];
  const exact = order.refunds.length > 0 && order.refunds.every((refund) => refund.lines !== null);
  for (const line of order.lineItems) {
    rows.push({
      ...emptyRow(order.id, line.id, orderDate, line.productId),
      grossSales: line.originalTotal,
      units: line.quantity,
      productNetSales: line.discountedTotal,
    });
    const returns = exact ? refundLineReturns(order, line) : quantityReturns(order, line);
    for (const { ms, value, quantity } of returns) {
      if (value === 0 && quantity === 0) continue;
      rows.push({
        ...emptyRow(order.id, line.id, dateOf(ms), line.productId),
        returns: -value,
        productNetSales: -value,
        returnedUnits: quantity,
      });
    }
  }
  return { rows: mergeRows(rows), excluded: null };
}

interface ReturnPart {
  ms: number;
  value: number;
  quantity: number;
}

function valueOf(order: OrderFacts, line: OrderLineFacts, quantity: number): number {
  const value = returnedValue(quantity, line.quantity, line.discountedTotal);
  if (value === null) throw new RangeError(`order ${order.id}: returned value out of range`);
  return value;
}

/** Returns from refund line items (exact), plus unrefunded removals on the order day. */
function refundLineReturns(order: OrderFacts, line: OrderLineFacts): ReturnPart[] {
  const parts: ReturnPart[] = [];
  let refunded = 0;
  for (const refund of order.refunds) {
    let quantity = 0;
    for (const refundLine of refund.lines ?? []) {
      if (refundLine.lineItemId === line.id) quantity += refundLine.quantity;
    }
    if (quantity <= 0) continue;
    refunded += quantity;
    parts.push({ ms: refund.createdAtMs, value: valueOf(order, line, quantity), quantity });
  }
  const removed = line.quantity - line.currentQuantity - refunded;
  if (removed > 0) {
    parts.push({ ms: order.createdAtMs, value: valueOf(order, line, removed), quantity: removed });
  }
  return parts;
}

/**
 * Returns from `quantity − currentQuantity` when refund lines are unknown (the bulk result): on
 * the one refund's day, split by refunded amount across several, on the order day without a
 * refund. Same arithmetic as the streaming ingest: the line's value is split, not recomputed.
 */
function quantityReturns(order: OrderFacts, line: OrderLineFacts): ReturnPart[] {
  const quantity = line.quantity - line.currentQuantity;
  if (quantity <= 0) return [];
  const value = valueOf(order, line, quantity);
  if (order.refunds.length === 0) return [{ ms: order.createdAtMs, value, quantity }];
  if (order.refunds.length === 1) return [{ ms: order.refunds[0].createdAtMs, value, quantity }];
  return splitAcrossRefunds(order.refunds, value, quantity);
}

/** Merges rows of the same line and day (a line returned twice on one day is one row). */
function mergeRows(rows: ContributionRow[]): ContributionRow[] {
  const merged = new Map<string, ContributionRow>();
  for (const row of rows) {
    const key = `${row.lineItemId ?? ""}|${row.date}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...row });
      continue;
    }
    existing.grossSales += row.grossSales;
    existing.discounts += row.discounts;
    existing.returns += row.returns;
    existing.productNetSales += row.productNetSales;
    existing.orders += row.orders;
    existing.units += row.units;
    existing.returnedUnits += row.returnedUnits;
  }
  return [...merged.values()];
}

export function emptyRow(
  orderId: string,
  lineItemId: string | null,
  date: string,
  productId: string | null,
): ContributionRow {
  return {
    orderId,
    lineItemId,
    date,
    productId,
    grossSales: 0,
    discounts: 0,
    returns: 0,
    productNetSales: 0,
    orders: 0,
    units: 0,
    returnedUnits: 0,
  };
}

/** Splits a line's returned value and quantity across several refunds (bulk semantics). */
export function splitAcrossRefunds(
  refunds: readonly RefundFacts[],
  value: number,
  quantity: number,
): { ms: number; value: number; quantity: number }[] {
  const weights = refunds.map((refund) => refund.amount);
  const fallback = latestIndex(refunds.map((refund) => refund.createdAtMs));
  const values = splitByWeights(value, weights, fallback);
  const quantities = splitByWeights(quantity, weights, fallback);
  return refunds.map((refund, i) => ({
    ms: refund.createdAtMs,
    value: values[i],
    quantity: quantities[i],
  }));
}
