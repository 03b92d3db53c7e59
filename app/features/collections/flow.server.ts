import type { CollectionChange } from "@prisma/client";
import { enqueue } from "../../jobs/queue.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_SOURCES_QUERY } from "../../shopify/operations/collection-sources";
import { cancelTask, createTask, getTask } from "../tasks/tasks.server";
import {
  CollectionLockedError,
  countItemsByStatus,
  createPlannedChange,
  getChange,
  listChanges,
  listItems,
  queueChange,
  updateChange,
} from "./changes.server";
import { planEditUndoChange } from "./edit.server";
import { applyChangeJob } from "./jobs.server";
import { withOrderRestore } from "./order-plan";
import { planOrderUndoChange } from "./order.server";
import { toChangeView } from "./change-view";
import type { PlanSummary } from "./plan-types";
import { planUndoOf, type LiveCollection } from "./undo-plan";

/**
 * The life of a change after planning: confirm (lock, queue the job), discard, and undo (a new
 * plan that reverses what was applied).
 */
export type ConfirmResult =
  | { status: "queued"; taskId: string }
  | { status: "not_planned" }
  | { status: "locked"; collectionId: string; heldBy: string };

export async function confirmChange(
  shop: string,
  changeId: string,
  actor: string,
): Promise<ConfirmResult> {
  const change = await getChange(shop, changeId);
  if (!change || change.status !== "PLANNED") return { status: "not_planned" };
  const task = await createTask(shop, {
    kind: "collections.apply",
    total: change.totalUnits,
    createdBy: actor,
    payload: { changeId },
  });
  try {
    const queued = await queueChange(shop, changeId, actor, task.id);
    if (queued === "not_planned") {
      await cancelTask(shop, task.id);
      return { status: "not_planned" };
    }
  } catch (error) {
    await cancelTask(shop, task.id);
    if (error instanceof CollectionLockedError) {
      return { status: "locked", collectionId: error.collectionId, heldBy: error.heldBy };
    }
    throw error;
  }
  await enqueue(applyChangeJob, { shop, changeId }, { singletonKey: changeId });
  return { status: "queued", taskId: task.id };
}

export async function discardChange(shop: string, changeId: string): Promise<boolean> {
  return updateChange(shop, changeId, { status: "DISCARDED" }, ["PLANNED"]);
}

export type UndoResult =
  { status: "planned"; change: CollectionChange } | { status: "cannot_undo" };

/** Plans the undo of an applied change against live data (deleted collections are reported). */
export async function planUndo(
  gateway: ShopifyGateway,
  shop: string,
  changeId: string,
  actor: string,
): Promise<UndoResult> {
  const original = await getChange(shop, changeId);
  if (original?.kind === "edit") return planUndoOfEdit(gateway, original, actor);
  const undoable =
    original &&
    original.kind !== "undo" &&
    (original.status === "SUCCEEDED" || original.status === "PARTIAL") &&
    !original.undoneById &&
    original.doneUnits > 0;
  if (!undoable) return { status: "cannot_undo" };
  if (original.kind === "order") {
    const change = await planOrderUndoChange(gateway, original, actor);
    return change ? { status: "planned", change } : { status: "cannot_undo" };
  }
  const items = await listItems(shop, changeId, { statuses: ["DONE"] });
  const live = new Map<string, LiveCollection | null>();
  for (const id of new Set(items.map((item) => item.collectionId).filter(Boolean))) {
    const { collection } = await gateway.query(COLLECTION_SOURCES_QUERY, { id: id! });
    live.set(
      id!,
      collection
        ? {
            id: collection.id,
            title: collection.title,
            productsCount: collection.productsCount?.count ?? 0,
          }
        : null,
    );
  }
  const summary = original.summary as unknown as PlanSummary;
  const titles = new Map(summary.collections.map((c) => [c.id, c.title]));
  for (const item of items) {
    const data = item.data as { title?: string } | null;
    if (item.collectionId && data?.title) titles.set(item.collectionId, data.title);
  }
  const reversed = planUndoOf(
    items.map((item) => ({
      op: item.op,
      collectionId: item.collectionId,
      productIds: item.productIds,
      failedIds: new Set(((item.failures as { id: string }[] | null) ?? []).map((f) => f.id)),
    })),
    live,
    titles,
  );
  // Products put back into a MANUAL collection return to their snapshotted positions.
  const plan = withOrderRestore(reversed, original.snapshot);
  const change = await createPlannedChange(shop, {
    kind: "undo",
    request: { undoOf: changeId },
    plan,
    createdBy: actor,
    undoOfId: changeId,
  });
  return { status: "planned", change };
}

/**
 * An edit can be undone even when it ended FAILED after a partial write (a channel refused after
 * the conditions were saved): its items keep what they wrote.
 */
async function planUndoOfEdit(
  gateway: ShopifyGateway,
  original: CollectionChange,
  actor: string,
): Promise<UndoResult> {
  const finished = ["SUCCEEDED", "PARTIAL", "FAILED"].includes(original.status);
  if (!finished || original.undoneById) return { status: "cannot_undo" };
  const change = await planEditUndoChange(gateway, original, actor);
  return change ? { status: "planned", change } : { status: "cannot_undo" };
}

const REPORT_ITEMS = 200;

/** Everything the change page shows: plan, live progress, and the per-item report. */
export async function changeDetails(shop: string, changeId: string) {
  const change = await getChange(shop, changeId);
  if (!change) return null;
  const [failed, first, counts, task] = await Promise.all([
    listItems(shop, changeId, { statuses: ["FAILED"], take: REPORT_ITEMS }),
    listItems(shop, changeId, { take: REPORT_ITEMS }),
    countItemsByStatus(shop, changeId),
    change.taskId ? getTask(shop, change.taskId) : Promise.resolve(null),
  ]);
  const seen = new Set(failed.map((item) => item.id));
  const items = [...failed, ...first.filter((item) => !seen.has(item.id))].slice(0, REPORT_ITEMS);
  return toChangeView(change, items, counts, task);
}

export async function changeHistory(shop: string, cursor?: string) {
  const changes = await listChanges(shop, { take: 50, cursor });
  return changes.map((change) => ({
    id: change.id,
    kind: change.kind,
    status: change.status,
    summary: change.summary as unknown as PlanSummary,
    appliedBy: change.appliedBy ?? change.createdBy,
    queuedAt: (change.queuedAt ?? change.createdAt).toISOString(),
    doneUnits: change.doneUnits,
    failedUnits: change.failedUnits,
    undoOfId: change.undoOfId,
    undoneById: change.undoneById,
  }));
}
