import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTIONS_COUNT_QUERY } from "../../shopify/operations/collections-count";

export async function collectionsOverview(gateway: ShopifyGateway) {
  const { collectionsCount } = await gateway.query(COLLECTIONS_COUNT_QUERY, { limit: null });
  return {
    count: collectionsCount?.count ?? 0,
    exact: collectionsCount?.precision !== "AT_LEAST",
  };
}
