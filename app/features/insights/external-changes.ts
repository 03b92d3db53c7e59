import type { ActionInput } from "./action-input";

/**
 * Changes made outside Merchdesk, seen through webhooks, as EXTERNAL actions. Pure: a webhook in,
 * an action (or nothing) out. Collection updates arrive once per change batch, so they are
 * grouped per collection and hour (the externalKey) rather than flooding the timeline.
 */

export interface ExternalEvent {
  topic: string;
  webhookId: string;
  triggeredAt: Date;
  payload: unknown;
}

export interface ExternalChange {
  input: ActionInput;
  /** The resource touched, to tell Merchdesk's own changes (echoed by Shopify) apart. */
  resource: { type: "COLLECTION" | "THEME" | "DISCOUNT"; id: string } | null;
}

const GID = /^gid:\/\/shopify\/[A-Za-z]+\/\d+$/;

function field(payload: unknown, name: string): unknown {
  return typeof payload === "object" && payload !== null
    ? (payload as Record<string, unknown>)[name]
    : undefined;
}

function text(payload: unknown, name: string): string | null {
  const value = field(payload, name);
  return typeof value === "string" && value.trim() ? value.trim() : null;
}

function gidOf(payload: unknown, type: string): string | null {
  const gid = text(payload, "admin_graphql_api_id");
  if (gid && GID.test(gid)) return gid;
  const id = field(payload, "id");
  return typeof id === "number" || (typeof id === "string" && /^\d+$/.test(id))
    ? `gid://shopify/${type}/${id}`
    : null;
}

const TOPICS: Record<
  string,
  { kind: string; type: "COLLECTION" | "THEME" | "DISCOUNT"; gidType: string; verb: string }
> = {
  THEMES_PUBLISH: {
    kind: "external.theme_published",
    type: "THEME",
    gidType: "OnlineStoreTheme",
    verb: "Theme published",
  },
  COLLECTIONS_CREATE: {
    kind: "external.collection_created",
    type: "COLLECTION",
    gidType: "Collection",
    verb: "Collection created",
  },
  COLLECTIONS_UPDATE: {
    kind: "external.collection_updated",
    type: "COLLECTION",
    gidType: "Collection",
    verb: "Collection changed",
  },
  COLLECTIONS_DELETE: {
    kind: "external.collection_deleted",
    type: "COLLECTION",
    gidType: "Collection",
    verb: "Collection deleted",
  },
  DISCOUNTS_CREATE: {
    kind: "external.discount_created",
    type: "DISCOUNT",
    gidType: "DiscountAutomaticNode",
    verb: "Discount created",
  },
  DISCOUNTS_UPDATE: {
    kind: "external.discount_updated",
    type: "DISCOUNT",
    gidType: "DiscountAutomaticNode",
    verb: "Discount changed",
  },
};

export const EXTERNAL_TOPICS = Object.keys(TOPICS);

export function externalChange(event: ExternalEvent): ExternalChange | null {
  const rule = TOPICS[event.topic];
  if (!rule) return null;
  const id = gidOf(event.payload, rule.gidType);
  const name = text(event.payload, "title") ?? text(event.payload, "name");
  const hour = Math.floor(event.triggeredAt.getTime() / 3_600_000);
  const grouped = event.topic === "COLLECTIONS_UPDATE" || event.topic === "DISCOUNTS_UPDATE";
  const touched =
    id === null
      ? {}
      : rule.type === "COLLECTION"
        ? { collections: [id] }
        : rule.type === "THEME"
          ? { themes: [id] }
          : { discounts: [id] };
  return {
    resource: id ? { type: rule.type, id } : null,
    input: {
      source: "EXTERNAL",
      kind: rule.kind,
      title: name ? `${rule.verb}: ${name}` : rule.verb,
      startedAt: event.triggeredAt,
      actor: "shopify-admin",
      externalKey: grouped && id ? `${event.topic}:${id}:${hour}` : `webhook:${event.webhookId}`,
      touched,
    },
  };
}
