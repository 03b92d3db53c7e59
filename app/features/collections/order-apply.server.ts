import type { CollectionChangeItem } from "@prisma/client";
import { db } from "../../db.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_JOB_QUERY } from "../../shopify/operations/collection-job";
import { COLLECTION_REORDER_PRODUCTS_MUTATION } from "../../shopify/operations/collection-reorder-products";
import type { ItemOutcome } from "./create-apply.server";
import {
  applyMoves,
  movesBetween,
  orderSnapshotOf,
  restoreTarget,
  type Move,
  type ReorderItemData,
  type RestoreOrderItemData,
} from "./order-plan";
import { readOrder, readOrderIds } from "./order.server";
import { chunk } from "./plan-types";

/**
 * Applying "reorder" items (≤ 250 moves of one collection) and "restoreOrder" items (the manual
 * order put back after a membership undo). Moves to absolute positions are NOT safe to send
 * twice (a re-sent batch can move products again), so an item is only sent when the live order
 * is the one its moves were planned from: checked before the first batch (the plan may be stale)
 * and whenever an item is found SENT (a crash hit between sending and recording) — then an order
 * that already shows the batch's result is recorded as done without sending it again (ADR 023).
 */
const JOB_POLL_MS = 500;
const JOB_POLL_LIMIT = 120;

export const REORDER_REASONS = {
  earlierStep: "Not sent: an earlier step of this reorder did not complete.",
  changedOutside:
    "The collection's order was changed outside Merchdesk after it was planned; nothing was moved. Plan the reorder again.",
  missing: "The collection no longer exists.",
  notManual: "The collection is no longer sorted manually; nothing was moved.",
  noSnapshot: "The order before applying was not recorded; nothing was moved.",
} as const;

function notSent(moves: readonly Move[], reason: string): ItemOutcome {
  return { done: 0, failures: moves.map((m) => ({ id: m.id, reason })), error: reason };
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** Waits until Shopify has processed earlier writes, so the live order reflects them. */
async function waitForJobs(gateway: ShopifyGateway, jobIds: readonly string[]): Promise<void> {
  const pending = new Set(jobIds);
  for (let attempt = 0; attempt < JOB_POLL_LIMIT && pending.size > 0; attempt++) {
    for (const id of [...pending]) {
      const { job } = await gateway.query(COLLECTION_JOB_QUERY, { id });
      if (!job || job.done) pending.delete(id);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
  }
}

/** Earlier items of the same change and collection, in order. */
function earlierItems(item: CollectionChangeItem) {
  return db().collectionChangeItem.findMany({
    where: {
      shop: item.shop,
      changeId: item.changeId,
      collectionId: item.collectionId,
      seq: { lt: item.seq },
    },
    orderBy: { seq: "asc" },
  });
}

async function sendMoves(
  gateway: ShopifyGateway,
  collectionId: string,
  moves: readonly Move[],
): Promise<{ ok: true; jobId: string | null } | { ok: false; reason: string }> {
  const result = await gateway.mutate(
    COLLECTION_REORDER_PRODUCTS_MUTATION,
    {
      id: collectionId,
      moves: moves.map((m) => ({ id: m.id, newPosition: String(m.newPosition) })),
    },
    (data) => data.collectionReorderProducts,
  );
  if (result.ok) return { ok: true, jobId: result.payload.job?.id ?? null };
  return { ok: false, reason: result.userErrors.map((e) => e.message).join("; ") };
}

/** One batch of planned moves. `item` is as listed before this run marked it SENT. */
export async function executeReorder(
  gateway: ShopifyGateway,
  item: CollectionChangeItem,
): Promise<ItemOutcome> {
  const { moves, step } = item.data as unknown as ReorderItemData;
  const collectionId = item.collectionId!;
  const earlier = (await earlierItems(item)).filter((e) => e.op === "reorder");
  if (earlier.some((e) => e.status !== "DONE")) return notSent(moves, REORDER_REASONS.earlierStep);
  // Found SENT: an earlier run sent it (or was about to) and died before recording the outcome.
  const resumed = item.status === "SENT";
  if (step === 0 || resumed) {
    const change = await db().collectionChange.findFirst({
      where: { id: item.changeId, shop: item.shop },
    });
    const snapshot = orderSnapshotOf(change?.snapshot).orders[collectionId];
    if (!snapshot) return notSent(moves, REORDER_REASONS.noSnapshot);
    await waitForJobs(
      gateway,
      earlier.flatMap((e) => (e.jobId ? [e.jobId] : [])),
    );
    const before = applyMoves(
      snapshot,
      earlier.flatMap((e) => (e.data as unknown as ReorderItemData).moves),
    );
    const collection = await readOrder(gateway, collectionId);
    if (!collection) return notSent(moves, REORDER_REASONS.missing);
    if (collection.sortOrder !== "MANUAL") return notSent(moves, REORDER_REASONS.notManual);
    const live = collection.products.map((p) => p.id);
    if (!sameOrder(live, before)) {
      // Found SENT and the order already shows this batch: it went through before the crash.
      if (resumed && sameOrder(live, applyMoves(before, moves))) {
        return { done: moves.length, failures: [] };
      }
      return notSent(moves, REORDER_REASONS.changedOutside);
    }
  }
  const sent = await sendMoves(gateway, collectionId, moves);
  if (!sent.ok) return notSent(moves, sent.reason);
  return { done: moves.length, failures: [], jobId: sent.jobId };
}

/**
 * After a membership undo re-added products (they land at the end), moves every member back to
 * its place in the snapshot. Computed from the live order each time it runs, so running it again
 * after a crash only sends what is still out of place.
 */
export async function executeRestoreOrder(
  gateway: ShopifyGateway,
  item: CollectionChangeItem,
): Promise<ItemOutcome> {
  const { order, gap } = item.data as unknown as RestoreOrderItemData;
  const collectionId = item.collectionId!;
  const fail = (reason: string): ItemOutcome => ({ done: 0, failures: [], error: reason });
  const earlier = await earlierItems(item);
  await waitForJobs(
    gateway,
    earlier.flatMap((e) => (e.jobId ? [e.jobId] : [])),
  );
  const live = await readOrderIds(gateway, collectionId);
  if (!live) return fail(REORDER_REASONS.missing);
  const moves = movesBetween(live, restoreTarget(order, live, gap).target);
  let jobId: string | null = null;
  for (const part of chunk(moves)) {
    const sent = await sendMoves(gateway, collectionId, part);
    if (!sent.ok) return fail(sent.reason);
    jobId = sent.jobId ?? jobId;
  }
  return { done: 1, failures: [], jobId };
}
