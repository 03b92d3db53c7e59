import type { LoaderFunctionArgs } from "@remix-run/node";
import { campaignForPreviewToken } from "../features/homepage/preview-links.server";
import { ShopifyGateway } from "../shopify/gateway.server";
import { authenticateAppProxy } from "../shopify/app.server";

/**
 * App proxy: `https://<store>/apps/merchdesk/campaign-preview?token=…` (shopify.app.toml
 * [app_proxy]). The campaign block's preview script asks here for the campaign a preview link
 * opens (docs/decisions/035-storefront-preview-link.md). Shopify signs the request; the answer is
 * private to the link holder, so it is never cached.
 */
const NO_STORE = { "cache-control": "private, no-store", "x-robots-tag": "noindex" };

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, graphql } = await authenticateAppProxy(request);
  const token = new URL(request.url).searchParams.get("token");
  const gateway = graphql ? new ShopifyGateway(shop, graphql) : null;
  const campaign = await campaignForPreviewToken(shop, token, gateway);
  // One answer for unknown, revoked, expired and foreign tokens: nothing to tell them apart.
  if (!campaign) return Response.json({ campaign: null }, { status: 404, headers: NO_STORE });
  return Response.json({ campaign }, { headers: NO_STORE });
};
