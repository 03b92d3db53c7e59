import type { Order, OrderLineItem, OrderRefund } from "../store/types";
import { divideRounded, units } from "./decimal";

/**
 * Money derived from a stored order, shared by the Order resolvers and the sales KPIs so both
 * read the same numbers. All amounts are decimal micro-units (see decimal.ts).
 */

/** Unit price after the line's own discount: price - discount / quantity. */
export function discountedUnitPrice(line: OrderLineItem): bigint {
  const discount = units(line.discount);
  return units(line.price) - (line.quantity ? divideRounded(discount, BigInt(line.quantity)) : 0n);
}

export function lineGross(line: OrderLineItem): bigint {
  return units(line.price) * BigInt(line.quantity);
}

export function lineDiscountedTotal(line: OrderLineItem): bigint {
  return lineGross(line) - units(line.discount);
}

/** Value of the goods a refund returns: refunded quantity at the discounted unit price. */
export function refundLinesValue(order: Order, refund: OrderRefund): bigint {
  let value = 0n;
  for (const refundLine of refund.lines) {
    const line = order.lineItems.find((item) => item.id === refundLine.lineItemId);
    if (line) value += discountedUnitPrice(line) * BigInt(refundLine.quantity);
  }
  return value;
}

export function refundedQuantity(order: Order, lineItemId: string): number {
  let quantity = 0;
  for (const refund of order.refunds) {
    for (const line of refund.lines) if (line.lineItemId === lineItemId) quantity += line.quantity;
  }
  return quantity;
}

export function totalRefunded(order: Order): bigint {
  return order.refunds.reduce((sum, refund) => sum + units(refund.amount), 0n);
}

export function returnedGoodsValue(order: Order): bigint {
  return order.refunds.reduce((sum, refund) => sum + refundLinesValue(order, refund), 0n);
}

/** OrderDisplayFinancialStatus derived from totals and refunds. */
export function financialStatus(
  order: Order,
): "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED" {
  const refunded = totalRefunded(order);
  if (refunded === 0n) return order.cancelledAt ? "VOIDED" : "PAID";
  return refunded >= units(order.total) ? "REFUNDED" : "PARTIALLY_REFUNDED";
}
