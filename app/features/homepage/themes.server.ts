import type { ShopifyGateway } from "../../shopify/gateway.server";
import { HOMEPAGE_THEMES_QUERY } from "../../shopify/operations/homepage-theme-files";

/** The store's themes, for choosing where a template-mode home page comes from. */
export async function homepageThemes(gateway: ShopifyGateway) {
  const { themes } = await gateway.query(HOMEPAGE_THEMES_QUERY);
  return (themes?.nodes ?? []).map((t) => ({ id: t.id, name: t.name, role: t.role as string }));
}
