import { type DocumentNode, type ExecutionResult } from "graphql";
import { takeSearchExtensions } from "../catalog/search-extensions";
import { accessDeniedErrors } from "../graphql/access";
import { logMutation } from "../graphql/admin-request";
import type { EmulatorContext, Resolvers } from "../graphql/context";
import { executeDocument } from "../graphql/execute";
import { collectFields, fragmentsOf, rootTypeOf, selectOperation } from "../graphql/operation";
import { adminSchema } from "../graphql/schema";
import type { BulkOperation } from "../store/types";
import { runInBackground, yieldToEventLoop } from "./background";
import { resultKeyFor } from "./files";
import {
  bulkPageVariables,
  JsonlWriter,
  nextCursor,
  prepareBulkQuery,
  writePage,
} from "./query-runner";

/**
 * Runs bulk operations in the background through the same resolvers as ordinary requests:
 * CREATED → RUNNING → COMPLETED | FAILED | (CANCELING →) CANCELED, then `bulk_operations/finish`.
 */

/** Lines of a bulk mutation executed between yields to the event loop. */
const MUTATION_LINES_PER_CHUNK = 200;

async function loadResolvers(): Promise<Resolvers> {
  // Imported lazily: the bulk resolvers are themselves part of this map.
  const { adminResolvers } = await import("../resolvers/index");
  return adminResolvers;
}

function finish(
  ctx: EmulatorContext,
  op: BulkOperation,
  status: "COMPLETED" | "FAILED" | "CANCELED",
  result: { body: string; objectCount: number; rootObjectCount: number },
  errorCode: BulkOperation["errorCode"] = null,
): void {
  op.status = status;
  op.errorCode = errorCode;
  op.completedAt = ctx.clock.nowIso();
  op.objectCount = result.objectCount;
  op.rootObjectCount = result.rootObjectCount;
  if (status === "COMPLETED") {
    const key = resultKeyFor(op.id);
    if (result.objectCount > 0) {
      ctx.shop.files.set(key, result.body);
      op.resultKey = key;
      op.fileSize = Buffer.byteLength(result.body);
    } else {
      // The platform returns no file for an empty result.
      op.resultKey = null;
      op.fileSize = null;
    }
  } else if (result.objectCount > 0) {
    const key = resultKeyFor(op.id, true);
    ctx.shop.files.set(key, result.body);
    op.partialResultKey = key;
  }
  ctx.webhooks.emit(ctx.shop, "bulk_operations/finish", {
    admin_graphql_api_id: op.id,
    completed_at: op.completedAt,
    created_at: op.createdAt,
    error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
    status: op.status.toLowerCase(),
    type: op.type.toLowerCase(),
  });
}

function isCanceling(op: BulkOperation): boolean {
  return op.status === "CANCELING";
}

/** Starts a validated bulk query in the background. */
export function startBulkQuery(
  ctx: EmulatorContext,
  op: BulkOperation,
  document: DocumentNode,
  groupObjects: boolean,
): void {
  runInBackground(async () => {
    const schema = adminSchema();
    const resolvers = await loadResolvers();
    const writer = new JsonlWriter(groupObjects);
    const partial = () => ({
      body: writer.finish(),
      objectCount: writer.lines.length,
      rootObjectCount: writer.rootObjectCount,
    });
    if (isCanceling(op)) return finish(ctx, op, "CANCELED", partial());
    op.status = "RUNNING";
    const denied = accessDeniedErrors({
      schema,
      document,
      variables: {},
      scopes: ctx.shop.app.scopes,
    });
    if (denied.length) return finish(ctx, op, "FAILED", partial(), "ACCESS_DENIED");

    const prepared = prepareBulkQuery(schema, document);
    let after: string | null = null;
    do {
      const result: ExecutionResult = await executeDocument({
        document: prepared.document,
        variables: prepared.pagedPath ? bulkPageVariables(after) : {},
        ctx,
        resolvers,
      });
      if (result.errors?.length) {
        console.error(`bulk query ${op.id} failed: ${result.errors[0].message}`);
        return finish(ctx, op, "FAILED", partial(), "INTERNAL_SERVER_ERROR");
      }
      takeSearchExtensions(ctx); // search warnings have no place in a JSONL file
      writePage(schema, prepared, result.data, writer);
      op.objectCount = writer.lines.length;
      op.rootObjectCount = writer.rootObjectCount;
      after = prepared.pagedPath ? nextCursor(result.data, prepared.pagedPath) : null;
      await yieldToEventLoop();
      if (isCanceling(op)) return finish(ctx, op, "CANCELED", partial());
    } while (after);
    const body = writer.finish();
    finish(ctx, op, "COMPLETED", {
      body,
      objectCount: writer.lines.length,
      rootObjectCount: writer.rootObjectCount,
    });
  });
}

/** Starts a validated bulk mutation (one execution per JSONL line of variables). */
export function startBulkMutation(
  ctx: EmulatorContext,
  op: BulkOperation,
  document: DocumentNode,
  lines: Record<string, unknown>[],
): void {
  runInBackground(async () => {
    const schema = adminSchema();
    const resolvers = await loadResolvers();
    const out: string[] = [];
    const result = () => ({
      body: out.length ? `${out.join("\n")}\n` : "",
      objectCount: out.length,
      rootObjectCount: out.length,
    });
    if (isCanceling(op)) return finish(ctx, op, "CANCELED", result());
    op.status = "RUNNING";
    const operation = selectOperation(document);
    const root = operation && rootTypeOf(schema, operation);
    const fields = root
      ? [
          ...collectFields(
            schema,
            root,
            [operation.selectionSet],
            fragmentsOf(document),
            {},
          ).values(),
        ].map((nodes) => nodes[0].name.value)
      : [];
    const denied = accessDeniedErrors({
      schema,
      document,
      variables: {},
      scopes: ctx.shop.app.scopes,
    });
    if (denied.length) return finish(ctx, op, "FAILED", result(), "ACCESS_DENIED");

    for (let i = 0; i < lines.length; i++) {
      const executed: ExecutionResult = await executeDocument({
        document,
        variables: lines[i],
        ctx,
        resolvers,
      });
      const line: Record<string, unknown> = {};
      if (executed.errors?.length) line.errors = executed.errors.map((e) => e.toJSON());
      if (executed.data !== undefined) line.data = executed.data;
      line.__lineNumber = i;
      out.push(JSON.stringify(line));
      if (executed.data) {
        logMutation(ctx, {
          operationName: operation?.name?.value ?? null,
          fields,
          variables: lines[i],
        });
      }
      op.objectCount = out.length;
      op.rootObjectCount = out.length;
      if ((i + 1) % MUTATION_LINES_PER_CHUNK === 0) {
        await yieldToEventLoop();
        if (isCanceling(op)) return finish(ctx, op, "CANCELED", result());
      }
    }
    finish(ctx, op, "COMPLETED", result());
  });
}
