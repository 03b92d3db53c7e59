import type { CollectionChangeItem } from "@prisma/client";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_BY_HANDLE_QUERY } from "../../shopify/operations/collection-by-handle";
import { COLLECTION_CREATE_MUTATION } from "../../shopify/operations/collection-create";
import { COLLECTION_DELETE_MUTATION } from "../../shopify/operations/collection-delete";
import { PUBLICATIONS_LIST_QUERY } from "../../shopify/operations/publications-list";
import { PUBLISHABLE_PUBLISH_MUTATION } from "../../shopify/operations/publishable-publish";
import type { CollectionCreateInput } from "../../types/admin.types";
import type { CreateCollectionData } from "./csv-import";

/**
 * Applying "create" and "delete" items. Creating is not idempotent on the platform, so an item
 * that was sent before (a crash or retry) is first looked up by its handle: found = it was created.
 */
export interface ItemOutcome {
  done: number;
  failures: { id: string; reason: string }[];
  error?: string;
  jobId?: string | null;
  collectionId?: string;
}

const onlineStoreIds = new WeakMap<ShopifyGateway, Promise<string[]>>();

/** The Online Store publication(s): the channels that support scheduled publishing. */
export function onlineStorePublications(gateway: ShopifyGateway): Promise<string[]> {
  let ids = onlineStoreIds.get(gateway);
  if (!ids) {
    ids = gateway
      .query(PUBLICATIONS_LIST_QUERY)
      .then(({ publications }) =>
        publications.nodes.filter((p) => p.supportsFuturePublishing).map((p) => p.id),
      );
    onlineStoreIds.set(gateway, ids);
  }
  return ids;
}

async function existingByHandle(gateway: ShopifyGateway, handle: string) {
  const { collectionByIdentifier } = await gateway.query(COLLECTION_BY_HANDLE_QUERY, { handle });
  return collectionByIdentifier?.id ?? null;
}

async function publish(gateway: ShopifyGateway, id: string): Promise<string | null> {
  const publicationIds = await onlineStorePublications(gateway);
  if (publicationIds.length === 0) return null;
  const result = await gateway.mutate(
    PUBLISHABLE_PUBLISH_MUTATION,
    { id, input: publicationIds.map((publicationId) => ({ publicationId })) },
    (data) => data.publishablePublish,
    { idempotent: true },
  );
  return result.ok ? null : result.userErrors.map((e) => e.message).join("; ");
}

export async function executeCreate(
  gateway: ShopifyGateway,
  item: CollectionChangeItem,
): Promise<ItemOutcome> {
  const data = item.data as unknown as CreateCollectionData;
  const fail = (reason: string): ItemOutcome => ({
    done: 0,
    failures: [{ id: data.handle, reason }],
    error: reason,
  });
  let id = item.attempts > 0 ? await existingByHandle(gateway, data.handle) : null;
  if (!id) {
    const result = await gateway.mutate(
      COLLECTION_CREATE_MUTATION,
      { collection: data.input as unknown as CollectionCreateInput },
      (payload) => payload.collectionCreate,
    );
    if (!result.ok) {
      return fail(
        result.userErrors
          .map((e) => `${(e.field ?? []).slice(1).join(".") || "collection"}: ${e.message}`)
          .join("; "),
      );
    }
    id = result.payload.collection?.id ?? null;
    if (!id) return fail("Shopify created no collection.");
  }
  if (data.publish) {
    const error = await publish(gateway, id);
    if (error) return { ...fail(`created, but not published: ${error}`), collectionId: id };
  }
  return { done: 1, failures: [], collectionId: id };
}

/** Undo of a create: deletes the collection (already gone counts as done). */
export async function executeDelete(
  gateway: ShopifyGateway,
  item: CollectionChangeItem,
): Promise<ItemOutcome> {
  const result = await gateway.mutate(
    COLLECTION_DELETE_MUTATION,
    { id: item.collectionId! },
    (data) => data.collectionDelete,
    { idempotent: true },
  );
  if (result.ok || item.attempts > 0) return { done: 1, failures: [] };
  const reason = result.userErrors.map((e) => e.message).join("; ");
  return { done: 0, failures: [{ id: item.collectionId!, reason }], error: reason };
}
