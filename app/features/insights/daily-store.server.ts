import type { Prisma } from "@prisma/client";
import { db } from "../../db.server";
import type { ContributionRow, KpiAggregates } from "./kpi-aggregates";
import type { StoredContribution } from "./kpi-webhook";

/**
 * The daily KPI tables (KpiDay, KpiProductDay) and per-order contributions
 * (KpiOrderContribution). Every write is an increment by a delta computed in memory by
 * KpiAggregates (subtract an order's old rows, add its new ones), so the backfill, repair syncs
 * and webhooks all write the same way and never count an order twice.
 */

type Tx = Prisma.TransactionClient;
const BATCH = 5_000;

/** Adds the sums held by `delta` to the stored days and product days. */
export async function addToDays(tx: Tx, shop: string, delta: KpiAggregates): Promise<number> {
  const days = delta.days();
  for (let i = 0; i < days.length; i += BATCH) {
    const batch = days.slice(i, i + BATCH);
    await tx.$executeRaw`
      INSERT INTO "KpiDay" ("shop", "date", "grossSales", "discounts", "returns", "orders",
                            "units", "returnedUnits", "updatedAt")
      SELECT ${shop}, d, g::bigint, di::bigint, r::bigint, o::int, u::int, ru::int, now()
      FROM unnest(${batch.map((d) => d.date)}::text[], ${batch.map((d) => d.grossSales.toString())}::text[],
                  ${batch.map((d) => d.discounts.toString())}::text[], ${batch.map((d) => d.returns.toString())}::text[],
                  ${batch.map((d) => String(d.orders))}::text[], ${batch.map((d) => String(d.units))}::text[],
                  ${batch.map((d) => String(d.returnedUnits))}::text[]) AS t(d, g, di, r, o, u, ru)
      ON CONFLICT ("shop", "date") DO UPDATE SET
        "grossSales" = "KpiDay"."grossSales" + EXCLUDED."grossSales",
        "discounts" = "KpiDay"."discounts" + EXCLUDED."discounts",
        "returns" = "KpiDay"."returns" + EXCLUDED."returns",
        "orders" = "KpiDay"."orders" + EXCLUDED."orders",
        "units" = "KpiDay"."units" + EXCLUDED."units",
        "returnedUnits" = "KpiDay"."returnedUnits" + EXCLUDED."returnedUnits",
        "updatedAt" = now()`;
  }
  let batch: { date: string; productId: string; netSales: string }[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await tx.$executeRaw`
      INSERT INTO "KpiProductDay" ("shop", "date", "productId", "netSales")
      SELECT ${shop}, d, p, n::bigint
      FROM unnest(${batch.map((r) => r.date)}::text[], ${batch.map((r) => r.productId)}::text[],
                  ${batch.map((r) => r.netSales)}::text[]) AS t(d, p, n)
      ON CONFLICT ("shop", "date", "productId") DO UPDATE SET
        "netSales" = "KpiProductDay"."netSales" + EXCLUDED."netSales"`;
    batch = [];
  };
  for (const row of delta.productDays()) {
    if (row.netSales === 0n) continue;
    batch.push({
      date: row.date,
      productId: row.productId ?? "",
      netSales: row.netSales.toString(),
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return days.length;
}

export interface OrderContribution extends StoredContribution {
  orderId: string;
  orderDate: string;
}

/** The local day an order was created: the date of its own row (or its earliest row). */
export function orderDateOf(rows: readonly ContributionRow[]): string {
  const own = rows.find((row) => row.lineItemId === null);
  if (own) return own.date;
  return rows.reduce((min, row) => (row.date < min ? row.date : min), rows[0]?.date ?? "");
}

export async function loadContributions(
  tx: Tx,
  shop: string,
  where: { orderIds?: string[]; dates?: { from: string; to: string } },
): Promise<Map<string, OrderContribution>> {
  const records = await tx.kpiOrderContribution.findMany({
    where: {
      shop,
      ...(where.orderIds ? { orderId: { in: where.orderIds } } : {}),
      ...(where.dates ? { orderDate: { gte: where.dates.from, lte: where.dates.to } } : {}),
    },
  });
  return new Map(
    records.map((r) => [
      r.orderId,
      {
        orderId: r.orderId,
        orderDate: r.orderDate,
        updatedAtMs: r.orderUpdatedAt?.getTime() ?? null,
        rows: r.rows as unknown as ContributionRow[],
      },
    ]),
  );
}

/** Stores (replacing) the contributions of these orders. */
export async function saveContributions(
  tx: Tx,
  shop: string,
  contributions: Iterable<OrderContribution>,
): Promise<void> {
  let batch: Prisma.KpiOrderContributionCreateManyInput[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await tx.kpiOrderContribution.deleteMany({
      where: { shop, orderId: { in: batch.map((b) => b.orderId) } },
    });
    await tx.kpiOrderContribution.createMany({ data: batch });
    batch = [];
  };
  for (const c of contributions) {
    batch.push({
      shop,
      orderId: c.orderId,
      orderDate: c.orderDate,
      orderUpdatedAt: c.updatedAtMs === null ? null : new Date(c.updatedAtMs),
      rows: c.rows as unknown as Prisma.InputJsonValue,
    });
    if (batch.length >= 2_000) await flush();
  }
  await flush();
}

/** Forgets every stored sale of the shop (before a full backfill); sessions are kept. */
export async function clearSales(tx: Tx, shop: string): Promise<void> {
  await tx.kpiDay.updateMany({
    where: { shop },
    data: { grossSales: 0, discounts: 0, returns: 0, orders: 0, units: 0, returnedUnits: 0 },
  });
  await tx.kpiProductDay.deleteMany({ where: { shop } });
  await tx.kpiOrderContribution.deleteMany({ where: { shop } });
}

/** Long writes (a backfill of years) need more than Prisma's default 5 s. */
export function inLongTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return db().$transaction(work, { timeout: 10 * 60_000, maxWait: 30_000 });
}
