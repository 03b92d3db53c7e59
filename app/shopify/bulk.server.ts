import { Readable } from "node:stream";
import type { ShopifyGateway } from "./gateway.server";
import { BULK_OPERATION_RUN_QUERY } from "./operations/bulk-operation-run-query";
import { BULK_OPERATION_STATUS_QUERY } from "./operations/bulk-operation-status";

/**
 * Bulk operations (SHOPIFY-PLATFORM.md §2), reusable by every capability: start a bulk query,
 * read its state (poll, or on `bulk_operations/finish`), and stream its JSONL result. The result
 * is never held in memory: callers get a byte stream to read line by line.
 */

export type BulkStatus =
  "CANCELED" | "CANCELING" | "COMPLETED" | "CREATED" | "EXPIRED" | "FAILED" | "RUNNING";

export interface BulkOperationState {
  id: string;
  status: BulkStatus;
  errorCode: string | null;
  objectCount: number;
  rootObjectCount: number;
  /** The JSONL result (null when the operation returned nothing, or is not done). */
  url: string | null;
  partialDataUrl: string | null;
}

export type StartBulkResult =
  | { ok: true; operationId: string }
  /** OPERATION_IN_PROGRESS / LIMIT_REACHED (retry later) or INVALID (a bug in the query). */
  | { ok: false; code: string; message: string };

/** Thrown when an operation ends in any state but COMPLETED. */
export class BulkOperationFailed extends Error {
  override name = "BulkOperationFailed";
  constructor(readonly state: BulkOperationState) {
    super(
      `bulk operation ${state.id} ended ${state.status}${state.errorCode ? ` (${state.errorCode})` : ""}`,
    );
  }
}

export function isFinished(status: BulkStatus): boolean {
  return status !== "CREATED" && status !== "RUNNING" && status !== "CANCELING";
}

export async function startBulkQuery(
  gateway: ShopifyGateway,
  query: string,
): Promise<StartBulkResult> {
  const result = await gateway.mutate(
    BULK_OPERATION_RUN_QUERY,
    { query },
    (data) => data.bulkOperationRunQuery,
  );
  if (!result.ok) {
    const [first] = result.userErrors;
    return { ok: false, code: first?.code ?? "INVALID", message: first?.message ?? "refused" };
  }
  const id = result.payload.bulkOperation?.id;
  if (!id) return { ok: false, code: "INVALID", message: "no bulk operation was created" };
  return { ok: true, operationId: id };
}

export async function bulkOperationState(
  gateway: ShopifyGateway,
  id: string,
): Promise<BulkOperationState | null> {
  const { bulkOperation: op } = await gateway.query(BULK_OPERATION_STATUS_QUERY, { id });
  if (!op) return null;
  return {
    id: op.id,
    status: op.status as BulkStatus,
    errorCode: op.errorCode ?? null,
    objectCount: Number(op.objectCount),
    rootObjectCount: Number(op.rootObjectCount),
    url: (op.url as string | null | undefined) ?? null,
    partialDataUrl: (op.partialDataUrl as string | null | undefined) ?? null,
  };
}

/**
 * Polls until the operation has finished or `maxWaitMs` has passed (then returns the last state,
 * still running: a job should then wait for the finish webhook or poll again later).
 */
export async function awaitBulkOperation(
  gateway: ShopifyGateway,
  id: string,
  options: {
    maxWaitMs?: number;
    pollMs?: number;
    /** Longest pause between polls (default 5 s); shorter when someone watches progress. */
    maxPollMs?: number;
    signal?: AbortSignal;
    /** Called with every state read while the operation runs (objectCount for progress). */
    onState?: (state: BulkOperationState) => void | Promise<void>;
  } = {},
): Promise<BulkOperationState> {
  const deadline = Date.now() + (options.maxWaitMs ?? 60_000);
  let pollMs = options.pollMs ?? 250;
  for (;;) {
    const state = await bulkOperationState(gateway, id);
    if (!state) throw new Error(`bulk operation ${id} does not exist`);
    if (isFinished(state.status) || Date.now() >= deadline || options.signal?.aborted) {
      return state;
    }
    await options.onState?.(state);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    pollMs = Math.min(options.maxPollMs ?? 5_000, pollMs * 1.5);
  }
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
let resultFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/**
 * Replaces how result files are downloaded. Tests route them into the in-process emulator
 * (which has no port); production and the demo use plain `fetch`.
 */
export function setBulkResultFetch(fetchImpl: FetchLike): void {
  resultFetch = fetchImpl;
}

/** The same as {@link setBulkResultFetch} (the older name, kept for existing callers). */
export const useBulkResultFetch = setBulkResultFetch;

/** The result file as a byte stream (an empty stream when the operation produced no file). */
export async function openBulkResult(url: string | null): Promise<AsyncIterable<Uint8Array>> {
  if (!url) return Readable.from([]);
  const response = await resultFetch(url);
  if (!response.ok || !response.body) {
    throw new Error(`bulk result download failed: HTTP ${response.status}`);
  }
  return response.body as unknown as AsyncIterable<Uint8Array>;
}
