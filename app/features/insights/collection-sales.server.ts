import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { db } from "../../db.server";
import {
  bulkOperationState,
  isFinished,
  openBulkResult,
  startBulkQuery,
} from "../../shopify/bulk.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_MEMBERS_BULK_QUERY } from "../../shopify/operations/collection-members-bulk";
import {
  membershipIntervals,
  type MemberInterval,
  type MembershipEvent,
} from "./collection-membership";
import { dayKey, ShopDayClock } from "./kpi-day";

/**
 * Net sales per collection and day (ADR 012): the collections' current products read with a bulk
 * query (CollectionMember), rolled back through Merchdesk's own applied membership changes to the
 * membership of each past day, joined with the per-product daily net sales (KpiProductDay) into
 * KpiCollectionDay. Rebuilt after each KPI sync; membership is re-read every few hours.
 */

/** Membership read longer ago than this is read again at the next sync. */
export const MEMBERSHIP_MAX_AGE_MS = 6 * 3_600_000;
const BATCH = 5_000;
const FAR_PAST = "0000-01-01";
const FAR_FUTURE = "9999-12-31";

export function collectionGid(numericId: string): string {
  return `gid://shopify/Collection/${numericId}`;
}

export function numericId(gid: string): string {
  return gid.slice(gid.lastIndexOf("/") + 1);
}

export async function membershipIsStale(shop: string, now = new Date()): Promise<boolean> {
  const sync = await db().kpiSync.findUnique({ where: { shop } });
  return (
    !sync?.membershipSyncedAt ||
    now.getTime() - sync.membershipSyncedAt.getTime() > MEMBERSHIP_MAX_AGE_MS
  );
}

export type MembershipStart = { status: "started"; operationId: string } | { status: "busy" };

/** Starts the bulk query of every collection's products (the KPI sync row must exist). */
export async function startMembershipRead(gateway: ShopifyGateway): Promise<MembershipStart> {
  const started = await startBulkQuery(gateway, COLLECTION_MEMBERS_BULK_QUERY);
  if (!started.ok) {
    if (started.code === "INVALID")
      throw new Error(`collections query refused: ${started.message}`);
    return { status: "busy" };
  }
  await db().kpiSync.update({
    where: { shop: gateway.shop },
    data: { membershipOperationId: started.operationId },
  });
  return { status: "started", operationId: started.operationId };
}

export type MembershipApply = "pending" | "applied" | "not-ours" | "failed";

/**
 * Stores the finished read as the shop's current membership, as of `readAt` (when the query was
 * started: changes written after it are rolled forward, not back).
 */
export async function applyMembershipRead(
  gateway: ShopifyGateway,
  operationId: string,
  readAt: Date,
): Promise<MembershipApply> {
  const shop = gateway.shop;
  const sync = await db().kpiSync.findUnique({ where: { shop } });
  if (sync?.membershipOperationId !== operationId) return "not-ours";
  const state = await bulkOperationState(gateway, operationId);
  if (!state) return "failed";
  if (!isFinished(state.status)) return "pending";
  if (state.status !== "COMPLETED") {
    await db().kpiSync.update({ where: { shop }, data: { membershipOperationId: null } });
    return "failed";
  }
  const titles = new Map<string, string>();
  const members: [string, string][] = [];
  const lines = createInterface({ input: Readable.from(await openBulkResult(state.url)) });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id?: unknown; title?: unknown; __parentId?: unknown };
    if (typeof row.id !== "string") continue;
    if (typeof row.__parentId === "string") members.push([row.__parentId, row.id]);
    else titles.set(row.id, typeof row.title === "string" ? row.title : row.id);
  }
  const counts = new Map<string, number>();
  for (const [collectionId] of members)
    counts.set(collectionId, (counts.get(collectionId) ?? 0) + 1);
  await db().$transaction(
    async (tx) => {
      await tx.collectionMember.deleteMany({ where: { shop } });
      for (let i = 0; i < members.length; i += BATCH) {
        await tx.collectionMember.createMany({
          data: members
            .slice(i, i + BATCH)
            .map(([collectionId, productId]) => ({ shop, collectionId, productId })),
          skipDuplicates: true,
        });
      }
      await tx.kpiCollection.deleteMany({ where: { shop } });
      await tx.kpiCollection.createMany({
        data: [...titles].map(([collectionId, title]) => ({
          shop,
          collectionId,
          title,
          productCount: counts.get(collectionId) ?? 0,
          refreshedAt: readAt,
        })),
      });
      await tx.kpiSync.update({
        where: { shop },
        data: { membershipSyncedAt: readAt, membershipOperationId: null },
      });
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
  return "applied";
}

/** Merchdesk's applied membership changes: done items, minus the products that failed. */
export async function membershipEvents(shop: string): Promise<MembershipEvent[]> {
  const items = await db().collectionChangeItem.findMany({
    where: {
      shop,
      status: "DONE",
      op: { in: ["add", "remove", "create"] },
      collectionId: { not: null },
    },
    select: { op: true, collectionId: true, productIds: true, failures: true, updatedAt: true },
  });
  const events: MembershipEvent[] = [];
  for (const item of items) {
    const at = item.updatedAt.getTime();
    const collectionId = item.collectionId!;
    if (item.op === "create") {
      events.push({ collectionId, productId: null, op: "create", at });
      continue;
    }
    const failed = new Set(
      (Array.isArray(item.failures) ? (item.failures as { id?: unknown }[]) : []).map((f) => f.id),
    );
    for (const productId of item.productIds) {
      if (!failed.has(productId)) {
        events.push({ collectionId, productId, op: item.op as "add" | "remove", at });
      }
    }
  }
  return events;
}

/** Every collection's membership intervals (local days), or null before the first read. */
export async function loadMembershipIntervals(
  shop: string,
  clock: ShopDayClock,
): Promise<MemberInterval[] | null> {
  const sync = await db().kpiSync.findUnique({ where: { shop } });
  if (!sync?.membershipSyncedAt) return null;
  const members = await db().collectionMember.findMany({
    where: { shop },
    select: { collectionId: true, productId: true },
  });
  return membershipIntervals({
    members: members.map((m) => [m.collectionId, m.productId] as const),
    snapshotAt: sync.membershipSyncedAt.getTime(),
    events: await membershipEvents(shop),
    dayOf: (ms) => clock.dayOf(ms),
  });
}

function intervalArrays(intervals: readonly MemberInterval[]) {
  return {
    collections: intervals.map((i) => i.collectionId),
    products: intervals.map((i) => i.productId),
    froms: intervals.map((i) => (i.from === null ? FAR_PAST : dayKey(i.from))),
    tos: intervals.map((i) => (i.to === null ? FAR_FUTURE : dayKey(i.to))),
  };
}

/** Replaces the shop's KpiCollectionDay rows from KpiProductDay and the membership intervals. */
export async function rebuildCollectionDays(shop: string): Promise<number> {
  const record = await db().shop.findUnique({ where: { domain: shop } });
  const clock = new ShopDayClock(record?.ianaTimezone ?? "UTC");
  const intervals = await loadMembershipIntervals(shop, clock);
  if (!intervals) return 0;
  const a = intervalArrays(intervals);
  return db().$transaction(
    async (tx) => {
      await tx.kpiCollectionDay.deleteMany({ where: { shop } });
      if (!intervals.length) return 0;
      return tx.$executeRaw`
        INSERT INTO "KpiCollectionDay" ("shop", "collectionId", "date", "netSales")
        SELECT ${shop}, m.c, d."date", SUM(d."netSales")
        FROM unnest(${a.collections}::text[], ${a.products}::text[], ${a.froms}::text[],
                    ${a.tos}::text[]) AS m(c, p, f, t)
        JOIN "KpiProductDay" d
          ON d."shop" = ${shop} AND d."productId" = m.p AND d."date" >= m.f AND d."date" <= m.t
        GROUP BY m.c, d."date"`;
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

/**
 * Daily net sales (currency units) of the products in any of `collectionIds` on each day, each
 * product counted once a day: the KPI of an action that touched those collections.
 */
export async function touchedCollectionsSales(
  shop: string,
  intervals: readonly MemberInterval[],
  collectionIds: ReadonlySet<string>,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const relevant = intervals.filter((i) => collectionIds.has(i.collectionId));
  if (!relevant.length) return new Map();
  const a = intervalArrays(relevant);
  const rows = await db().$queryRaw<{ date: string; net: string }[]>`
    SELECT d."date", SUM(d."netSales")::text AS net
    FROM "KpiProductDay" d
    WHERE d."shop" = ${shop} AND d."date" >= ${from} AND d."date" <= ${to}
      AND EXISTS (
        SELECT 1 FROM unnest(${a.products}::text[], ${a.froms}::text[], ${a.tos}::text[]) AS m(p, f, t)
        WHERE m.p = d."productId" AND d."date" >= m.f AND d."date" <= m.t)
    GROUP BY d."date"`;
  return new Map(rows.map((r) => [r.date, Number(r.net) / 1_000_000]));
}

/** Stored daily net sales of one collection (currency units) between two local days. */
export async function collectionDays(
  shop: string,
  collectionId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db().kpiCollectionDay.findMany({
    where: { shop, collectionId, date: { gte: from, lte: to } },
    select: { date: true, netSales: true },
  });
  return new Map(rows.map((r) => [r.date, Number(r.netSales) / 1_000_000]));
}

/**
 * The `count` collections with the most net sales over [from, to], leaving out `excluded`: the
 * candidates for controls of an action that touched other collections.
 */
export async function largestCollections(
  shop: string,
  excluded: ReadonlySet<string>,
  from: string,
  to: string,
  count: number,
): Promise<string[]> {
  const rows = await db().kpiCollectionDay.groupBy({
    by: ["collectionId"],
    where: {
      shop,
      date: { gte: from, lte: to },
      ...(excluded.size ? { collectionId: { notIn: [...excluded] } } : {}),
    },
    _sum: { netSales: true },
    orderBy: { _sum: { netSales: "desc" } },
    take: count,
  });
  return rows.filter((r) => (r._sum.netSales ?? 0n) > 0n).map((r) => r.collectionId);
}

/** The collections the page's picker lists (by title). */
export function listKpiCollections(shop: string) {
  return db().kpiCollection.findMany({
    where: { shop },
    orderBy: [{ title: "asc" }, { collectionId: "asc" }],
    select: { collectionId: true, title: true, productCount: true },
  });
}
