import { db } from "../../db.server";
import {
  bulkOperationState,
  isFinished,
  openBulkResult,
  startBulkQuery,
} from "../../shopify/bulk.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { ordersForKpisBulkQuery } from "../../shopify/operations/orders-bulk";
import { syncShopProfile } from "../shop/profile.server";
import {
  addToDays,
  clearSales,
  inLongTransaction,
  loadContributions,
  orderDateOf,
  saveContributions,
  type OrderContribution,
} from "./daily-store.server";
import { KpiAggregates } from "./kpi-aggregates";
import { dayKey, ShopDayClock } from "./kpi-day";
import { ingestOrdersJsonl, type KpiIngestReport } from "./kpi-ingest";
import { applyOrderWebhook, type StoredContribution, type WebhookOutcome } from "./kpi-webhook";
import { syncSessions } from "./sessions.server";

/**
 * Keeping the daily KPIs current (ADR 011):
 * - backfill: one bulk query of every order → streaming ingest → the shop's sales replaced;
 * - repair: the same for orders created in the last REPAIR_DAYS local days, replacing exactly
 *   those orders' contributions (catches missed or late webhooks, refunds, cancellations);
 * - webhooks: orders/create and orders/updated replace one order's contribution.
 * KpiSync shows where it stands (status, the bulk operation awaited, errors, report).
 */

export const REPAIR_DAYS = 3;

export type SyncMode = "backfill" | "repair";

export interface ShopSettings {
  timeZone: string;
  currencyCode: string | null;
}

export async function shopSettings(gateway: ShopifyGateway): Promise<ShopSettings> {
  let shop = await db().shop.findUnique({ where: { domain: gateway.shop } });
  if (!shop?.ianaTimezone) {
    await syncShopProfile(gateway);
    shop = await db().shop.findUnique({ where: { domain: gateway.shop } });
  }
  return { timeZone: shop?.ianaTimezone ?? "UTC", currencyCode: shop?.currencyCode ?? null };
}

export function getKpiSync(shop: string) {
  return db().kpiSync.findUnique({ where: { shop } });
}

/** The created_at range a repair reads: from the start of the local day REPAIR_DAYS ago. */
export function repairRange(timeZone: string, now: Date) {
  const clock = new ShopDayClock(timeZone);
  const today = clock.dayOf(now.getTime());
  return {
    from: new Date(clock.bounds(today - REPAIR_DAYS).startMs),
    before: new Date(clock.bounds(today + 1).startMs),
  };
}

export type StartOutcome =
  { status: "started"; operationId: string } | { status: "busy"; message: string };

/** Starts the bulk query of a backfill or repair and records it on KpiSync. */
export async function startKpiSync(
  gateway: ShopifyGateway,
  mode: SyncMode,
  now = new Date(),
): Promise<StartOutcome> {
  const shop = gateway.shop;
  const settings = await shopSettings(gateway);
  const range = mode === "repair" ? repairRange(settings.timeZone, now) : null;
  const started = await startBulkQuery(gateway, ordersForKpisBulkQuery(range ?? undefined));
  if (!started.ok) {
    if (started.code === "INVALID") {
      await markFailed(shop, `Shopify refused the orders query: ${started.message}`);
      throw new Error(started.message);
    }
    return { status: "busy", message: started.message };
  }
  const data = {
    status: "running",
    mode,
    operationId: started.operationId,
    rangeFrom: range?.from ?? null,
    rangeBefore: range?.before ?? null,
    startedAt: now,
    error: null,
  };
  await db().kpiSync.upsert({ where: { shop }, create: { shop, ...data }, update: data });
  return { status: "started", operationId: started.operationId };
}

async function markFailed(shop: string, error: string) {
  await db().kpiSync.upsert({
    where: { shop },
    create: { shop, status: "failed", error },
    update: { status: "failed", error, operationId: null },
  });
}

export type ApplyOutcome =
  | { status: "pending" }
  | { status: "already-applied" }
  | { status: "not-ours" }
  | { status: "failed"; error: string }
  | { status: "applied"; mode: SyncMode; orders: number; days: number; report: KpiIngestReport };

/**
 * Reads a finished bulk operation's result into the daily KPIs. Idempotent: the operation id is
 * remembered, and a retry after a crash redoes the whole transaction.
 */
export async function applyKpiSyncResult(
  gateway: ShopifyGateway,
  operationId: string,
): Promise<ApplyOutcome> {
  const shop = gateway.shop;
  const sync = await getKpiSync(shop);
  if (sync?.appliedOperation === operationId) return { status: "already-applied" };
  if (sync?.operationId !== operationId) return { status: "not-ours" };
  const state = await bulkOperationState(gateway, operationId);
  if (!state) {
    await markFailed(shop, `bulk operation ${operationId} is gone`);
    return { status: "failed", error: "bulk operation is gone" };
  }
  if (!isFinished(state.status)) return { status: "pending" };
  if (state.status !== "COMPLETED") {
    const error = `Shopify's bulk export ended ${state.status}${state.errorCode ? ` (${state.errorCode})` : ""}`;
    await markFailed(shop, error);
    return { status: "failed", error };
  }
  const mode = (sync.mode ?? "backfill") as SyncMode;
  const settings = await shopSettings(gateway);
  const contributions = new Map<string, StoredContribution>();
  const result = await ingestOrdersJsonl(await openBulkResult(state.url), {
    timeZone: settings.timeZone,
    currencyCode: settings.currencyCode ?? undefined,
    onRow(row, updatedAtMs) {
      const existing = contributions.get(row.orderId);
      if (existing) existing.rows.push(row);
      else contributions.set(row.orderId, { updatedAtMs, rows: [row] });
    },
  });
  const fresh: OrderContribution[] = [...contributions].map(([orderId, c]) => ({
    orderId,
    orderDate: orderDateOf(c.rows),
    ...c,
  }));
  const days = await inLongTransaction(async (tx) => {
    await lockShopKpis(tx, shop);
    // The finish webhook and the polling job may both get here: only the first applies.
    const current = await tx.kpiSync.findUnique({
      where: { shop },
      select: { appliedOperation: true },
    });
    if (current?.appliedOperation === operationId) return null;
    await tx.kpiSync.update({ where: { shop }, data: { appliedOperation: operationId } });
    if (mode === "backfill") {
      await clearSales(tx, shop);
      await saveContributions(tx, shop, fresh);
      return addToDays(tx, shop, result.aggregates);
    }
    // Repair: replace the contributions of every order created in the range.
    const clock = new ShopDayClock(settings.timeZone);
    const from = dayKey(clock.dayOf(sync.rangeFrom!.getTime()));
    const to = dayKey(clock.dayOf(sync.rangeBefore!.getTime() - 1));
    const old = await loadContributions(tx, shop, { dates: { from, to } });
    const extra = await loadContributions(tx, shop, {
      orderIds: fresh.map((c) => c.orderId).filter((id) => !old.has(id)),
    });
    for (const [id, c] of extra) old.set(id, c);
    const delta = new KpiAggregates();
    const replaced: OrderContribution[] = [];
    for (const c of fresh) {
      const previous = old.get(c.orderId);
      // A webhook newer than the export already stored a later version: keep it.
      if (
        previous?.updatedAtMs != null &&
        c.updatedAtMs != null &&
        previous.updatedAtMs > c.updatedAtMs
      ) {
        old.delete(c.orderId);
        continue;
      }
      replaced.push(c);
    }
    for (const c of old.values()) delta.applyRows(c.rows, -1);
    for (const c of replaced) delta.applyRows(c.rows, 1);
    await tx.kpiOrderContribution.deleteMany({ where: { shop, orderId: { in: [...old.keys()] } } });
    await saveContributions(tx, shop, replaced);
    return addToDays(tx, shop, delta);
  });
  if (days === null) return { status: "already-applied" };
  const firstDay = result.days[0]?.date ?? null;
  const now = new Date();
  await db().kpiSync.update({
    where: { shop },
    data: {
      status: "idle",
      operationId: null,
      report: JSON.parse(JSON.stringify(result.report)),
      ...(mode === "backfill"
        ? { backfilledAt: now, firstDate: firstDay, ordersCounted: result.report.countedOrders }
        : { repairedAt: now, ...(sync.firstDate ? {} : { firstDate: firstDay }) }),
    },
  });
  return {
    status: "applied",
    mode,
    orders: result.report.countedOrders,
    days,
    report: result.report,
  };
}

/** Sessions for every day the shop has KPIs (after a backfill) or the repair range. */
export async function refreshSessions(gateway: ShopifyGateway, mode: SyncMode, now = new Date()) {
  const settings = await shopSettings(gateway);
  const clock = new ShopDayClock(settings.timeZone);
  const today = dayKey(clock.dayOf(now.getTime()));
  const sync = await getKpiSync(gateway.shop);
  const from =
    mode === "repair"
      ? dayKey(clock.dayOf(repairRange(settings.timeZone, now).from.getTime()))
      : (sync?.firstDate ?? today);
  return syncSessions(gateway, from, today);
}

/** `orders/create` / `orders/updated`: replaces one order's contribution in the stored KPIs. */
export async function applyOrderPayload(
  shop: string,
  settings: ShopSettings,
  payload: unknown,
): Promise<WebhookOutcome> {
  const orderId = orderGidOf(payload);
  const outcome = await inLongTransaction(async (tx) => {
    // Serialises concurrent deliveries of the same order.
    if (orderId)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${shop}|${orderId}`}))`;
    const store = orderId
      ? await loadContributions(tx, shop, { orderIds: [orderId] })
      : new Map<string, OrderContribution>();
    const aggregates = new KpiAggregates();
    const written = new Map<string, StoredContribution>();
    const result = applyOrderWebhook(
      {
        aggregates,
        clock: new ShopDayClock(settings.timeZone),
        shopCurrency: settings.currencyCode,
        contributions: {
          get: (id) => store.get(id),
          set: (id, c) => void written.set(id, c),
        },
      },
      payload,
    );
    if (result.status !== "applied") return result;
    await addToDays(tx, shop, aggregates);
    const next = written.get(result.orderId)!;
    if (next.rows.length === 0) {
      await tx.kpiOrderContribution.deleteMany({ where: { shop, orderId: result.orderId } });
      // Keep the version so an older redelivery cannot bring the order back.
      await saveContributions(tx, shop, [
        { orderId: result.orderId, orderDate: store.get(result.orderId)?.orderDate ?? "", ...next },
      ]);
    } else {
      await saveContributions(tx, shop, [
        { orderId: result.orderId, orderDate: orderDateOf(next.rows), ...next },
      ]);
    }
    return result;
  });
  if (outcome.status === "applied") {
    await db().kpiSync.upsert({
      where: { shop },
      create: { shop, lastWebhookAt: new Date() },
      update: { lastWebhookAt: new Date() },
    });
  }
  return outcome;
}

/**
 * One writer at a time per shop: a repair and a webhook touching the same order would each
 * subtract its old rows otherwise.
 */
async function lockShopKpis(
  tx: Parameters<Parameters<typeof inLongTransaction>[0]>[0],
  shop: string,
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`kpis|${shop}`}))`;
}

function orderGidOf(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as { admin_graphql_api_id?: unknown; id?: unknown };
  if (typeof p.admin_graphql_api_id === "string") return p.admin_graphql_api_id;
  if (typeof p.id === "number" || typeof p.id === "string") return `gid://shopify/Order/${p.id}`;
  return null;
}
