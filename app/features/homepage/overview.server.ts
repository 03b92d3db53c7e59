import type { ShopifyGateway } from "../../shopify/gateway.server";
import { LIVE_THEME_QUERY } from "../../shopify/operations/live-theme";

export async function homepageOverview(gateway: ShopifyGateway) {
  const { themes } = await gateway.query(LIVE_THEME_QUERY);
  const live = themes?.nodes[0];
  return { liveTheme: live ? { id: live.id, name: live.name } : null };
}
