import type { CollectionChangeItem, Prisma } from "@prisma/client";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_UPDATE_EDIT_MUTATION } from "../../shopify/operations/collection-update-edit";
import { PUBLISHABLE_PUBLISH_MUTATION } from "../../shopify/operations/publishable-publish";
import { PUBLISHABLE_UNPUBLISH_MUTATION } from "../../shopify/operations/publishable-unpublish";
import type { CollectionUpdateInput } from "../../types/admin.types";
import { updateItem } from "./changes.server";
import { MAX_CONDITIONS } from "./conditions";
import type { ItemOutcome } from "./create-apply.server";
import { collectionUpdateInput, hasWrites, resolveEdit, type EditItemData } from "./edit-plan";
import { readEditTarget } from "./edit.server";

/**
 * Applies one "edit" item (one collection). The edits are resolved against the state read just
 * before writing, so a re-sent item (after a crash between sending and recording) sends only what
 * is not in effect yet: a condition already added is not added twice, a removed one is not looked
 * for again, publishing twice is harmless. The first attempt stores that state (the snapshot undo
 * restores from) and what it set out to change; later attempts keep them.
 */
export async function executeEdit(
  gateway: ShopifyGateway,
  item: CollectionChangeItem,
): Promise<ItemOutcome> {
  const collectionId = item.collectionId!;
  const data = item.data as unknown as EditItemData;
  const fail = (reason: string): ItemOutcome => ({
    done: 0,
    failures: [{ id: collectionId, reason }],
    error: reason,
  });
  const live = await readEditTarget(gateway, collectionId);
  if (!live) return fail("The collection no longer exists.");
  const resolution = resolveEdit(live, data.edit);
  if (resolution.conditionsAfter > MAX_CONDITIONS) {
    return fail(`The collection would have more than ${MAX_CONDITIONS} conditions.`);
  }
  const applied = data.applied ?? resolution;
  const store = (next: EditItemData) =>
    updateItem(item.shop, item.id, { data: next as unknown as Prisma.InputJsonValue });
  if (!data.applied) await store({ ...data, before: live, applied });
  if (!hasWrites(resolution)) return { done: 1, failures: [] };

  let jobId: string | null = null;
  const input = collectionUpdateInput(live, resolution);
  if (input) {
    const result = await gateway.mutate(
      COLLECTION_UPDATE_EDIT_MUTATION,
      { collection: input as unknown as CollectionUpdateInput },
      (payload) => payload.collectionUpdate,
    );
    if (!result.ok) {
      // collectionUpdate is all-or-nothing and runs first: this item wrote nothing.
      await store({ title: data.title, edit: data.edit, before: data.before ?? live });
      return fail(result.userErrors.map((e) => e.message).join("; "));
    }
    jobId = result.payload.job?.done === false ? result.payload.job.id : null;
  }
  const problems: string[] = [];
  const refused = new Set<string>();
  const channelInput = (ids: readonly string[]) => ({
    id: collectionId,
    input: ids.map((publicationId) => ({ publicationId })),
  });
  if (resolution.publish.length > 0) {
    const result = await gateway.mutate(
      PUBLISHABLE_PUBLISH_MUTATION,
      channelInput(resolution.publish),
      (payload) => payload.publishablePublish,
      { idempotent: true },
    );
    if (!result.ok) {
      problems.push(result.userErrors.map((e) => e.message).join("; "));
      for (const id of resolution.publish) refused.add(id);
    }
  }
  if (resolution.unpublish.length > 0) {
    const result = await gateway.mutate(
      PUBLISHABLE_UNPUBLISH_MUTATION,
      channelInput(resolution.unpublish),
      (payload) => payload.publishableUnpublish,
      { idempotent: true },
    );
    if (!result.ok) {
      problems.push(result.userErrors.map((e) => e.message).join("; "));
      for (const id of resolution.unpublish) refused.add(id);
    }
  }
  if (problems.length === 0) return { done: 1, failures: [], jobId };
  // Conditions and sort order were written but a channel refused: the report says so, and the
  // snapshot keeps what was written so undo can still revert it.
  await store({
    ...data,
    before: data.before ?? live,
    applied: {
      ...applied,
      publish: applied.publish.filter((id) => !refused.has(id)),
      unpublish: applied.unpublish.filter((id) => !refused.has(id)),
    },
  });
  return { ...fail(problems.join("; ")), jobId };
}
