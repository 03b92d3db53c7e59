import { abstractFetch } from "@shopify/shopify-api/runtime";
import { getEnv } from "../env.server";

/**
 * The storefront as shoppers get it (not Admin API): used to verify a home-page switch. Against
 * the local emulator (standalone demo, tests) it is `/_emulator/storefront/<shop>/` on the
 * emulator; embedded in production it is `https://<shop>/`. Requests go through the same
 * transport as the Admin API client, so tests reach the in-process emulator.
 */
export async function fetchStorefrontHome(
  shop: string,
  options: { previewThemeId?: string } = {},
): Promise<{ status: number; html: string }> {
  const base = getEnv().SHOPIFY_ADMIN_API_BASE;
  const url = base
    ? new URL(`/_emulator/storefront/${encodeURIComponent(shop)}/`, base)
    : new URL(`https://${shop}/`);
  if (options.previewThemeId) url.searchParams.set("preview_theme_id", options.previewThemeId);
  const response = await abstractFetch(url.toString(), {
    headers: { accept: "text/html" },
    redirect: "follow",
  });
  return { status: response.status, html: await response.text() };
}

/** The shopper-facing URL of the home page (with a theme preview when given). */
export function storefrontHomeUrl(shop: string, previewThemeId?: string): string {
  const base = getEnv().SHOPIFY_ADMIN_API_BASE;
  const url = base
    ? new URL(`/_emulator/storefront/${encodeURIComponent(shop)}/`, base)
    : new URL(`https://${shop}/`);
  if (previewThemeId) url.searchParams.set("preview_theme_id", previewThemeId);
  return url.toString();
}

/**
 * The local emulator's clock (standalone demo and tests only; null against real Shopify). The
 * app's scheduler follows it there so advancing the emulator clock makes due switches run.
 */
export async function localPlatformNow(): Promise<{ now: Date; frozen: boolean } | null> {
  const base = getEnv().SHOPIFY_ADMIN_API_BASE;
  if (!base) return null;
  const response = await abstractFetch(new URL("/_emulator/clock", base).toString(), {});
  if (!response.ok) throw new Error(`emulator clock answered ${response.status}`);
  const body = (await response.json()) as { now: string; frozen?: boolean };
  return { now: new Date(body.now), frozen: body.frozen === true };
}
