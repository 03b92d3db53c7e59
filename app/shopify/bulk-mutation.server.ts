import type { ShopifyGateway } from "./gateway.server";
import { openBulkResult, type StartBulkResult } from "./bulk.server";
import { BULK_OPERATION_RUN_MUTATION } from "./operations/bulk-operation-run-mutation";
import { STAGED_UPLOADS_CREATE_MUTATION } from "./operations/staged-uploads-create";
import type { StagedUploadInput } from "../types/admin.types";

/**
 * Bulk mutations (SHOPIFY-PLATFORM.md §2.4): the variables of every call in a JSONL file, uploaded
 * to a staged target, run by `bulkOperationRunMutation` outside the cost bucket; results come back
 * one line per input line, correlated by `__lineNumber`.
 */
type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
let uploadFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** Replaces how staged files are uploaded (tests route them into the in-process emulator). */
export function setBulkUploadFetch(fetchImpl: FetchLike): void {
  uploadFetch = fetchImpl;
}

export async function startBulkMutation(
  gateway: ShopifyGateway,
  mutation: string,
  variables: readonly object[],
  clientIdentifier?: string,
): Promise<StartBulkResult> {
  const body = `${variables.map((line) => JSON.stringify(line)).join("\n")}\n`;
  const staged = await gateway.mutate(
    STAGED_UPLOADS_CREATE_MUTATION,
    {
      input: [
        {
          resource: "BULK_MUTATION_VARIABLES",
          filename: "variables.jsonl",
          mimeType: "text/jsonl",
          httpMethod: "POST",
        } as StagedUploadInput,
      ],
    },
    (data) => data.stagedUploadsCreate,
  );
  const target = staged.ok ? staged.payload.stagedTargets?.[0] : undefined;
  if (!staged.ok || !target?.url) {
    const message = staged.ok ? "no upload target" : staged.userErrors[0]?.message;
    return { ok: false, code: "INVALID", message: message ?? "no upload target" };
  }
  const form = new FormData();
  for (const { name, value } of target.parameters) form.append(name, value);
  form.append("file", new Blob([body], { type: "text/jsonl" }), "variables.jsonl");
  const uploaded = await uploadFetch(target.url, { method: "POST", body: form }).catch(
    (error: unknown) => new Response(String(error), { status: 599 }),
  );
  if (!uploaded.ok) {
    return { ok: false, code: "UPLOAD_FAILED", message: `upload failed: HTTP ${uploaded.status}` };
  }
  const key = target.parameters.find((p) => p.name === "key")?.value;
  if (!key) return { ok: false, code: "INVALID", message: "the upload target has no key" };
  const run = await gateway.mutate(
    BULK_OPERATION_RUN_MUTATION,
    { mutation, stagedUploadPath: key, clientIdentifier: clientIdentifier ?? null },
    (data) => data.bulkOperationRunMutation,
  );
  if (!run.ok) {
    const [first] = run.userErrors;
    return { ok: false, code: first?.code ?? "INVALID", message: first?.message ?? "refused" };
  }
  const id = run.payload.bulkOperation?.id;
  if (!id) return { ok: false, code: "INVALID", message: "no bulk operation was created" };
  return { ok: true, operationId: id };
}

export interface BulkMutationLine {
  lineNumber: number;
  data?: Record<string, unknown>;
  errors?: { message: string }[];
}

/** The result file, line by line (never whole in memory). */
export async function* bulkMutationResults(url: string | null): AsyncIterable<BulkMutationLine> {
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of await openBulkResult(url)) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const text = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (text) yield toLine(text);
      newline = buffer.indexOf("\n");
    }
  }
  if (buffer.trim()) yield toLine(buffer.trim());
}

function toLine(text: string): BulkMutationLine {
  const parsed = JSON.parse(text) as {
    __lineNumber: number;
    data?: Record<string, unknown>;
    errors?: { message: string }[];
  };
  return { lineNumber: parsed.__lineNumber, data: parsed.data, errors: parsed.errors };
}
