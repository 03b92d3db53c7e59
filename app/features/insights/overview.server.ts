import type { ShopifyGateway } from "../../shopify/gateway.server";
import { ORDERS_COUNT_QUERY } from "../../shopify/operations/orders-count";

/** Orders created in the last 30 days (instants; day boundaries come with the KPI timeline). */
export async function insightsOverview(gateway: ShopifyGateway, now: Date = new Date()) {
  const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000).toISOString();
  const { ordersCount } = await gateway.query(ORDERS_COUNT_QUERY, {
    query: `created_at:>='${since}'`,
  });
  return { orders30: ordersCount?.count ?? 0 };
}
