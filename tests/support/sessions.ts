import { API_KEY, API_SECRET_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { Session } from "@shopify/shopify-api";
import { db } from "../../app/db.server";
import { shopify } from "../../app/shopify/app.server";
import { APP_SCOPES } from "../../app/shopify/scopes";

/** Installs a shop as an OAuth/token exchange would: its offline session and its Shop record. */
export async function installShop(shop: string, accessToken = `shpat_${shop.split(".")[0]}`) {
  await shopify().sessionStorage.storeSession(
    new Session({
      id: `offline_${shop}`,
      shop,
      state: "installed",
      isOnline: false,
      scope: APP_SCOPES.join(","),
      accessToken,
    }),
  );
  await db().shop.upsert({
    where: { domain: shop },
    create: { domain: shop, scopes: APP_SCOPES.join(",") },
    update: {},
  });
}

/** A request as App Bridge sends it from inside the admin: Bearer session token for `shop`. */
export async function adminRequest(
  shop: string,
  path: string,
  init: RequestInit & { secret?: string } = {},
): Promise<Request> {
  const { token } = await getJwt(
    shop.replace(/\.myshopify\.com$/, ""),
    API_KEY,
    init.secret ?? API_SECRET_KEY,
  );
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return new Request(new URL(path, process.env.SHOPIFY_APP_URL), { ...init, headers });
}
