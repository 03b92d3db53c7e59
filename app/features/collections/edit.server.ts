import type { CollectionChange, Prisma } from "@prisma/client";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_EDIT_TARGET_QUERY } from "../../shopify/operations/collection-edit-target";
import { PUBLICATIONS_LIST_QUERY } from "../../shopify/operations/publications-list";
import { SHOP_PROFILE_QUERY } from "../../shopify/operations/shop-profile";
import { createPlannedChange, listItems } from "./changes.server";
import { planEdit, type EditItemData } from "./edit-plan";
import { editInstructions, type EditRequest } from "./edit-request";
import { toEditTarget, type EditTarget, type LiveCollectionShape } from "./edit-target";
import { planEditUndo, type AppliedEdit } from "./edit-undo";
import { CollectionNotFoundError } from "./membership.server";

/** Bulk edits (conditions, sort order, channels): planning against live data, and their undo. */

/** A collection's live state for an edit; null when it does not exist (any more). */
export async function readEditTarget(
  gateway: ShopifyGateway,
  id: string,
): Promise<EditTarget | null> {
  const { collection } = await gateway.query(COLLECTION_EDIT_TARGET_QUERY, { id });
  return collection ? toEditTarget(collection as unknown as LiveCollectionShape) : null;
}

export interface Channel {
  id: string;
  name: string;
}

/** The store's sales channels (publications), by name. */
export async function listChannels(gateway: ShopifyGateway): Promise<Channel[]> {
  const { publications } = await gateway.query(PUBLICATIONS_LIST_QUERY);
  return publications.nodes.map((p) => ({ id: p.id, name: p.catalog?.title ?? p.id }));
}

async function channelNames(gateway: ShopifyGateway) {
  return new Map((await listChannels(gateway)).map((c) => [c.id, c.name]));
}

/**
 * Plans an edit of the chosen collections against live data and stores it (nothing is written).
 * Throws CollectionNotFoundError when a chosen collection does not exist.
 */
export async function planEditChange(
  gateway: ShopifyGateway,
  shop: string,
  actor: string,
  request: EditRequest,
): Promise<CollectionChange> {
  const { shop: profile } = await gateway.query(SHOP_PROFILE_QUERY);
  const edit = editInstructions(request, profile.currencyCode);
  const targets = [];
  for (const id of request.collectionIds) {
    const target = await readEditTarget(gateway, id);
    if (!target) throw new CollectionNotFoundError(id);
    targets.push({ target, edit });
  }
  const plan = planEdit(targets, await channelNames(gateway));
  return createPlannedChange(shop, {
    kind: "edit",
    request: request as unknown as Prisma.InputJsonValue,
    plan,
    createdBy: actor,
  });
}

/**
 * Plans the undo of an applied edit: every item that wrote something (DONE, or FAILED after a
 * partial write) is reversed from what it recorded before writing.
 */
export async function planEditUndoChange(
  gateway: ShopifyGateway,
  original: CollectionChange,
  actor: string,
): Promise<CollectionChange | null> {
  const items = await listItems(original.shop, original.id, { statuses: ["DONE", "FAILED"] });
  const edits: AppliedEdit[] = items.flatMap((item) => {
    const data = item.data as unknown as EditItemData | null;
    if (item.op !== "edit" || !item.collectionId || !data?.applied) return [];
    return [{ collectionId: item.collectionId, title: data.title, applied: data.applied }];
  });
  if (edits.length === 0) return null;
  const live = new Map<string, EditTarget | null>();
  for (const edit of edits) {
    live.set(edit.collectionId, await readEditTarget(gateway, edit.collectionId));
  }
  const plan = planEditUndo(edits, live, await channelNames(gateway));
  return createPlannedChange(original.shop, {
    kind: "undo",
    request: { undoOf: original.id },
    plan,
    createdBy: actor,
    undoOfId: original.id,
  });
}
