import { parse, validate, type DocumentNode } from "graphql";
import { startBulkMutation, startBulkQuery } from "../bulk/run";
import { fileUrl, isResultExpired, uploadUrl } from "../bulk/files";
import { validateBulkQuery } from "../bulk/validate-query";
import { paginate } from "../graphql/connection";
import type { EmulatorContext, Resolvers } from "../graphql/context";
import { selectOperation } from "../graphql/operation";
import { adminSchema } from "../graphql/schema";
import type { BulkOperation, ShopState } from "../store/types";

/**
 * Bulk operations (SHOPIFY-PLATFORM.md §2): `bulkOperationRunQuery`, `bulkOperationRunMutation`,
 * `bulkOperation(s)`, `currentBulkOperation`, `bulkOperationCancel`, and `stagedUploadsCreate`
 * for the JSONL of variables.
 */

/** Concurrent operations per type and shop (API 2026-01 and later). */
export const MAX_CONCURRENT_BULK_OPERATIONS = 5;
const ACTIVE: ReadonlySet<string> = new Set(["CREATED", "RUNNING", "CANCELING"]);

function numericId(gid: string): number {
  return Number(gid.split("/").pop()) || 0;
}

/** The GraphQL view of a stored operation; EXPIRED once its results are older than 7 days. */
export function bulkOperationView(
  op: BulkOperation,
  ctx: EmulatorContext,
): Record<string, unknown> {
  if (
    (op.status === "COMPLETED" || op.status === "FAILED" || op.status === "CANCELED") &&
    isResultExpired(op, ctx.clock.now())
  ) {
    op.status = "EXPIRED";
  }
  const expired = op.status === "EXPIRED";
  return {
    __typename: "BulkOperation",
    id: op.id,
    status: op.status,
    errorCode: op.errorCode,
    type: op.type,
    query: op.query,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url: !expired && op.resultKey ? fileUrl(ctx.baseUrl, ctx.shop.domain, op.resultKey) : null,
    partialDataUrl:
      !expired && op.partialResultKey
        ? fileUrl(ctx.baseUrl, ctx.shop.domain, op.partialResultKey)
        : null,
  };
}

function activeCount(shop: ShopState, type: BulkOperation["type"]): number {
  let n = 0;
  for (const op of shop.bulkOperations.values()) if (op.type === type && ACTIVE.has(op.status)) n++;
  return n;
}

function newOperation(
  ctx: EmulatorContext,
  type: BulkOperation["type"],
  query: string,
): BulkOperation {
  const op: BulkOperation = {
    id: ctx.nextGid(ctx.shop, "BulkOperation"),
    type,
    status: "CREATED",
    errorCode: null,
    query,
    createdAt: ctx.clock.nowIso(),
    completedAt: null,
    objectCount: 0,
    rootObjectCount: 0,
    fileSize: null,
    resultKey: null,
    partialResultKey: null,
  };
  ctx.shop.bulkOperations.set(op.id, op);
  return op;
}

function limitMessage(type: BulkOperation["type"]): string {
  const kind = type === "QUERY" ? "query" : "mutation";
  return `A maximum of ${MAX_CONCURRENT_BULK_OPERATIONS} bulk ${kind} operations can run at the same time for this app and shop. Wait for one to finish, or cancel one, and try again.`;
}

/** Sorted newest first by default (`reverse: true` flips it), as the platform lists them. */
function sortOperations(ops: BulkOperation[], sortKey: unknown, reverse: boolean): BulkOperation[] {
  const key = sortKey === "COMPLETED_AT" ? "completedAt" : "createdAt";
  const sorted = [...ops].sort((a, b) => {
    const av = a[key] ?? "";
    const bv = b[key] ?? "";
    if (av !== bv) return av < bv ? 1 : -1;
    return numericId(b.id) - numericId(a.id);
  });
  return reverse ? sorted.reverse() : sorted;
}

type Comparator = ":" | ":<" | ":>" | ":<=" | ":>=";

function compare(actual: string | number, op: Comparator, expected: string | number): boolean {
  switch (op) {
    case ":<":
      return actual < expected;
    case ":>":
      return actual > expected;
    case ":<=":
      return actual <= expected;
    case ":>=":
      return actual >= expected;
    default:
      return actual === expected;
  }
}

/** `status:running operation_type:query created_at:>'2026-01-01' id:>=123` (implicit AND). */
export function filterOperations(ops: BulkOperation[], query: string): BulkOperation[] {
  const terms = [...query.matchAll(/(\w+)(:<=|:>=|:<|:>|:)\s*('[^']*'|"[^"]*"|\S+)/g)];
  return ops.filter((op) =>
    terms.every(([, field, comparator, raw]) => {
      const value = raw.replace(/^['"]|['"]$/g, "");
      const c = comparator as Comparator;
      switch (field) {
        case "status":
          return value.split(",").some((v) => op.status.toLowerCase() === v.toLowerCase());
        case "operation_type":
          return op.type.toLowerCase() === value.toLowerCase();
        case "created_at":
          return compare(Date.parse(op.createdAt), c, Date.parse(value));
        case "id":
          return compare(numericId(op.id), c, numericId(value));
        default:
          return true;
      }
    }),
  );
}

interface StagedUploadInput {
  resource: string;
  filename: string;
  mimeType: string;
  httpMethod?: string | null;
}

function stagedTarget(ctx: EmulatorContext, input: StagedUploadInput): Record<string, unknown> {
  const shopNumber = ctx.shop.id.split("/").pop();
  const folder =
    input.resource === "BULK_MUTATION_VARIABLES" ? "bulk" : input.resource.toLowerCase();
  const key = `tmp/${shopNumber}/${folder}/${crypto.randomUUID()}/${input.filename}`;
  const method = input.httpMethod ?? "PUT";
  const common = [
    { name: "key", value: key },
    { name: "Content-Type", value: input.mimeType },
  ];
  if (method === "POST") {
    return {
      url: uploadUrl(ctx.baseUrl, ctx.shop.domain),
      resourceUrl: fileUrl(ctx.baseUrl, ctx.shop.domain, key),
      parameters: [
        ...common,
        { name: "success_action_status", value: "201" },
        { name: "acl", value: "private" },
        { name: "policy", value: "emulator-policy" },
        { name: "x-goog-credential", value: "emulator" },
        { name: "x-goog-algorithm", value: "GOOG4-HMAC-SHA256" },
        { name: "x-goog-signature", value: "emulator" },
      ],
    };
  }
  return {
    url: fileUrl(ctx.baseUrl, ctx.shop.domain, key),
    resourceUrl: fileUrl(ctx.baseUrl, ctx.shop.domain, key),
    parameters: [...common, { name: "acl", value: "private" }],
  };
}

function parseJsonl(body: string): Record<string, unknown>[] | null {
  const lines: Record<string, unknown>[] = [];
  for (const raw of body.split(/\r?\n/)) {
    if (!raw.trim()) continue;
    try {
      const value: unknown = JSON.parse(raw);
      if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
      lines.push(value as Record<string, unknown>);
    } catch {
      return null;
    }
  }
  return lines;
}

function validateBulkMutation(mutation: string): { document: DocumentNode } | { message: string } {
  let document: DocumentNode;
  try {
    document = parse(mutation);
  } catch (error) {
    return {
      message: `Invalid mutation: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const errors = validate(adminSchema(), document);
  if (errors.length) return { message: `Invalid mutation: ${errors[0].message}` };
  const operation = selectOperation(document);
  if (!operation || operation.operation !== "mutation") {
    return { message: "Bulk mutations must contain exactly one mutation operation." };
  }
  const rootFields = operation.selectionSet.selections.filter((s) => s.kind === "Field");
  if (rootFields.length !== 1)
    return { message: "Bulk mutations must contain exactly one mutation field." };
  const name = rootFields[0].kind === "Field" ? rootFields[0].name.value : "";
  if (name.startsWith("bulkOperation"))
    return { message: `${name} cannot be run as a bulk mutation.` };
  return { document };
}

export const bulkResolvers: Resolvers = {
  QueryRoot: {
    bulkOperation: (_source, args, ctx) => {
      const op = ctx.shop.bulkOperations.get(String(args.id));
      return op ? bulkOperationView(op, ctx) : null;
    },
    currentBulkOperation: (_source, args, ctx) => {
      const type = args.type === "MUTATION" ? "MUTATION" : "QUERY";
      const ops = [...ctx.shop.bulkOperations.values()].filter((op) => op.type === type);
      const latest = sortOperations(ops, "CREATED_AT", false)[0];
      return latest ? bulkOperationView(latest, ctx) : null;
    },
    bulkOperations: (_source, args, ctx) => {
      let ops = [...ctx.shop.bulkOperations.values()];
      if (typeof args.query === "string" && args.query.trim())
        ops = filterOperations(ops, args.query);
      const sorted = sortOperations(ops, args.sortKey, args.reverse === true);
      const views = sorted.map((op) => bulkOperationView(op, ctx));
      return paginate(views, args, (v) => String(v.id));
    },
  },
  Mutation: {
    bulkOperationRunQuery: (_source, args, ctx) => {
      const query = String(args.query);
      const checked = validateBulkQuery(adminSchema(), query);
      if (checked.problem) return { bulkOperation: null, userErrors: [checked.problem] };
      if (activeCount(ctx.shop, "QUERY") >= MAX_CONCURRENT_BULK_OPERATIONS) {
        return {
          bulkOperation: null,
          userErrors: [{ code: "LIMIT_REACHED", field: null, message: limitMessage("QUERY") }],
        };
      }
      const op = newOperation(ctx, "QUERY", query);
      startBulkQuery(ctx, op, checked.document, args.groupObjects === true);
      return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
    },
    bulkOperationRunMutation: (_source, args, ctx) => {
      const mutation = String(args.mutation);
      const path = String(args.stagedUploadPath);
      const fail = (code: string, field: string[], message: string) => ({
        bulkOperation: null,
        userErrors: [{ code, field, message }],
      });
      const checked = validateBulkMutation(mutation);
      if ("message" in checked) return fail("INVALID_MUTATION", ["mutation"], checked.message);
      const body = ctx.shop.files.get(path);
      if (body === undefined) {
        return fail(
          "NO_SUCH_FILE",
          ["stagedUploadPath"],
          "The JSONL file could not be found. Try uploading the file again, and check that you've entered the URL correctly for the stagedUploadPath mutation argument.",
        );
      }
      const lines = parseJsonl(body);
      if (!lines) {
        return fail(
          "INVALID_STAGED_UPLOAD_FILE",
          ["stagedUploadPath"],
          "The staged upload file is not valid JSONL: every line must be a JSON object of variables.",
        );
      }
      if (activeCount(ctx.shop, "MUTATION") >= MAX_CONCURRENT_BULK_OPERATIONS) {
        return fail("LIMIT_REACHED", [], limitMessage("MUTATION"));
      }
      const op = newOperation(ctx, "MUTATION", mutation);
      startBulkMutation(ctx, op, checked.document, lines);
      return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
    },
    bulkOperationCancel: (_source, args, ctx) => {
      const op = ctx.shop.bulkOperations.get(String(args.id));
      if (!op) {
        return {
          bulkOperation: null,
          userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }],
        };
      }
      if (op.status !== "CREATED" && op.status !== "RUNNING") {
        return {
          bulkOperation: bulkOperationView(op, ctx),
          userErrors: [
            {
              field: null,
              message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}`,
            },
          ],
        };
      }
      op.status = "CANCELING";
      return { bulkOperation: bulkOperationView(op, ctx), userErrors: [] };
    },
    stagedUploadsCreate: (_source, args, ctx) => {
      const inputs = Array.isArray(args.input) ? (args.input as StagedUploadInput[]) : [];
      return { stagedTargets: inputs.map((input) => stagedTarget(ctx, input)), userErrors: [] };
    },
  },
};
