import { db } from "../../db.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { SHOP_PROFILE_QUERY } from "../../shopify/operations/shop-profile";

/** Reads the shop's name, currency, time zone, plan and granted scopes and stores them. */
export async function syncShopProfile(gateway: ShopifyGateway): Promise<void> {
  const data = await gateway.query(SHOP_PROFILE_QUERY);
  const scopes = data.currentAppInstallation.accessScopes.map((scope) => scope.handle).join(",");
  await db().shop.update({
    where: { domain: gateway.shop },
    data: {
      name: data.shop.name,
      email: data.shop.email,
      currencyCode: data.shop.currencyCode,
      ianaTimezone: data.shop.ianaTimezone,
      planName: data.shop.plan.publicDisplayName,
      scopes,
      profileSyncedAt: new Date(),
    },
  });
}
