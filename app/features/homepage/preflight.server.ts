import type { HomepageCampaign } from "@prisma/client";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { HOMEPAGE_COLLECTION_CHECK_QUERY } from "../../shopify/operations/homepage-preflight";
import { HOMEPAGE_THEME_FILES_QUERY } from "../../shopify/operations/homepage-theme-files";
import { preflightWarnings, type CollectionFacts, type PreflightResult } from "./preflight";
import { canWriteThemes, placedBlocks } from "./theme-access.server";

export type { PreflightResult } from "./preflight";

async function collectionFacts(
  gateway: ShopifyGateway,
  id: string,
): Promise<CollectionFacts | null> {
  const { collection } = await gateway.query(HOMEPAGE_COLLECTION_CHECK_QUERY, { id });
  if (!collection) return null;
  const products = collection.products.nodes;
  const active = products.filter((p) => p.status === "ACTIVE");
  return {
    title: collection.title,
    productsCount: collection.productsCount?.count ?? products.length,
    onOnlineStore: collection.resourcePublications.nodes.some(
      (node) => node.publication.catalog?.title === "Online Store",
    ),
    activeProducts: active.length,
    buyableProducts: active.filter((p) => !p.tracksInventory || (p.totalInventory ?? 0) > 0).length,
  };
}

/** Runs the checks against the store as it is now (on save, and again before the start). */
export async function runPreflight(
  _shop: string,
  gateway: ShopifyGateway,
  campaign: HomepageCampaign,
  now: Date,
): Promise<PreflightResult> {
  const facts = {
    mode: campaign.mode,
    startsAt: campaign.startsAt,
    now,
    collection: campaign.collectionId
      ? await collectionFacts(gateway, campaign.collectionId)
      : undefined,
    blockPlaced:
      campaign.mode === "APP_BLOCK" ? (await placedBlocks(gateway)).blocks.length > 0 : undefined,
    canWriteThemes: campaign.mode === "TEMPLATE" ? await canWriteThemes(gateway) : undefined,
    sourceThemeFound:
      campaign.mode === "TEMPLATE" && campaign.sourceThemeId
        ? (
            await gateway.query(HOMEPAGE_THEME_FILES_QUERY, {
              id: campaign.sourceThemeId,
              filenames: ["templates/index.json"],
            })
          ).theme !== null
        : undefined,
  };
  return { checkedAt: now.toISOString(), warnings: preflightWarnings(facts) };
}
