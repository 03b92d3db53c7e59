import type { ShopifyGateway } from "../../shopify/gateway.server";
import type { MetaobjectStatus, MetaobjectStorefrontAccess } from "../../types/admin.types";
import {
  HOMEPAGE_CAMPAIGN_DEFINITION_CREATE,
  HOMEPAGE_CAMPAIGN_DEFINITION_QUERY,
} from "../../shopify/operations/homepage-campaign-definition";
import { HOMEPAGE_CAMPAIGN_UPSERT } from "../../shopify/operations/homepage-campaign-upsert";
import { HOMEPAGE_LIVE_STATE_QUERY } from "../../shopify/operations/homepage-live-state";
import { HOMEPAGE_METAFIELDS_SET } from "../../shopify/operations/homepage-metafields-set";

/**
 * App-block mode's storefront content: each campaign's app-owned `$app:campaign` metaobject, the
 * Shop metafield `$app.live_campaign` that the theme blocks show, and `$app.campaign_schedule`
 * (current and upcoming campaigns with their instants) that lets the block switch in the browser
 * at the exact time even when the page came from a cache (docs/decisions/030-switch-on-time-despite-caching.md).
 */

export const CAMPAIGN_TYPE = "$app:campaign";
/**
 * "No campaign" is written, not deleted: `live_campaign` points at this DRAFT campaign metaobject,
 * which the storefront never shows (draft metaobjects are invisible to Liquid), so switching off
 * is a compare-and-set like switching on (metafieldsDelete has no compareDigest).
 */
export const OFF_HANDLE = "merchdesk-no-campaign";
export const LIVE_KEY = "live_campaign";
export const SCHEDULE_KEY = "campaign_schedule";

export class ContentWriteError extends Error {
  override name = "ContentWriteError";
}

/** The definition as shopify.app.toml declares it; created here where configuration has not. */
export async function ensureCampaignDefinition(gateway: ShopifyGateway): Promise<void> {
  const { metaobjectDefinitionByType } = await gateway.query(HOMEPAGE_CAMPAIGN_DEFINITION_QUERY);
  if (metaobjectDefinitionByType) return;
  const result = await gateway.mutate(
    HOMEPAGE_CAMPAIGN_DEFINITION_CREATE,
    {
      definition: {
        type: CAMPAIGN_TYPE,
        name: "Merchdesk campaign",
        displayNameKey: "heading",
        access: { storefront: "PUBLIC_READ" as MetaobjectStorefrontAccess },
        fieldDefinitions: [
          { key: "heading", name: "Heading", type: "single_line_text_field" },
          { key: "text", name: "Text", type: "multi_line_text_field" },
          { key: "button_label", name: "Button label", type: "single_line_text_field" },
          { key: "button_link", name: "Button link", type: "single_line_text_field" },
          { key: "image_url", name: "Image URL", type: "url" },
          { key: "collection", name: "Collection", type: "collection_reference" },
          { key: "announcement", name: "Announcement", type: "single_line_text_field" },
        ],
      },
    },
    (data) => data.metaobjectDefinitionCreate,
  );
  // TAKEN: another request created it meanwhile; APP_CONFIG_MANAGED: app configuration owns it.
  if (!result.ok && !result.userErrors.every((e) => e.code === "TAKEN")) {
    throw new ContentWriteError(result.userErrors.map((e) => e.message).join("; "));
  }
}

export interface CampaignContent {
  handle: string;
  heading: string;
  text: string;
  buttonLabel: string;
  buttonLink: string;
  imageUrl: string;
  collectionId: string | null;
  announcement?: string;
}

/** Writes the campaign's content (idempotent: an upsert by handle). Returns the metaobject id. */
export async function writeCampaignContent(
  gateway: ShopifyGateway,
  content: CampaignContent,
): Promise<string> {
  await ensureCampaignDefinition(gateway);
  const fields = [
    { key: "heading", value: content.heading },
    { key: "text", value: content.text },
    { key: "button_label", value: content.buttonLabel },
    { key: "button_link", value: content.buttonLink },
    { key: "image_url", value: content.imageUrl },
    { key: "collection", value: content.collectionId ?? "" },
    { key: "announcement", value: content.announcement ?? content.heading },
  ];
  const result = await gateway.mutate(
    HOMEPAGE_CAMPAIGN_UPSERT,
    {
      handle: { type: CAMPAIGN_TYPE, handle: content.handle },
      metaobject: {
        fields,
        capabilities: { publishable: { status: "ACTIVE" as MetaobjectStatus } },
      },
    },
    (data) => data.metaobjectUpsert,
    { idempotent: true },
  );
  if (!result.ok) {
    throw new ContentWriteError(
      result.userErrors.map((e) => `${(e.field ?? []).join(".")}: ${e.message}`).join("; "),
    );
  }
  const id = result.payload.metaobject?.id;
  if (!id) throw new ContentWriteError("the campaign content was not saved");
  return id;
}

/** The off marker's id per shop domain (stable: an upsert by handle). */
const offMarkers = new Map<string, string>();

/** The id of the shop's "no campaign" marker, created on first use. */
export async function offMarkerId(gateway: ShopifyGateway): Promise<string> {
  const known = offMarkers.get(gateway.shop);
  if (known) return known;
  await ensureCampaignDefinition(gateway);
  const result = await gateway.mutate(
    HOMEPAGE_CAMPAIGN_UPSERT,
    {
      handle: { type: CAMPAIGN_TYPE, handle: OFF_HANDLE },
      metaobject: {
        fields: [{ key: "heading", value: "No campaign" }],
        capabilities: { publishable: { status: "DRAFT" as MetaobjectStatus } },
      },
    },
    (data) => data.metaobjectUpsert,
    { idempotent: true },
  );
  const id = result.ok ? result.payload.metaobject?.id : undefined;
  if (!id) {
    const errors = result.ok ? [] : result.userErrors.map((e) => e.message);
    throw new ContentWriteError(errors.join("; ") || "the off marker was not saved");
  }
  offMarkers.set(gateway.shop, id);
  return id;
}

export interface StorefrontScheduleEntry {
  /** Metaobject GID and handle of the campaign. */
  id: string;
  handle: string;
  startsAt: string;
  endsAt: string | null;
}

export interface LiveState {
  shopId: string;
  liveCampaignId: string | null;
  schedule: string | null;
  /** Digests for compare-and-set: a concurrent writer makes our write fail instead of repeat. */
  liveDigest: string | null;
  scheduleDigest: string | null;
}

/** Another run changed the live state between our read and our write: read again. */
export class StaleLiveStateError extends Error {
  override name = "StaleLiveStateError";
}

export async function readLiveState(gateway: ShopifyGateway): Promise<LiveState> {
  const { shop } = await gateway.query(HOMEPAGE_LIVE_STATE_QUERY);
  return {
    shopId: shop.id,
    liveCampaignId: shop.live?.value ?? null,
    schedule: shop.schedule?.value ?? null,
    liveDigest: shop.live?.compareDigest ?? null,
    scheduleDigest: shop.schedule?.compareDigest ?? null,
  };
}

/**
 * Makes the storefront show `liveCampaignId` (null: no campaign) with `schedule` for the browser.
 * Writes only what differs from `current`, in one metafieldsSet whose compareDigests are those
 * read in `current`: a run that read a state another run has changed since writes nothing
 * (StaleLiveStateError), so a switch can never be applied twice. Returns whether it wrote.
 */
export async function applyLiveState(
  gateway: ShopifyGateway,
  current: LiveState,
  wanted: string | null | "keep",
  schedule: StorefrontScheduleEntry[],
): Promise<boolean> {
  // Absent and the off marker both mean "no campaign": only a shown campaign is switched off.
  const live =
    wanted === "keep" || (wanted === null && current.liveCampaignId === null)
      ? current.liveCampaignId
      : (wanted ?? (await offMarkerId(gateway)));
  const scheduleValue = JSON.stringify(schedule);
  const sets: {
    ownerId: string;
    namespace: string;
    key: string;
    type: string;
    value: string;
    compareDigest: string | null;
  }[] = [];
  if (live && current.liveCampaignId !== live) {
    sets.push({
      ownerId: current.shopId,
      namespace: "$app",
      key: LIVE_KEY,
      type: "metaobject_reference",
      value: live,
      compareDigest: current.liveDigest,
    });
  }
  if (current.schedule !== scheduleValue) {
    sets.push({
      ownerId: current.shopId,
      namespace: "$app",
      key: SCHEDULE_KEY,
      type: "json",
      value: scheduleValue,
      compareDigest: current.scheduleDigest,
    });
  }
  if (sets.length === 0) return false;
  // Setting a metafield to the value it has is harmless: safe to retry after a 5xx.
  const result = await gateway.mutate(
    HOMEPAGE_METAFIELDS_SET,
    { metafields: sets },
    (data) => data.metafieldsSet,
    { idempotent: true },
  );
  if (!result.ok && result.userErrors.some((e) => e.code === "STALE_OBJECT")) {
    throw new StaleLiveStateError("the live campaign changed meanwhile");
  }
  if (!result.ok) {
    throw new ContentWriteError(result.userErrors.map((e) => e.message).join("; "));
  }
  return true;
}
