import type { ShopifyGateway } from "../../shopify/gateway.server";
import { storefrontHomeUrl } from "../../shopify/storefront.server";
import { appNow } from "./clock.server";
import { getCampaign, shopZone } from "./campaigns.server";
import { campaignView } from "./overview.server";
import { collectionSummary } from "./campaign-references.server";
import { previewLinkView } from "./preview-links.server";
import { homepageThemes } from "./themes.server";

/** Everything the campaign page shows, including its previews. */
export async function campaignPage(shop: string, gateway: ShopifyGateway, id: string) {
  const campaign = await getCampaign(shop, id);
  if (!campaign) return null;
  const zone = await shopZone(shop);
  const now = await appNow();
  const numericTheme = campaign.sourceThemeId?.split("/").pop();
  return {
    zone,
    now: now.toISOString(),
    campaign: campaignView(campaign, zone),
    themes: await homepageThemes(gateway),
    // The picked collection as the form shows it (title and image, not its id).
    collection: campaign.collectionId
      ? await collectionSummary(gateway, campaign.collectionId)
      : null,
    storefrontUrl: storefrontHomeUrl(shop),
    // App-block mode: a secret link that shows the campaign on the real storefront (ADR 035).
    previewLink: campaign.mode === "APP_BLOCK" ? previewLinkView(shop, campaign, now, zone) : null,
    // Template mode: the source theme's own preview shows the campaign's home page.
    themePreviewUrl:
      campaign.mode === "TEMPLATE" && numericTheme ? storefrontHomeUrl(shop, numericTheme) : null,
  };
}
