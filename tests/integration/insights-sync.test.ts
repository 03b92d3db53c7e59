import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { recordAction } from "../../app/features/insights/actions.server";
import { annotationSyncJob, kpiSyncJob } from "../../app/features/insights/jobs.server";
import {
  deleteManualActionAndAnnotation,
  updateManualAction,
} from "../../app/features/insights/manual.server";
import { enqueue } from "../../app/jobs/queue.server";
import { useBulkResultFetch } from "../../app/shopify/bulk.server";
import { action as webhookAction } from "../../app/routes/webhooks";
import { localDateString } from "../../emulator/seed/calendar";
import type { Emulator } from "../../emulator/server";
import { orderCreatedPayload } from "../../emulator/simulation/payload";
import type { Order, ShopState } from "../../emulator/store/types";
import { startInProcessEmulator } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { installShop } from "../support/sessions";
import { webhookRequest } from "../support/webhooks";

const SHOP = "insights-sync.myshopify.com";
let emulator: Emulator;
let state: ShopState;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  const shop = emulator.createShop({ domain: SHOP, seed: "demo" });
  state = shop;
  // The last 120 days keep the emulator's export quick; the backfill reads whatever history exists.
  const cutoff = new Date(Date.now() - 120 * 86_400_000).toISOString();
  state.orders = state.orders.filter((o) => o.createdAt >= cutoff);
  await installShop(SHOP, shop.app.accessToken);
  useBulkResultFetch((url, init) => emulator.handle(new Request(url, init)));
  await enqueue(kpiSyncJob, { shop: SHOP, mode: "backfill" });
  await runQueuedJobs();
}, 180_000);

afterAll(async () => {
  await emulator.close();
});

/** Counted orders per local day in the emulator (not test, not cancelled). */
function emulatorOrders(date: string): number {
  return emulatorOrderCounts().get(date) ?? 0;
}

function emulatorOrderCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of state.orders) {
    if (o.test || o.cancelledAt) continue;
    const date = localDateString(state.ianaTimezone, Date.parse(o.createdAt));
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  return counts;
}

async function storedDay(date: string) {
  return db().kpiDay.findUnique({ where: { shop_date: { shop: SHOP, date } } });
}

async function deliver(topic: string, payload: unknown, webhookId?: string) {
  const response = await webhookAction({
    request: webhookRequest("/webhooks", { shop: SHOP, topic, payload, webhookId }),
    params: {},
    context: {},
  });
  expect(response.status).toBe(200);
  await runQueuedJobs();
}

function copyOrder(order: Order, id: number, createdAt: string): Order {
  return {
    ...order,
    id: `gid://shopify/Order/${id}`,
    name: `#${id}`,
    createdAt,
    updatedAt: createdAt,
    processedAt: createdAt,
    cancelledAt: null,
    test: false,
    refunds: [],
    lineItems: order.lineItems.map((line, i) => ({
      ...line,
      id: `gid://shopify/LineItem/${id * 10 + i}`,
      currentQuantity: line.quantity,
    })),
  };
}

describe("KPI backfill through a bulk operation", () => {
  it("GIVEN the demo store WHEN backfilled THEN every day's order count equals the store's counted orders", async () => {
    const sync = await db().kpiSync.findUnique({ where: { shop: SHOP } });
    expect(sync?.status).toBe("idle");
    expect(sync?.backfilledAt).not.toBeNull();
    const days = await db().kpiDay.findMany({ where: { shop: SHOP }, orderBy: { date: "asc" } });
    expect(days.length).toBeGreaterThan(115);
    const counts = emulatorOrderCounts();
    const mismatches = days.filter((d) => d.orders !== (counts.get(d.date) ?? 0));
    expect(mismatches.map((d) => d.date)).toEqual([]);
  });

  it("GIVEN the backfill THEN net sales agree with Shopify analytics (ShopifyQL) to the cent", async () => {
    const date = localDateString(state.ianaTimezone, Date.now() - 20 * 86_400_000);
    const { runKpiQuery, resolveRange } = await import("../../emulator/analytics/kpis");
    const { parseShopifyql } = await import("../../emulator/analytics/shopifyql-parser");
    const parsed = parseShopifyql(
      `FROM sales SHOW net_sales TIMESERIES day SINCE ${date} UNTIL ${date}`,
    );
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const range = resolveRange(parsed.query, Date.now(), state.ianaTimezone);
    if (typeof range === "string") throw new Error(range);
    const table = runKpiQuery(state, parsed.query, range);
    const expected = Number((table.rows[0] as Record<string, string>).net_sales);
    const day = (await storedDay(date))!;
    const net = Number(day.grossSales + day.discounts + day.returns) / 1_000_000;
    expect(net).toBeCloseTo(expected, 2);
  });

  it("GIVEN read_reports THEN sessions are stored for the days and no reason is recorded", async () => {
    const sync = await db().kpiSync.findUnique({ where: { shop: SHOP } });
    expect(sync?.sessionsReason).toBeNull();
    const date = state.traffic.at(-10)!.date;
    expect((await storedDay(date))?.sessions).toBe(state.traffic.at(-10)!.sessions);
  });

  it("GIVEN Shopify annotations on the timeline THEN they are imported once as external actions", async () => {
    const imported = await db().action.findMany({
      where: { shop: SHOP, kind: "shopify.annotation" },
    });
    expect(imported.map((a) => a.title).sort()).toEqual(
      state.seededActions.map((a) => a.title.slice(0, 75)).sort(),
    );
    expect(imported.every((a) => a.source === "EXTERNAL")).toBe(true);
  });
});

describe("incremental KPIs from order webhooks", () => {
  const id = 990_000_001;
  const createdAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
  let order: Order;
  let date: string;
  let before: number;

  beforeAll(async () => {
    order = copyOrder(state.orders.at(-1)!, id, createdAt);
    date = localDateString(state.ianaTimezone, Date.parse(createdAt));
    before = (await storedDay(date))?.orders ?? 0;
  });

  it("GIVEN a new order WHEN orders/create arrives twice (two deliveries) THEN it counts once", async () => {
    const payload = orderCreatedPayload(state, order);
    await deliver("orders/create", payload);
    await deliver("orders/create", payload);
    expect((await storedDay(date))?.orders).toBe(before + 1);
  });

  it("GIVEN the order WHEN orders/updated says it was cancelled THEN it no longer counts", async () => {
    const later = new Date(Date.parse(createdAt) + 60_000).toISOString();
    const cancelled = { ...order, cancelledAt: later, updatedAt: later };
    await deliver("orders/updated", orderCreatedPayload(state, cancelled));
    expect((await storedDay(date))?.orders).toBe(before);
  });

  it("GIVEN an older version of the order arriving late THEN it is ignored", async () => {
    await deliver("orders/updated", orderCreatedPayload(state, order));
    expect((await storedDay(date))?.orders).toBe(before);
  });
});

describe("repair sync", () => {
  it("GIVEN an order whose webhook never came WHEN the repair runs THEN its day counts it", async () => {
    const createdAt = new Date(Date.now() - 3_600_000).toISOString();
    const missed = copyOrder(state.orders.at(-1)!, 990_000_002, createdAt);
    state.orders.push(missed);
    const date = localDateString(state.ianaTimezone, Date.parse(createdAt));
    const before = (await storedDay(date))?.orders ?? 0;
    await enqueue(kpiSyncJob, { shop: SHOP, mode: "repair" });
    await runQueuedJobs();
    expect((await storedDay(date))?.orders).toBe(before + 1);
    expect((await storedDay(date))?.orders).toBe(emulatorOrders(date));
  });
});

describe("Shopify analytics annotations", () => {
  const ownAnnotations = () =>
    [...state.annotations.values()].filter((a) => a.appId === state.app.id);

  it("GIVEN a manual action with a long title WHEN synced THEN Shopify has it within 75 characters and the action shows it synced", async () => {
    const action = await recordAction(SHOP, {
      source: "MANUAL",
      kind: "manual",
      title: "Nyhetsbrev till alla prenumeranter om höstens nya jackor och kängor i butiken",
      note: "Skickat kl 07.00",
      startedAt: new Date(Date.now() - 86_400_000),
    });
    await enqueue(annotationSyncJob, { shop: SHOP });
    await runQueuedJobs();
    const stored = (await db().action.findUnique({ where: { id: action.id } }))!;
    expect(stored.annotationId).not.toBeNull();
    expect(stored.annotationSyncedAt).not.toBeNull();
    const annotation = state.annotations.get(stored.annotationId!)!;
    expect([...annotation.title].length).toBeLessThanOrEqual(75);
    expect(annotation.description).toBe("Skickat kl 07.00");
  });

  it("GIVEN a synced manual action WHEN edited and then deleted THEN Shopify's annotation follows", async () => {
    const action = (await db().action.findFirst({
      where: { shop: SHOP, source: "MANUAL", annotationId: { not: null } },
    }))!;
    await updateManualAction(SHOP, action.id, { title: "Nyhetsbrev (rättad)" });
    await runQueuedJobs();
    expect(state.annotations.get(action.annotationId!)?.title).toBe("Nyhetsbrev (rättad)");
    await deleteManualActionAndAnnotation(SHOP, action.id);
    await runQueuedJobs();
    expect(state.annotations.has(action.annotationId!)).toBe(false);
    expect(await db().annotationDeletion.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("GIVEN the app's annotation quota is used up THEN the action records the limit instead of failing silently", async () => {
    for (let i = ownAnnotations().length; i < 500; i++) {
      const gid = `gid://shopify/AnalyticsAnnotation/${800_000 + i}`;
      state.annotations.set(gid, {
        id: gid,
        title: "x",
        description: null,
        type: "other",
        startedAt: new Date().toISOString(),
        endedAt: null,
        appId: state.app.id,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
    }
    const action = await recordAction(SHOP, {
      source: "MANUAL",
      kind: "manual",
      title: "TV-reklam",
      startedAt: new Date(),
    });
    await enqueue(annotationSyncJob, { shop: SHOP });
    await runQueuedJobs();
    const stored = (await db().action.findUnique({ where: { id: action.id } }))!;
    expect(stored.annotationId).toBeNull();
    expect(stored.annotationError).toMatch(/limit/i);
  });
});
