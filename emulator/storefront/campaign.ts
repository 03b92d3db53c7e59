import type { Metafield, Metaobject, ShopState } from "../store/types";

/**
 * Merchdesk's campaign content model, as the theme app block reads it:
 *
 * - A campaign is an app-owned metaobject of type `$app:campaign`, stored (as Shopify does) as
 *   `app--<numeric app id>--campaign`. Its handle identifies it (`data-merchdesk-campaign`).
 *   Fields (all text; only `heading` is needed to render):
 *     heading        single_line_text_field   the banner headline
 *     text           multi_line_text_field    body copy; line breaks are kept
 *     button_label   single_line_text_field   call to action (shown with button_link)
 *     button_link    url                      where the button goes (`shopify://` links allowed)
 *     image_url      url                      banner image
 *     collection     collection_reference     optional featured collection (its products are
 *                                              listed in the block and sell more while live)
 * - The live campaign is chosen by the app-owned metafield `$app.live_campaign` (namespace
 *   `app--<numeric app id>`, key `live_campaign`, type `metaobject_reference`, value the
 *   metaobject GID) on the Shop; the same metafield on the app installation is accepted too.
 * - It is live when that metafield references an existing campaign metaobject whose status is
 *   ACTIVE. Deleting the metafield (or pointing it at nothing) shows the block's empty state.
 *
 * The app switches campaigns by writing that one metafield, which is atomic, and can verify the
 * switch on the storefront through `data-merchdesk-campaign`.
 */

export const CAMPAIGN_METAFIELD_KEY = "live_campaign";
/**
 * `$app.campaign_schedule` (json, on the Shop): the current and upcoming campaigns with their
 * instants, `[{id, handle, startsAt, endsAt|null}]`. The block renders each of them inert and a
 * small script shows the right one at the exact instant in the shopper's browser, so the switch is
 * on time even when the page came from a cache (Merchdesk docs/decisions/030-switch-on-time-despite-caching.md).
 */
export const SCHEDULE_METAFIELD_KEY = "campaign_schedule";
export const CAMPAIGN_FIELDS = [
  "heading",
  "text",
  "button_label",
  "button_link",
  "image_url",
  "collection",
] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];

function appNumericId(shop: ShopState): string {
  return shop.app.id.slice(shop.app.id.lastIndexOf("/") + 1);
}

/** `app--<numeric app id>`: the resolved form of the `$app` namespace. */
export function appNamespace(shop: ShopState): string {
  return `app--${appNumericId(shop)}`;
}

/** `app--<numeric app id>--campaign`: the resolved form of `$app:campaign`. */
export function campaignMetaobjectType(shop: ShopState): string {
  return `${appNamespace(shop)}--campaign`;
}

/** The `live_campaign` metafield (Shop first, then the app installation), if any. */
export function liveCampaignMetafield(shop: ShopState): Metafield | undefined {
  const namespace = appNamespace(shop);
  let onInstallation: Metafield | undefined;
  for (const metafield of shop.metafields.values()) {
    if (metafield.namespace !== namespace || metafield.key !== CAMPAIGN_METAFIELD_KEY) continue;
    if (metafield.ownerId === shop.id) return metafield;
    if (metafield.ownerId === shop.app.installationId) onInstallation = metafield;
  }
  return onInstallation;
}

/** The campaign the storefront shows right now, or null when none is live. */
export function liveCampaign(shop: ShopState): Metaobject | null {
  const metafield = liveCampaignMetafield(shop);
  if (!metafield || metafield.type !== "metaobject_reference") return null;
  const campaign = shop.metaobjects.get(metafield.value.trim());
  if (!campaign || campaign.type !== campaignMetaobjectType(shop)) return null;
  return campaign.status === "ACTIVE" ? campaign : null;
}

/** A campaign field's text, or "" when unset. */
export function campaignField(campaign: Metaobject, field: CampaignField): string {
  return campaign.fields[field] ?? "";
}

export interface ScheduledCampaignEntry {
  campaign: Metaobject;
  startsAt: string;
  endsAt: string | null;
}

/** The schedule metafield's entries whose campaign exists and is ACTIVE ([] when unset or bad). */
export function campaignSchedule(shop: ShopState): ScheduledCampaignEntry[] {
  const namespace = appNamespace(shop);
  const metafield = [...shop.metafields.values()].find(
    (m) => m.namespace === namespace && m.key === SCHEDULE_METAFIELD_KEY && m.ownerId === shop.id,
  );
  if (!metafield) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(metafield.value);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const type = campaignMetaobjectType(shop);
  const entries: ScheduledCampaignEntry[] = [];
  for (const item of raw as { handle?: unknown; startsAt?: unknown; endsAt?: unknown }[]) {
    if (typeof item?.handle !== "string" || typeof item.startsAt !== "string") continue;
    const campaign = [...shop.metaobjects.values()].find(
      (m) => m.type === type && m.handle === item.handle && m.status === "ACTIVE",
    );
    if (!campaign) continue;
    entries.push({
      campaign,
      startsAt: item.startsAt,
      endsAt: typeof item.endsAt === "string" ? item.endsAt : null,
    });
  }
  return entries;
}
