import type { CollectionChange, CollectionChangeItem } from "@prisma/client";
import { bulkOperationState, isFinished, type BulkOperationState } from "../../shopify/bulk.server";
import { bulkMutationResults, startBulkMutation } from "../../shopify/bulk-mutation.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_UPDATE_MEMBERSHIP_MUTATION } from "../../shopify/operations/collection-update-membership";
import { reportProgress } from "../tasks/tasks.server";
import { listItems, updateChange, updateItem } from "./changes.server";
import { splitBatchErrors } from "./item-errors";

/**
 * Large membership changes as one bulk mutation (ADR 020): every pending add/remove item becomes
 * one JSONL line of `collectionUpdate` variables; the operation runs outside the cost bucket.
 * Items are marked SENT with the operation's id first, so a resumed run waits for that operation
 * instead of starting another; lines without a result go back to PENDING for the batched path.
 */
export const BULK_THRESHOLD_UNITS = 20_000;
const BULK_PREFIX = "gid://shopify/BulkOperation/";
const POLL_MS = 1_000;
const MAX_WAIT_MS = 23 * 60 * 60 * 1000;

type SourceLookup = (collectionId: string) => Promise<string | null | "missing">;

function variablesOf(item: CollectionChangeItem, sourceId: string) {
  const selections = item.productIds.map((productId) => ({ productId }));
  return {
    collection: {
      id: item.collectionId,
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
    },
  };
}

async function awaitOperation(
  gateway: ShopifyGateway,
  change: CollectionChange,
  operationId: string,
  units: number,
): Promise<BulkOperationState | null> {
  const deadline = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const state = await bulkOperationState(gateway, operationId);
    if (!state || isFinished(state.status) || Date.now() > deadline) return state;
    if (change.taskId && state.objectCount > 0) {
      await reportProgress(change.shop, change.taskId, {
        done: Math.min(units, change.doneUnits + state.objectCount * 250),
        total: change.totalUnits,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Runs the change's pending membership items as one bulk operation when they are many. Returns
 * false when the batched path should do the work (too few units, or no bulk-ready item).
 */
export async function applyInBulk(
  gateway: ShopifyGateway,
  change: CollectionChange,
  sourceOf: SourceLookup,
  threshold = BULK_THRESHOLD_UNITS,
): Promise<boolean> {
  const { shop, id } = change;
  const open = (await listItems(shop, id, { statuses: ["PENDING", "SENT"] })).filter(
    (item) => item.op === "add" || item.op === "remove",
  );
  const resumed = open.find(
    (item) => item.status === "SENT" && item.jobId?.startsWith(BULK_PREFIX),
  );
  let operationId = resumed?.jobId ?? null;
  let lines: CollectionChangeItem[];
  if (operationId) {
    lines = open.filter((item) => item.jobId === operationId).sort((a, b) => lineOf(a) - lineOf(b));
  } else {
    const units = open.reduce((sum, item) => sum + item.productIds.length, 0);
    if (units < threshold) return false;
    lines = [];
    const variables: object[] = [];
    for (const item of open) {
      const sourceId = await sourceOf(item.collectionId!);
      // Collections without a manual source (or gone) are left to the batched path.
      if (sourceId === null || sourceId === "missing") continue;
      lines.push(item);
      variables.push(variablesOf(item, sourceId));
    }
    if (lines.length === 0) return false;
    const started = await startBulkMutation(
      gateway,
      COLLECTION_UPDATE_MEMBERSHIP_MUTATION,
      variables,
      `collections.change:${id}`,
    );
    if (!started.ok) return false; // e.g. LIMIT_REACHED: the batched path still gets it done
    operationId = started.operationId;
    for (const [line, item] of lines.entries()) {
      await updateItem(shop, item.id, {
        status: "SENT",
        attempts: { increment: 1 },
        jobId: operationId,
        data: { bulkLine: line },
      });
    }
  }
  const units = lines.reduce((sum, item) => sum + item.productIds.length, 0);
  const state = await awaitOperation(gateway, change, operationId, units);
  const url = state?.status === "COMPLETED" ? state.url : (state?.partialDataUrl ?? null);
  const answered = new Set<number>();
  let done = 0;
  let failed = 0;
  for await (const result of bulkMutationResults(url)) {
    const item = lines[result.lineNumber];
    if (!item) continue;
    answered.add(result.lineNumber);
    const payload = result.data?.collectionUpdate as
      { userErrors?: { field?: string[] | null; message: string }[] } | undefined;
    const errors = result.errors ?? [];
    const split = splitBatchErrors(item.productIds, payload?.userErrors ?? []);
    const general = [...split.general, ...errors.map((e) => e.message)];
    if (general.length > 0) {
      failed += item.productIds.length;
      const reason = general.join("; ");
      await updateItem(shop, item.id, {
        status: "FAILED",
        failures: item.productIds.map((productId) => ({ id: productId, reason })),
        error: reason,
      });
    } else if (split.failed.length > 0) {
      // A line applies all-or-nothing: the refused products are reported and the rest of the
      // line goes back to the batched path (which sends it without them).
      const refused = new Set(split.failed.map((f) => f.id));
      failed += refused.size;
      await updateItem(shop, item.id, {
        status: "PENDING",
        jobId: null,
        productIds: item.productIds.filter((productId) => !refused.has(productId)),
        failures: split.failed,
        error: split.failed[0]!.reason,
      });
    } else {
      done += item.productIds.length;
      await updateItem(shop, item.id, { status: "DONE" });
    }
  }
  // Lines the operation never answered (it failed or was cancelled) go back to the batched path.
  for (const [line, item] of lines.entries()) {
    if (!answered.has(line)) await updateItem(shop, item.id, { status: "PENDING", jobId: null });
  }
  await updateChange(shop, id, {
    doneUnits: { increment: done },
    failedUnits: { increment: failed },
  });
  return true;
}

function lineOf(item: CollectionChangeItem): number {
  return (item.data as { bulkLine?: number } | null)?.bulkLine ?? 0;
}
