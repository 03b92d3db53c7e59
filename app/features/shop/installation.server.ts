import { db } from "../../db.server";
import { enqueue } from "../../jobs/queue.server";
import { syncShopProfileJob } from "../../jobs/sync-shop-profile.server";

/** An install (or re-install): the shop is active again and its profile is (re)read. */
export async function recordInstallation(shop: string, scopes: string | null): Promise<void> {
  await db().shop.upsert({
    where: { domain: shop },
    create: { domain: shop, scopes },
    update: { scopes, uninstalledAt: null },
  });
  await enqueue(syncShopProfileJob, { shop }, { singletonKey: `sync-shop-profile:${shop}` });
}

/**
 * Uninstall: the app loses access at once, so its credentials go now. The shop's records stay
 * until Shopify's `shop/redact` (48 hours later), so a quick re-install loses nothing.
 */
export async function recordUninstallation(shop: string, at: Date): Promise<void> {
  await db().$transaction([
    db().session.deleteMany({ where: { shop } }),
    db().shop.updateMany({ where: { domain: shop }, data: { uninstalledAt: at } }),
  ]);
}

/** `shop/redact`: every record Merchdesk holds for the shop is deleted (cascades from Shop). */
export async function redactShop(shop: string): Promise<void> {
  await db().$transaction([
    db().session.deleteMany({ where: { shop } }),
    db().shop.deleteMany({ where: { domain: shop } }),
  ]);
}

export function findShop(shop: string) {
  return db().shop.findUnique({ where: { domain: shop } });
}
