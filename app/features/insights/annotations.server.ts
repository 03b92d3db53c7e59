import type { Action } from "@prisma/client";
import { db } from "../../db.server";
import type { DataOf, ShopifyGateway } from "../../shopify/gateway.server";
import { ANALYTICS_ANNOTATION_CREATE } from "../../shopify/operations/analytics-annotation-create";
import { ANALYTICS_ANNOTATION_DELETE } from "../../shopify/operations/analytics-annotation-delete";
import { ANALYTICS_ANNOTATION_UPDATE } from "../../shopify/operations/analytics-annotation-update";
import { ANALYTICS_ANNOTATIONS_QUERY } from "../../shopify/operations/analytics-annotations-list";
import { recordAction } from "./actions.server";
import {
  annotationFields,
  classifyAnnotationError,
  FALLBACK_ANNOTATION_TYPE,
  rejectsType,
  type AnnotationFields,
} from "./annotation-limits";

/**
 * Shopify's analytics timeline (ADR 011): Merchdesk's own and the merchant's manual actions are
 * written there as annotations (create, update when changed, delete when deleted), within its
 * limits; annotations already on the timeline (Shopify's, other apps') come in as EXTERNAL
 * actions. The sync state of each action is on the record (annotationId, annotationSyncedAt,
 * annotationError) and shown in the app.
 */

/** Sources written to Shopify. EXTERNAL changes came from there (or from its webhooks) already. */
const SYNCED_SOURCES = ["MERCHDESK", "MANUAL"] as const;
/** Kind of actions imported from Shopify's timeline. */
export const IMPORTED_KIND = "shopify.annotation";
const BATCH = 100;

export interface AnnotationSyncResult {
  created: number;
  updated: number;
  deleted: number;
  failed: number;
  /** Set when something should be tried again later (a job retry). */
  retryLater: string | null;
}

export async function syncShopifyAnnotations(
  gateway: ShopifyGateway,
): Promise<AnnotationSyncResult> {
  const shop = gateway.shop;
  const result: AnnotationSyncResult = {
    created: 0,
    updated: 0,
    deleted: 0,
    failed: 0,
    retryLater: null,
  };

  for (const deletion of await db().annotationDeletion.findMany({ where: { shop }, take: BATCH })) {
    const answer = await gateway.mutate(
      ANALYTICS_ANNOTATION_DELETE,
      { id: deletion.annotationId },
      (data) => data.analyticsAnnotationDelete,
      { idempotent: true },
    );
    if (answer.ok || classifyAnnotationError(answer.userErrors).kind === "not-found") {
      await db().annotationDeletion.delete({ where: { id: deletion.id } });
      result.deleted++;
    } else {
      await db().annotationDeletion.update({
        where: { id: deletion.id },
        data: { error: classifyAnnotationError(answer.userErrors).message },
      });
      result.failed++;
    }
  }

  const pending = await db().action.findMany({
    where: {
      shop,
      source: { in: [...SYNCED_SOURCES] },
      annotationError: null,
      OR: [{ annotationId: null }, { annotationDirty: true }],
    },
    orderBy: { startedAt: "desc" },
    take: BATCH,
  });
  let quotaReached = false;
  for (const action of pending) {
    if (quotaReached && !action.annotationId) {
      await markError(action, "Shopify's annotation limit for this app is reached");
      result.failed++;
      continue;
    }
    const outcome = await writeAnnotation(gateway, action);
    if (outcome === "created") result.created++;
    else if (outcome === "updated") result.updated++;
    else {
      result.failed++;
      if (outcome === "quota") quotaReached = true;
    }
  }
  return result;
}

async function markError(action: Action, message: string) {
  await db().action.updateMany({
    where: { id: action.id, shop: action.shop },
    data: { annotationError: message.slice(0, 500) },
  });
}

async function writeAnnotation(
  gateway: ShopifyGateway,
  action: Action,
): Promise<"created" | "updated" | "quota" | "invalid"> {
  const first = await writeAnnotationAs(gateway, action, annotationFields(action));
  if (first !== "type-rejected") return first;
  // The type is not one Shopify supports: write it as the documented one (annotation-limits.ts).
  const fallback = { ...annotationFields(action), type: FALLBACK_ANNOTATION_TYPE };
  const second = await writeAnnotationAs(gateway, action, fallback);
  return second === "type-rejected" ? "invalid" : second;
}

async function writeAnnotationAs(
  gateway: ShopifyGateway,
  action: Action,
  fields: AnnotationFields,
): Promise<"created" | "updated" | "quota" | "invalid" | "type-rejected"> {
  const canRetryType = fields.type !== FALLBACK_ANNOTATION_TYPE;
  if (action.annotationId) {
    // Only given fields change: a point in time is written as a zero-length range.
    const endedAt = "endedAt" in fields ? fields.endedAt : fields.startedAt;
    const answer = await gateway.mutate(
      ANALYTICS_ANNOTATION_UPDATE,
      { id: action.annotationId, input: { ...fields, endedAt } },
      (data) => data.analyticsAnnotationUpdate,
      { idempotent: true },
    );
    if (answer.ok) {
      await markSynced(action, action.annotationId);
      return "updated";
    }
    if (canRetryType && rejectsType(answer.userErrors)) return "type-rejected";
    const error = classifyAnnotationError(answer.userErrors);
    if (error.kind !== "not-found") {
      await markError(action, error.message);
      return error.kind === "quota" ? "quota" : "invalid";
    }
    // Deleted on Shopify's side (or by the merchant there): write it again.
  }
  // Not idempotent: a 5xx does not say whether it was created. The job retries; at worst a
  // duplicate annotation, never a lost one.
  const answer = await gateway.mutate(
    ANALYTICS_ANNOTATION_CREATE,
    { input: fields },
    (data) => data.analyticsAnnotationCreate,
  );
  if (!answer.ok) {
    if (canRetryType && rejectsType(answer.userErrors)) return "type-rejected";
    const error = classifyAnnotationError(answer.userErrors);
    await markError(action, error.message);
    return error.kind === "quota" ? "quota" : "invalid";
  }
  await markSynced(action, answer.payload.analyticsAnnotation?.id ?? null);
  return "created";
}

async function markSynced(action: Action, annotationId: string | null) {
  await db().action.updateMany({
    where: { id: action.id, shop: action.shop, updatedAt: action.updatedAt },
    data: {
      annotationId,
      annotationSyncedAt: new Date(),
      annotationDirty: false,
      annotationError: null,
    },
  });
  // Changed while we wrote it: keep the id, stay dirty for the next run.
  await db().action.updateMany({
    where: { id: action.id, shop: action.shop, annotationId: null },
    data: { annotationId, annotationSyncedAt: new Date() },
  });
}

/**
 * Imports the annotations already on the shop's timeline (Shopify's and other apps') as EXTERNAL
 * actions, once per shop; Merchdesk's own annotations are skipped.
 */
export async function importShopifyAnnotations(gateway: ShopifyGateway): Promise<number> {
  const shop = gateway.shop;
  const own = new Set(
    (
      await db().action.findMany({
        where: { shop, annotationId: { not: null } },
        select: { annotationId: true },
      })
    ).map((a) => a.annotationId),
  );
  let after: string | null = null;
  let imported = 0;
  for (let page = 0; page < 50; page++) {
    const data: DataOf<typeof ANALYTICS_ANNOTATIONS_QUERY> = await gateway.query(
      ANALYTICS_ANNOTATIONS_QUERY,
      { after },
    );
    const connection = data.shop.analyticsAnnotations;
    for (const node of connection.nodes) {
      if (own.has(node.id)) continue;
      const startedAt = new Date(node.startedAt as string);
      const endedAt = node.endedAt ? new Date(node.endedAt as string) : null;
      await recordAction(shop, {
        source: "EXTERNAL",
        kind: IMPORTED_KIND,
        title: node.title?.trim() || node.type,
        note: node.description ?? null,
        category: node.type.slice(0, 64),
        startedAt,
        endedAt: endedAt && endedAt.getTime() > startedAt.getTime() ? endedAt : null,
        actor: node.source === "SHOPIFY" ? "shopify" : "app",
        externalKey: `annotation:${node.id}`,
      });
      imported++;
    }
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor ?? null;
  }
  await db().kpiSync.upsert({
    where: { shop },
    create: { shop, annotationsImportedAt: new Date() },
    update: { annotationsImportedAt: new Date() },
  });
  return imported;
}
