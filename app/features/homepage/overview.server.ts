import { getEnv } from "../../env.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { HOMEPAGE_THEMES_QUERY } from "../../shopify/operations/homepage-theme-files";
import { storefrontHomeUrl } from "../../shopify/storefront.server";
import { appNow } from "./clock.server";
import { listCampaigns, shopZone, type CampaignWithSwitches } from "./campaigns.server";
import type { PreflightResult } from "./preflight";
import { placedBlocks } from "./theme-access.server";
import { formatLocal, toLocal } from "./zoned-time";

/** A campaign as screens show it: instants plus wall-clock times in the shop's zone. */
export function campaignView(campaign: CampaignWithSwitches, zone: string) {
  const local = (date: Date | null) => (date ? formatLocal(toLocal(date, zone)) : "");
  return {
    id: campaign.id,
    name: campaign.name,
    mode: campaign.mode,
    status: campaign.status,
    startsAt: campaign.startsAt.toISOString(),
    endsAt: campaign.endsAt?.toISOString() ?? null,
    startsLocal: local(campaign.startsAt),
    endsLocal: local(campaign.endsAt),
    notes: campaign.notes ?? "",
    heading: campaign.heading,
    text: campaign.text,
    buttonLabel: campaign.buttonLabel,
    buttonLink: campaign.buttonLink,
    imageUrl: campaign.imageUrl,
    collectionId: campaign.collectionId ?? "",
    sourceThemeId: campaign.sourceThemeId ?? "",
    metaobjectHandle: campaign.metaobjectHandle,
    alert: campaign.alert,
    warnings: ((campaign.preflight as PreflightResult | null)?.warnings ?? []).map((w) => ({
      code: w.code,
      subject: w.subject ?? "",
    })),
    switches: campaign.switches.map((s) => ({
      id: s.id,
      direction: s.direction,
      status: s.status,
      dueLocal: local(s.dueAt),
      appliedLocal: local(s.appliedAt),
      late: s.late,
      error: s.error,
      verifiedOk: s.verifiedOk,
      verifyNote: s.verifyNote,
    })),
  };
}
export type CampaignView = ReturnType<typeof campaignView>;

/** Theme editor deep link that adds our campaign block to the live home page. */
function addBlockUrl(shop: string): string {
  const apiKey = getEnv().SHOPIFY_API_KEY;
  return `https://${shop}/admin/themes/current/editor?template=index&addAppBlockId=${apiKey}/campaign&target=newAppsSection`;
}

export async function homepageOverview(shop: string, gateway: ShopifyGateway) {
  const [zone, campaigns, placement, themes, now] = await Promise.all([
    shopZone(shop),
    listCampaigns(shop),
    placedBlocks(gateway),
    gateway.query(HOMEPAGE_THEMES_QUERY),
    appNow(),
  ]);
  const live = themes.themes?.nodes.find((t) => t.role === "MAIN");
  return {
    zone,
    now: now.toISOString(),
    nowLocal: formatLocal(toLocal(now, zone)),
    liveTheme: live ? { id: live.id, name: live.name } : null,
    placement: { placed: placement.blocks.length > 0, blocks: placement.blocks },
    addBlockUrl: addBlockUrl(shop),
    storefrontUrl: storefrontHomeUrl(shop),
    themes: (themes.themes?.nodes ?? []).map((t) => ({ id: t.id, name: t.name, role: t.role })),
    campaigns: campaigns.map((c) => campaignView(c, zone)),
  };
}
