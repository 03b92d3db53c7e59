import type { ShopifyGateway } from "../../shopify/gateway.server";
import { storefrontHomeUrl } from "../../shopify/storefront.server";
import { appNow } from "./clock.server";
import { getCampaign, shopZone } from "./campaigns.server";
import { campaignView } from "./overview.server";
import { homepageThemes } from "./themes.server";

/** Everything the campaign page shows, including its previews. */
export async function campaignPage(shop: string, gateway: ShopifyGateway, id: string) {
  const campaign = await getCampaign(shop, id);
  if (!campaign) return null;
  const zone = await shopZone(shop);
  const numericTheme = campaign.sourceThemeId?.split("/").pop();
  return {
    zone,
    now: (await appNow()).toISOString(),
    campaign: campaignView(campaign, zone),
    themes: await homepageThemes(gateway),
    storefrontUrl: storefrontHomeUrl(shop),
    // Template mode: the source theme's own preview shows the campaign's home page.
    themePreviewUrl:
      campaign.mode === "TEMPLATE" && numericTheme ? storefrontHomeUrl(shop, numericTheme) : null,
  };
}
