import type { CollectionChange, CollectionChangeItem, Prisma } from "@prisma/client";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_JOB_QUERY } from "../../shopify/operations/collection-job";
import { COLLECTION_SOURCES_QUERY } from "../../shopify/operations/collection-sources";
import { COLLECTION_UPDATE_MEMBERSHIP_MUTATION } from "../../shopify/operations/collection-update-membership";
import { recordAction } from "../insights/actions.server";
import { cancelTask, finishTask, getTask, reportProgress, startTask } from "../tasks/tasks.server";
import {
  countItemsByStatus,
  getChange,
  listItems,
  releaseLocks,
  updateChange,
  updateItem,
} from "./changes.server";
import { MANUAL_SOURCE_TITLE, managedSourceId } from "./collection-sources";
import { applyInBulk, BULK_THRESHOLD_UNITS } from "./bulk-apply.server";
import { executeCreate, executeDelete, type ItemOutcome } from "./create-apply.server";
import { executeEdit } from "./edit-apply.server";
import { executeReorder, executeRestoreOrder } from "./order-apply.server";
import { snapshotManualOrders } from "./order.server";
import { splitBatchErrors } from "./item-errors";
import type { PlanSummary } from "./plan-types";

/**
 * Applies a stored plan, item by item, so that a retry after a crash continues where the last run
 * stopped and never applies an item twice: DONE items are skipped, an item found SENT (the crash
 * hit between sending and recording) is re-checked or re-sent only when re-sending is harmless
 * (adding or removing a selection twice leaves the same state).
 */
const ITEM_PAGE = 200;
const CANCEL_CHECK_EVERY = 10;
/** Collections written side by side (each collection's own items stay in order). */
const PARALLEL_LANES = 4;
const MAX_SPLIT_ROUNDS = 3;
const JOB_POLL_MS = 1_000;
const JOB_POLL_LIMIT = 60;

type SourceCache = Map<string, string | null | "missing">;

async function sourceFor(gateway: ShopifyGateway, cache: SourceCache, collectionId: string) {
  if (!cache.has(collectionId)) {
    const { collection } = await gateway.query(COLLECTION_SOURCES_QUERY, { id: collectionId });
    cache.set(collectionId, collection ? managedSourceId(collection.sources) : "missing");
  }
  return cache.get(collectionId)!;
}

async function executeMembership(
  gateway: ShopifyGateway,
  sources: SourceCache,
  item: CollectionChangeItem,
): Promise<ItemOutcome> {
  const collectionId = item.collectionId!;
  const sourceId = await sourceFor(gateway, sources, collectionId);
  if (sourceId === "missing") {
    return {
      done: 0,
      failures: item.productIds.map((id) => ({ id, reason: "The collection no longer exists." })),
    };
  }
  // Nothing manually selected anywhere: nothing to remove.
  if (sourceId === null && item.op === "remove")
    return { done: item.productIds.length, failures: [] };
  let remaining = [...item.productIds];
  const failures: ItemOutcome["failures"] = [];
  let jobId: string | null = null;
  for (let round = 0; round < MAX_SPLIT_ROUNDS && remaining.length > 0; round++) {
    const selections = remaining.map((productId) => ({ productId }));
    const collection: Prisma.JsonObject =
      sourceId === null
        ? {
            id: collectionId,
            sourcesToCreate: [
              { source: { title: MANUAL_SOURCE_TITLE, inclusion: { selections } } },
            ],
          }
        : {
            id: collectionId,
            sourcesToUpdate: [
              {
                condition: {
                  id: sourceId,
                  inclusion:
                    item.op === "add"
                      ? { selectionsToAdd: selections }
                      : { selectionsToRemove: selections },
                },
              },
            ],
          };
    const result = await gateway.mutate(
      COLLECTION_UPDATE_MEMBERSHIP_MUTATION,
      { collection },
      (data) => data.collectionUpdate,
      { idempotent: true },
    );
    if (result.ok) {
      jobId = result.payload.job?.done === false ? result.payload.job.id : jobId;
      if (sourceId === null) sources.delete(collectionId); // the new source's id is read next time
      return { done: remaining.length, failures, jobId };
    }
    const field = sourceId === null ? "selections" : undefined;
    const split = splitBatchErrors(
      remaining,
      result.userErrors.map((e) => ({
        ...e,
        field: e.field?.map((f) => (field && f === field ? "selectionsToAdd" : f)),
      })),
    );
    if (split.failed.length === 0) {
      return {
        done: 0,
        failures: [
          ...failures,
          ...remaining.map((id) => ({ id, reason: split.general.join("; ") })),
        ],
      };
    }
    // Shopify applies a call all-or-nothing: drop the products it refused and send the rest.
    failures.push(...split.failed);
    const refused = new Set(split.failed.map((f) => f.id));
    remaining = remaining.filter((id) => !refused.has(id));
  }
  return {
    done: 0,
    failures: [...failures, ...remaining.map((id) => ({ id, reason: "Refused by Shopify." }))],
  };
}

async function pollJobs(gateway: ShopifyGateway, jobIds: ReadonlySet<string>) {
  const pending = new Set(jobIds);
  for (let attempt = 0; attempt < JOB_POLL_LIMIT && pending.size > 0; attempt++) {
    for (const id of [...pending]) {
      const { job } = await gateway.query(COLLECTION_JOB_QUERY, { id });
      if (!job || job.done) pending.delete(id);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
  }
  return pending.size === 0;
}

function unitsOf(item: CollectionChangeItem): number {
  return item.op === "create" ||
    item.op === "delete" ||
    item.op === "edit" ||
    item.op === "restoreOrder"
    ? 1
    : item.productIds.length;
}

/**
 * Runs (or resumes) a queued change. Safe to call again after a crash or on a redelivered job.
 */
export async function runChange(
  gateway: ShopifyGateway,
  shop: string,
  changeId: string,
  options: { bulkThreshold?: number } = {},
): Promise<void> {
  const change = await getChange(shop, changeId);
  if (!change || (change.status !== "QUEUED" && change.status !== "APPLYING")) return;
  if (change.taskId) {
    const task = await getTask(shop, change.taskId);
    if (task?.status === "CANCELLED") return finish(gateway, change, new Set(), true);
    if (change.status === "QUEUED") await startTask(shop, change.taskId);
  }
  // Manual orders are snapshotted before the first write, so undo can restore positions.
  await snapshotManualOrders(gateway, change);
  await updateChange(shop, changeId, {
    status: "APPLYING",
    startedAt: change.startedAt ?? new Date(),
  });

  const sources: SourceCache = new Map();
  // Large membership changes go to one bulk operation; what it leaves undone continues below.
  await applyInBulk(
    gateway,
    change,
    (collectionId) => sourceFor(gateway, sources, collectionId),
    options.bulkThreshold ?? BULK_THRESHOLD_UNITS,
  );
  const afterBulk = (await getChange(shop, changeId))!;
  // Only the last job of each collection needs polling: its jobs run in order.
  const lastJob = new Map<string, string>();
  const counters = { done: afterBulk.doneUnits, failed: afterBulk.failedUnits, processed: 0 };
  const startedAt = Date.now();
  let cancelled = false;

  const runItem = async (item: CollectionChangeItem) => {
    await updateItem(shop, item.id, { status: "SENT", attempts: { increment: 1 } });
    const outcome =
      item.op === "create"
        ? await executeCreate(gateway, item)
        : item.op === "delete"
          ? await executeDelete(gateway, item)
          : item.op === "edit"
            ? await executeEdit(gateway, item)
            : item.op === "reorder"
              ? await executeReorder(gateway, item)
              : item.op === "restoreOrder"
                ? await executeRestoreOrder(gateway, item)
                : await executeMembership(gateway, sources, item);
    if (outcome.jobId && item.collectionId) lastJob.set(item.collectionId, outcome.jobId);
    const failures = outcome.failures;
    await updateItem(shop, item.id, {
      status: outcome.done > 0 || (failures.length === 0 && !outcome.error) ? "DONE" : "FAILED",
      failures: failures.length > 0 ? failures : undefined,
      error: outcome.error ?? (failures.length > 0 ? failures[0]!.reason : null),
      jobId: outcome.jobId ?? null,
      ...(outcome.collectionId ? { collectionId: outcome.collectionId } : {}),
    });
    const itemFailed = outcome.error ? unitsOf(item) - outcome.done : failures.length;
    counters.done += outcome.done;
    counters.failed += itemFailed;
    counters.processed++;
    await updateChange(shop, changeId, {
      doneUnits: { increment: outcome.done },
      failedUnits: { increment: itemFailed },
    });
    if (change.taskId) {
      const units = counters.done + counters.failed;
      await reportProgress(shop, change.taskId, {
        done: units,
        total: change.totalUnits,
        errorCount: counters.failed,
        message: etaMessage(startedAt, counters.processed, change, units),
      });
    }
  };

  const isCancelled = async () => {
    if (!change.taskId) return false;
    return (await getTask(shop, change.taskId))?.status === "CANCELLED";
  };

  for (;;) {
    const items = await listItems(shop, changeId, {
      statuses: ["PENDING", "SENT"],
      take: ITEM_PAGE,
    });
    if (items.length === 0 || (await isCancelled())) {
      cancelled = items.length > 0;
      break;
    }
    // Items of one collection run in order; different collections run side by side, so calls
    // keep the bucket busy while others wait on their answers (the gateway shares the bucket).
    const lanes = new Map<string, CollectionChangeItem[]>();
    for (const item of items) {
      const key = item.collectionId ?? item.id;
      lanes.set(key, [...(lanes.get(key) ?? []), item]);
    }
    const queue = [...lanes.values()];
    let failed = false;
    const worker = async () => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const item of lane) {
          if (cancelled || failed) return;
          if (counters.processed > 0 && counters.processed % CANCEL_CHECK_EVERY === 0) {
            cancelled = await isCancelled();
            if (cancelled) return;
          }
          await runItem(item).catch((error: unknown) => {
            failed = true;
            throw error;
          });
        }
      }
    };
    // A lane that throws stops the others after their current item, and the run ends only once
    // they have: no lane may still be writing while the job's retry resumes the same items.
    const settled = await Promise.allSettled(Array.from({ length: PARALLEL_LANES }, worker));
    const rejected = settled.find((result) => result.status === "rejected");
    if (rejected) throw rejected.reason;
    if (cancelled) break;
  }
  const jobs = new Set(lastJob.values());
  await finish(gateway, change, jobs, cancelled);
}

/** Seconds left, from the pace of this run (stored as the task message for the progress page). */
function etaMessage(startedAt: number, processed: number, change: CollectionChange, units: number) {
  const elapsed = (Date.now() - startedAt) / 1000;
  const remaining = change.totalUnits - units;
  if (processed === 0 || remaining <= 0 || units === 0) return undefined;
  return `eta:${Math.ceil((elapsed / units) * remaining)}`;
}

async function finish(
  gateway: ShopifyGateway,
  change: CollectionChange,
  jobs: ReadonlySet<string>,
  cancelled: boolean,
  abandoned = false,
): Promise<void> {
  const { shop, id } = change;
  if (jobs.size > 0) await pollJobs(gateway, jobs);
  if (cancelled) {
    const pending = await listItems(shop, id, { statuses: ["PENDING", "SENT"] });
    for (const item of pending) await updateItem(shop, item.id, { status: "SKIPPED" });
  }
  const counts = await countItemsByStatus(shop, id);
  const fresh = (await getChange(shop, id))!;
  const wrote = fresh.doneUnits > 0;
  const status =
    !cancelled && fresh.failedUnits === 0 && (counts.SKIPPED ?? 0) === 0
      ? "SUCCEEDED"
      : wrote
        ? "PARTIAL"
        : "FAILED";
  const endedAt = new Date();
  const action = wrote ? await recordChangeAction(fresh, status, endedAt) : null;
  await updateChange(shop, id, { status, finishedAt: endedAt, actionId: action?.id ?? null });
  if (fresh.undoOfId && wrote) await updateChange(shop, fresh.undoOfId, { undoneById: id });
  if (fresh.taskId) {
    if (cancelled && !abandoned) await cancelTask(shop, fresh.taskId);
    else {
      await finishTask(shop, fresh.taskId, {
        status: status === "FAILED" || abandoned ? "FAILED" : "SUCCEEDED",
        message: `${fresh.doneUnits} done, ${fresh.failedUnits} failed`,
      });
    }
  }
  await releaseLocks(shop, id);
}

const ACTION_TITLES: Record<string, (summary: PlanSummary) => string> = {
  membership: (s) =>
    `Collections: ${s.totals.adds} products added, ${s.totals.removes} removed in ${s.totals.collections} collections`,
  create: (s) => `Collections: ${s.totals.creates} collections created`,
  edit: (s) =>
    `Collections: ${s.totals.edits?.conditions ?? 0} condition, ${s.totals.edits?.sortOrders ?? 0} sort order and ${s.totals.edits?.publications ?? 0} channel changes in ${s.totals.collections} collections`,
  order: (s) =>
    `Collections: ${s.totals.moves ?? 0} products moved in ${s.collections[0]?.title ?? "a collection"}`,
  undo: () => "Collections: undo of an earlier change",
};

/** The action record for the insights timeline: what was touched, by whom, with what outcome. */
async function recordChangeAction(change: CollectionChange, status: string, endedAt: Date) {
  const items = await listItems(change.shop, change.id, { statuses: ["DONE"] });
  const collections = new Set<string>();
  const products = new Set<string>();
  for (const item of items) {
    if (item.collectionId) collections.add(item.collectionId);
    const failed = new Set(
      ((item.failures as { id: string }[] | null) ?? []).map((failure) => failure.id),
    );
    for (const productId of item.productIds) if (!failed.has(productId)) products.add(productId);
  }
  const summary = change.summary as unknown as PlanSummary;
  return recordAction(change.shop, {
    source: "MERCHDESK",
    kind: `collections.${change.kind}`,
    title: (ACTION_TITLES[change.kind] ?? ACTION_TITLES.undo!)(summary),
    startedAt: change.startedAt ?? change.queuedAt ?? change.createdAt,
    endedAt,
    actor: change.appliedBy ?? change.createdBy,
    outcome: status === "SUCCEEDED" ? "SUCCEEDED" : "PARTIAL",
    detailsPath: `/app/collections/changes/${change.id}`,
    externalKey: `collections.change:${change.id}`,
    touched: { collections: [...collections], products: [...products] },
  });
}

/**
 * The job gave up (its last retry failed): what was not done is marked skipped and the change
 * ends PARTIAL or FAILED with its report, so nothing stays half-applied without a record.
 */
export async function abandonChange(
  gateway: ShopifyGateway,
  shop: string,
  changeId: string,
): Promise<void> {
  const change = await getChange(shop, changeId);
  if (!change || (change.status !== "QUEUED" && change.status !== "APPLYING")) return;
  await finish(gateway, change, new Set(), true, true);
}
