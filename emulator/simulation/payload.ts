import { zoneOffsetMs } from "../seed/calendar";
import type { Gid, Order, ShopState } from "../store/types";

/**
 * The `orders/create` webhook body: the REST Admin order resource (a subset of its fields, named
 * and typed as REST does: numeric ids, decimal strings, timestamps in the shop's zone).
 */

function numericId(gid: Gid | null): number | null {
  if (gid === null) return null;
  const n = Number(gid.slice(gid.lastIndexOf("/") + 1));
  return Number.isFinite(n) ? n : null;
}

/** "2026-11-02T11:00:00+01:00": REST timestamps carry the shop's offset. */
export function restTimestamp(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const offsetMinutes = Math.round(zoneOffsetMs(zone, ms) / 60_000);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}

export function orderCreatedPayload(shop: ShopState, order: Order) {
  const zone = shop.ianaTimezone;
  const createdAt = restTimestamp(order.createdAt, zone);
  return {
    id: numericId(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    order_number: Number(order.name.replace(/^#/, "")),
    created_at: createdAt,
    processed_at: restTimestamp(order.processedAt, zone),
    updated_at: restTimestamp(order.updatedAt, zone),
    cancelled_at: order.cancelledAt ? restTimestamp(order.cancelledAt, zone) : null,
    currency: order.currencyCode,
    presentment_currency: order.currencyCode,
    total_price: order.total,
    subtotal_price: order.subtotal,
    total_discounts: order.totalDiscounts,
    total_tax: order.totalTax,
    taxes_included: true,
    total_shipping_price_set: {
      shop_money: { amount: order.totalShipping, currency_code: order.currencyCode },
    },
    test: order.test,
    financial_status: "paid",
    fulfillment_status: null,
    source_name: "web",
    line_items: order.lineItems.map((line) => ({
      id: numericId(line.id),
      admin_graphql_api_id: line.id,
      product_id: numericId(line.productId),
      variant_id: numericId(line.variantId),
      title: line.title,
      quantity: line.quantity,
      price: line.price,
      total_discount: line.discount,
    })),
  };
}
