import { z } from "zod";
import { db } from "../../db.server";
import { defineJob, type JobDefinition } from "../../jobs/define";
import { enqueue } from "../../jobs/queue.server";
import { offlineAdmin } from "../../shopify/app.server";
import { awaitBulkOperation, isFinished } from "../../shopify/bulk.server";
import { ShopifyGateway } from "../../shopify/gateway.server";
import { syncShopifyAnnotations, importShopifyAnnotations } from "./annotations.server";
import {
  applyMembershipRead,
  membershipIsStale,
  rebuildCollectionDays,
  startMembershipRead,
} from "./collection-sales.server";
import { estimateShopEffects } from "./effects.server";
import { applyKpiSyncResult, getKpiSync, refreshSessions, startKpiSync } from "./sync.server";

const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);

async function gatewayFor(shop: string) {
  return new ShopifyGateway(shop, await offlineAdmin(shop));
}

/** How long one run waits for its bulk operation before handing over to a later run. */
const AWAIT_MS = 45_000;

/**
 * A KPI sync: starts the bulk query (unless it is already running), waits for it a while, then
 * applies the result. A long export is picked up by the `bulk_operations/finish` webhook or by
 * this job again a minute later, whichever comes first (applying is idempotent).
 */
export const kpiSyncJob = defineJob({
  name: "insights.kpi-sync",
  payload: z.object({
    shop: shopDomain,
    mode: z.enum(["backfill", "repair"]),
    operationId: z.string().optional(),
  }),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ shop, mode, operationId }) {
    const gateway = await gatewayFor(shop);
    let id = operationId;
    if (!id) {
      const started = await startKpiSync(gateway, mode);
      if (started.status === "busy") throw new Error(`bulk operations busy: ${started.message}`);
      id = started.operationId;
    }
    const state = await awaitBulkOperation(gateway, id, { maxWaitMs: AWAIT_MS });
    if (state.status === "RUNNING" || state.status === "CREATED") {
      await enqueue(
        kpiSyncJob,
        { shop, mode, operationId: id },
        {
          singletonKey: `kpi-sync:${shop}:${id}`,
          startAfter: new Date(Date.now() + 60_000),
        },
      );
      return;
    }
    await finishKpiSync(gateway, id);
  },
});

/**
 * Applies a finished export, then queues what depends on it. Queued also when another run
 * applied it first: that run may have stopped before queueing (the follow-up is idempotent).
 */
async function finishKpiSync(gateway: ShopifyGateway, operationId: string) {
  const shop = gateway.shop;
  const sync = await getKpiSync(shop);
  const mode = (sync?.mode ?? "backfill") as "backfill" | "repair";
  const outcome = await applyKpiSyncResult(gateway, operationId);
  if (outcome.status !== "applied" && outcome.status !== "already-applied") return;
  await enqueue(
    afterKpiSyncJob,
    { shop, mode: outcome.status === "applied" ? outcome.mode : mode },
    { singletonKey: `after-sync:${shop}:${operationId}` },
  );
}

/**
 * After a sync: sessions, the shop's existing annotations (first backfill), then per-collection
 * net sales and the effects (collectionSalesJob).
 */
export const afterKpiSyncJob = defineJob({
  name: "insights.after-kpi-sync",
  payload: z.object({ shop: shopDomain, mode: z.enum(["backfill", "repair"]) }),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  async handler({ shop, mode }) {
    const gateway = await gatewayFor(shop);
    await refreshSessions(gateway, mode);
    if (mode === "backfill") {
      await importShopifyAnnotations(gateway);
      // Orders placed while the export ran are not in it: a repair right after picks them up.
      await enqueue(kpiSyncJob, { shop, mode: "repair" }, { singletonKey: `kpi-repair:${shop}` });
    }
    await enqueue(collectionSalesJob, { shop }, { singletonKey: `collection-sales:${shop}` });
  },
});

/**
 * Per-collection net sales (ADR 012), then the effects: re-reads the collections' membership with
 * a bulk query when the last read is older than a few hours (waiting for it a while, then handing
 * over to a later run), rebuilds KpiCollectionDay and estimates every action's effects.
 */
export const collectionSalesJob = defineJob({
  name: "insights.collection-sales",
  payload: z.object({
    shop: shopDomain,
    operationId: z.string().optional(),
    readAt: z.string().datetime().optional(),
  }),
  retry: { limit: 5, delaySeconds: 30, backoff: true },
  expireInSeconds: 30 * 60,
  async handler({ shop, operationId, readAt }) {
    const gateway = await gatewayFor(shop);
    let id = operationId;
    const at = readAt ? new Date(readAt) : new Date();
    if (!id && (await membershipIsStale(shop, at))) {
      const started = await startMembershipRead(gateway);
      // Busy (other bulk queries running): the stored membership serves until the next sync.
      if (started.status === "started") id = started.operationId;
    }
    if (id) {
      const state = await awaitBulkOperation(gateway, id, { maxWaitMs: AWAIT_MS });
      if (!isFinished(state.status)) {
        await enqueue(
          collectionSalesJob,
          { shop, operationId: id, readAt: at.toISOString() },
          {
            singletonKey: `collection-sales:${shop}:${id}`,
            startAfter: new Date(Date.now() + 60_000),
          },
        );
      } else await applyMembershipRead(gateway, id, at);
    }
    await rebuildCollectionDays(shop);
    await estimateShopEffects(shop);
  },
});

/** `bulk_operations/finish` for a KPI export: apply it now instead of at the next poll. */
export async function onBulkOperationFinished(shop: string, operationId: string) {
  const sync = await getKpiSync(shop);
  if (sync?.operationId !== operationId) return;
  await finishKpiSync(await gatewayFor(shop), operationId);
}

/** Hourly repair of every installed shop that has been backfilled (missed webhooks, refunds). */
export const kpiRepairScheduleJob = defineJob({
  name: "insights.kpi-repair-schedule",
  payload: z.object({}),
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  schedule: { cron: "17 * * * *", payload: {} },
  async handler() {
    const shops = await db().kpiSync.findMany({
      where: { backfilledAt: { not: null }, shopRecord: { uninstalledAt: null } },
      select: { shop: true },
    });
    for (const { shop } of shops) {
      await enqueue(kpiSyncJob, { shop, mode: "repair" }, { singletonKey: `kpi-repair:${shop}` });
    }
  },
});

/** Recomputes the impact estimates of the shop's actions from the stored daily KPIs. */
export const estimateEffectsJob = defineJob({
  name: "insights.estimate-effects",
  payload: z.object({ shop: shopDomain }),
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  async handler({ shop }) {
    await estimateShopEffects(shop);
  },
});

/** Writes pending actions to Shopify's analytics timeline (create / update / delete). */
export const annotationSyncJob = defineJob({
  name: "insights.annotation-sync",
  payload: z.object({ shop: shopDomain }),
  retry: { limit: 6, delaySeconds: 30, backoff: true },
  async handler({ shop }) {
    const result = await syncShopifyAnnotations(await gatewayFor(shop));
    if (result.retryLater) throw new Error(`annotation sync: ${result.retryLater}`);
  },
});

/** Every 5 minutes: shops with actions not yet on Shopify's timeline get a sync. */
export const annotationSweepJob = defineJob({
  name: "insights.annotation-sweep",
  payload: z.object({}),
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  schedule: { cron: "*/5 * * * *", payload: {} },
  async handler() {
    const pending = await db().action.findMany({
      where: {
        source: { in: ["MERCHDESK", "MANUAL"] },
        annotationError: null,
        OR: [{ annotationId: null }, { annotationDirty: true }],
        shopRecord: { uninstalledAt: null },
      },
      distinct: ["shop"],
      select: { shop: true },
    });
    const deletions = await db().annotationDeletion.findMany({
      where: { error: null },
      distinct: ["shop"],
      select: { shop: true },
    });
    const shops = new Set([...pending, ...deletions].map((row) => row.shop));
    for (const shop of shops) {
      await enqueue(annotationSyncJob, { shop }, { singletonKey: `annotations:${shop}` });
    }
  },
});

/** The insights capability's jobs (the worker runs every job listed in app/jobs/catalog.server.ts). */
export const insightsJobs: JobDefinition[] = [
  kpiSyncJob as JobDefinition,
  afterKpiSyncJob as JobDefinition,
  collectionSalesJob as JobDefinition,
  kpiRepairScheduleJob as JobDefinition,
  estimateEffectsJob as JobDefinition,
  annotationSyncJob as JobDefinition,
  annotationSweepJob as JobDefinition,
];
