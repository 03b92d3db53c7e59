import { divideRounded } from "./kpi-money";

/**
 * KPI DEFINITIONS — how Merchdesk turns orders into daily sales KPIs.
 *
 * They mirror the definitions of the emulated Shopify analytics (`emulator/analytics/kpis.ts`,
 * `FROM sales`), so Merchdesk's numbers and the ShopifyQL numbers agree to the cent for the same
 * orders. Change both together.
 *
 * Days
 * - A day is a calendar day in the shop's IANA time zone (`shop.ianaTimezone`), DST included.
 * - An order belongs to the local day of its `createdAt`. A refund belongs to the local day of
 *   the refund's `createdAt` (Shopify analytics records a return when it happens, not on the
 *   order's day), so a return can lower the net sales of a later day.
 *
 * Which orders count
 * - Test orders (`test: true`) never count (the bulk query also filters them out at the source).
 * - Cancelled orders (`cancelledAt` set) do not count at all, on any day, together with their
 *   refunds: this is what the emulated analytics does. (Shopify's own reports keep the sale on
 *   the order day and book the cancellation's refund as a return; see the report notes.)
 * - Orders in a currency other than the shop's (when the caller passes the shop currency) are
 *   left out and reported, because their amounts cannot be added to the shop's.
 *
 * Money (exact: integer micro-units of the shop currency, `shopMoney` amounts only)
 * - gross sales = Σ line original total (unit price × ordered quantity, before discounts), on the
 *   order day.
 * - discounts = − order `totalDiscountsSet` (a negative amount, as Shopify reports print it), on
 *   the order day.
 * - returns = − value of returned goods, on the refund day. Returned quantity of a line =
 *   `quantity − currentQuantity`; its value = returned quantity × the line's discounted unit
 *   price (discounted total / quantity, rounded half away from zero, micro-unit precision). Refunded shipping, tips and taxes are not returns.
 *   · One refund (the usual case): the whole returned value lands on that refund's day.
 *   · Several refunds and only the bulk result (which cannot carry refund line items: a connection
 *     inside the `refunds` list is not allowed in bulk queries): the line's returned value and
 *     quantity are split across the refunds in proportion to each refund's `totalRefundedSet`
 *     (exact integer shares, largest remainder); all to the latest refund when every refund is 0.
 *     The `orders/updated` webhook carries refund line items and replaces this with the exact
 *     attribution.
 *   · Quantity removed without a refund (order edits) counts as returned on the order day.
 * - net sales = gross sales + discounts + returns.
 * - average order value = (gross sales + discounts) / orders, rounded half away from zero; 0 on a
 *   day without orders (returns do not lower it, as in Shopify analytics).
 *
 * Counts
 * - orders = number of counted orders created that day.
 * - units = Σ ordered quantity of their line items (order day); returned units = Σ returned
 *   quantity (refund day, split like the returned value). Net units = units − returned units.
 *
 * Per product (for per-collection sales)
 * - product net sales = Σ line discounted total (order day) − returned value (refund day), per
 *   product. Collections are derived from products with the membership of each day. Lines
 *   without a product (custom items, deleted products) are kept under product `null`.
 *   Order-level discounts that Shopify does not allocate to lines make Σ product net sales differ
 *   from net sales; with allocated discounts (the normal case) they are equal.
 *
 * Sessions and conversion rate come from ShopifyQL (`FROM sessions`), not from orders; see
 * kpi-daily.ts.
 */

/** Whether an order contributes to the sales KPIs at all. */
export function countsInSales(order: { test: boolean; cancelled: boolean }): boolean {
  return !order.test && !order.cancelled;
}

/** Net sales from the signed parts (discounts and returns are ≤ 0). */
export function netSales(grossSales: bigint, discounts: bigint, returns: bigint): bigint {
  return grossSales + discounts + returns;
}

/** (gross + discounts) / orders, half away from zero; 0 without orders. */
export function averageOrderValue(grossSales: bigint, discounts: bigint, orders: number): bigint {
  return orders > 0 ? divideRounded(grossSales + discounts, BigInt(orders)) : 0n;
}

/**
 * Returned goods value of a line in micro-units: returned quantity × discounted unit price, the
 * unit price being the line's discounted total / quantity rounded half away from zero (what
 * Shopify reports as the discounted unit price). Null when it does not fit a safe integer.
 */
export function returnedValue(
  returnedQuantity: number,
  quantity: number,
  discountedTotal: number,
): number | null {
  if (returnedQuantity === 0) return 0;
  if (quantity <= 0) return null;
  const unit = divideRounded(BigInt(discountedTotal), BigInt(quantity));
  const value = Number(unit * BigInt(returnedQuantity));
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Splits a non-negative integer across refunds in proportion to their weights (refunded amounts),
 * exactly: floor shares, then the remainder one by one to the largest fractional parts (earliest
 * refund first on ties). When every weight is 0 (or negative) the whole value goes to the
 * refund at `fallbackIndex` (the latest one).
 */
export function splitByWeights(
  value: number,
  weights: readonly number[],
  fallbackIndex: number,
): number[] {
  const shares = weights.map(() => 0);
  if (value === 0) return shares;
  let total = 0n;
  for (const weight of weights) if (weight > 0) total += BigInt(weight);
  if (total === 0n) {
    shares[fallbackIndex] = value;
    return shares;
  }
  const big = BigInt(value);
  const remainders: { index: number; remainder: bigint }[] = [];
  let assigned = 0n;
  weights.forEach((weight, index) => {
    if (weight <= 0) return;
    const product = big * BigInt(weight);
    const share = product / total;
    shares[index] = Number(share);
    assigned += share;
    remainders.push({ index, remainder: product % total });
  });
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (let left = Number(big - assigned), i = 0; left > 0; left--, i++) {
    shares[remainders[i].index] += 1;
  }
  return shares;
}

/** Index of the latest refund (by time; the last one listed on ties). */
export function latestIndex(times: readonly number[]): number {
  let latest = 0;
  for (let i = 1; i < times.length; i++) if (times[i] >= times[latest]) latest = i;
  return latest;
}
