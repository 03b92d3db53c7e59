import type { HomepageCampaign } from "@prisma/client";
import { db } from "../../db.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { HOMEPAGE_PREVIEW_COLLECTION_QUERY } from "../../shopify/operations/homepage-preview-collection";
import { storefrontHomeUrl } from "../../shopify/storefront.server";
import { appNow } from "./clock.server";
import {
  PREVIEW_PRODUCT_LIMIT,
  previewCampaign,
  previewCollection,
  type PreviewCampaign,
} from "./preview-content";
import {
  isWellFormedToken,
  newPreviewToken,
  previewAllowed,
  previewLinkUrl,
  PREVIEW_LIFETIME_MS,
} from "./preview-link";
import { formatLocal, toLocal } from "./zoned-time";

/**
 * Storefront preview links of app-block campaigns (docs/decisions/035-storefront-preview-link.md):
 * made and revoked by the merchant, answered through the app proxy. Every query is scoped to the
 * shop the request is signed for, so one shop's token never opens another shop's campaign.
 */

const OPEN_STATUSES = ["SCHEDULED", "PAUSED", "LIVE"] as const;

/** Makes a new link (a previous one stops working). False when the campaign cannot have one. */
export async function createPreviewLink(shop: string, id: string): Promise<boolean> {
  const now = await appNow();
  const { count } = await db().homepageCampaign.updateMany({
    where: { shop, id, mode: "APP_BLOCK", status: { in: [...OPEN_STATUSES] } },
    data: {
      previewToken: newPreviewToken(),
      previewExpiresAt: new Date(now.getTime() + PREVIEW_LIFETIME_MS),
    },
  });
  return count === 1;
}

/** Revokes the campaign's link at once. False when the campaign does not exist. */
export async function revokePreviewLink(shop: string, id: string): Promise<boolean> {
  const { count } = await db().homepageCampaign.updateMany({
    where: { shop, id },
    data: { previewToken: null, previewExpiresAt: null },
  });
  return count === 1;
}

export interface PreviewLinkView {
  url: string;
  /** When it stops working, as wall-clock time in the shop's zone. */
  expiresLocal: string;
  expired: boolean;
}

/** The link as the campaign page shows it, or null when there is none. */
export function previewLinkView(
  shop: string,
  campaign: Pick<HomepageCampaign, "previewToken" | "previewExpiresAt">,
  now: Date,
  zone: string,
): PreviewLinkView | null {
  if (!campaign.previewToken || !campaign.previewExpiresAt) return null;
  return {
    url: previewLinkUrl(storefrontHomeUrl(shop), campaign.previewToken),
    expiresLocal: formatLocal(toLocal(campaign.previewExpiresAt, zone)),
    expired: campaign.previewExpiresAt.getTime() <= now.getTime(),
  };
}

/**
 * The campaign a preview token opens in `shop`, with its collection read from Shopify, or null
 * (unknown, revoked, expired, ended, template mode, or another shop's token).
 */
export async function campaignForPreviewToken(
  shop: string,
  token: unknown,
  gateway: ShopifyGateway | null,
): Promise<PreviewCampaign | null> {
  if (!isWellFormedToken(token)) return null;
  const campaign = await db().homepageCampaign.findFirst({ where: { shop, previewToken: token } });
  if (!campaign || !previewAllowed(campaign, token, await appNow())) return null;
  let collection = null;
  if (campaign.collectionId && gateway) {
    const read = await gateway.query(HOMEPAGE_PREVIEW_COLLECTION_QUERY, {
      id: campaign.collectionId,
      first: PREVIEW_PRODUCT_LIMIT * 2,
    });
    collection = previewCollection(read.collection);
  }
  return previewCampaign(campaign, collection);
}
