import type { BulkOperation } from "../store/types";

/**
 * Where the emulator keeps files: `ShopState.files` (key → body), served under
 * `/_emulator/files/<shop domain>/<key>` for staged uploads and bulk results.
 */

export const FILES_PREFIX = "/_emulator/files/";
/** Bulk results (and partial results) stay downloadable for 7 days of emulator time. */
export const RESULT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function fileUrl(baseUrl: string, domain: string, key: string): string {
  const path = key.split("/").map(encodeURIComponent).join("/");
  return `${baseUrl.replace(/\/$/, "")}${FILES_PREFIX}${encodeURIComponent(domain)}/${path}`;
}

/** The upload endpoint for multipart POSTs (the `key` form field names the file). */
export function uploadUrl(baseUrl: string, domain: string): string {
  return `${baseUrl.replace(/\/$/, "")}${FILES_PREFIX}${encodeURIComponent(domain)}/`;
}

export function resultKeyFor(operationId: string, partial = false): string {
  const numeric = operationId.split("/").pop() ?? operationId;
  return `bulk-operation-outputs/${numeric}${partial ? "-partial" : ""}.jsonl`;
}

export function isResultExpired(op: BulkOperation, now: Date): boolean {
  return op.completedAt !== null && now.getTime() - Date.parse(op.completedAt) > RESULT_TTL_MS;
}
