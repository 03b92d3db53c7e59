import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { getChange } from "../../app/features/collections/changes.server";
import { confirmChange, planUndo } from "../../app/features/collections/flow.server";
import { planMembershipChange } from "../../app/features/collections/membership.server";
import { endAction, recordAction } from "../../app/features/insights/actions.server";
import { effectsHref } from "../../app/features/insights/effects-href";
import {
  annotationSyncJob,
  collectionSalesJob,
  kpiSyncJob,
} from "../../app/features/insights/jobs.server";
import { dayKey, ShopDayClock } from "../../app/features/insights/kpi-day";
import type { InsightsPageData } from "../../app/features/insights/page.server";
import { enqueue } from "../../app/jobs/queue.server";
import { loader as historyLoader } from "../../app/routes/app.collections.history";
import { loader as insightsLoader } from "../../app/routes/app.insights";
import { action as webhookAction } from "../../app/routes/webhooks";
import { offlineAdmin } from "../../app/shopify/app.server";
import { useBulkResultFetch } from "../../app/shopify/bulk.server";
import { ShopifyGateway } from "../../app/shopify/gateway.server";
import { collectionMembership } from "../../emulator/catalog/membership";
import type { Emulator } from "../../emulator/server";
import type { ShopState } from "../../emulator/store/types";
import { startInProcessEmulator } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { adminRequest, installShop } from "../support/sessions";
import { webhookRequest } from "../support/webhooks";

/**
 * Net sales per collection with membership by day, controls for collection actions, links to an
 * action's effects, and Merchdesk's own changes echoed by webhooks — through the emulator.
 */
const SHOP = "insights-collections.myshopify.com";
const DAY = 86_400_000;
let emulator: Emulator;
let state: ShopState;
let gateway: ShopifyGateway;
let clock: ShopDayClock;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  state = emulator.createShop({ domain: SHOP, seed: "demo" });
  // Enough history before a three-week-old action for the local model with controls (ADR 010).
  const cutoff = new Date(Date.now() - 180 * DAY).toISOString();
  state.orders = state.orders.filter((o) => o.createdAt >= cutoff);
  await installShop(SHOP, state.app.accessToken);
  useBulkResultFetch((url, init) => emulator.handle(new Request(url, init)));
  gateway = new ShopifyGateway(SHOP, await offlineAdmin(SHOP));
  clock = new ShopDayClock(state.ianaTimezone);
  await enqueue(kpiSyncJob, { shop: SHOP, mode: "backfill" });
  await runQueuedJobs();
}, 300_000);

afterAll(async () => {
  await emulator.close();
});

function collectionByHandle(handle: string) {
  const found = [...state.collections.values()].find((c) => c.handle === handle);
  if (!found) throw new Error(`no collection ${handle}`);
  return found;
}

function membersNow(handle: string): Set<string> {
  return collectionMembership(state, collectionByHandle(handle)).members;
}

/** Net sales (currency units) of these products per day, from the stored product days. */
async function productSales(productIds: Iterable<string>, from: string, to: string) {
  const rows = await db().kpiProductDay.findMany({
    where: { shop: SHOP, productId: { in: [...productIds] }, date: { gte: from, lte: to } },
  });
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.date, (out.get(r.date) ?? 0) + Number(r.netSales) / 1e6);
  return out;
}

async function storedCollectionSales(collectionId: string, from: string, to: string) {
  const rows = await db().kpiCollectionDay.findMany({
    where: { shop: SHOP, collectionId, date: { gte: from, lte: to } },
  });
  return new Map(rows.map((r) => [r.date, Number(r.netSales) / 1e6]));
}

async function rereadMembership() {
  await db().kpiSync.update({ where: { shop: SHOP }, data: { membershipSyncedAt: null } });
  await enqueue(collectionSalesJob, { shop: SHOP });
  await runQueuedJobs();
}

async function page(query: string): Promise<InsightsPageData> {
  const response = await insightsLoader({
    request: await adminRequest(SHOP, `/app/insights?${query}`),
    params: {},
    context: {},
  });
  return response as unknown as InsightsPageData;
}

async function deliver(topic: string, payload: unknown) {
  const response = await webhookAction({
    request: webhookRequest("/webhooks", { shop: SHOP, topic, payload }),
    params: {},
    context: {},
  });
  expect(response.status).toBe(200);
  await runQueuedJobs();
}

describe("net sales per collection", () => {
  const handle = "fjallveckan";
  let added: string[] = [];
  let before: Set<string>;

  beforeAll(async () => {
    before = new Set(membersNow(handle));
    const target = collectionByHandle(handle);
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: [target.id],
      products: { mode: "filter", filter: { tag: "ull", status: [] } },
    });
    expect((await confirmChange(SHOP, change.id, "staff:1")).status).toBe("queued");
    await runQueuedJobs();
    expect((await getChange(SHOP, change.id))?.status).toBe("SUCCEEDED");
    added = [...membersNow(handle)].filter((id) => !before.has(id));
    expect(added.length).toBeGreaterThan(0);
    // Shopify is read after the change: the past must be rolled back through it.
    await rereadMembership();
  }, 300_000);

  it("GIVEN the sync WHEN membership is read with a bulk query THEN every collection and its current products are stored", async () => {
    const stored = await db().kpiCollection.findMany({ where: { shop: SHOP } });
    expect(stored.length).toBe(state.collections.size);
    const target = collectionByHandle(handle);
    const members = await db().collectionMember.findMany({
      where: { shop: SHOP, collectionId: target.id },
    });
    expect(new Set(members.map((m) => m.productId))).toEqual(membersNow(handle));
  });

  it("GIVEN products added today WHEN past days are computed THEN they count only the products the collection had then", async () => {
    const today = clock.dayOf(Date.now());
    const from = dayKey(today - 60);
    const to = dayKey(today - 1);
    const target = collectionByHandle(handle);
    const stored = await storedCollectionSales(target.id, from, to);
    const expected = await productSales(before, from, to);
    expect(stored.size).toBeGreaterThan(30);
    for (const [date, value] of expected) expect(stored.get(date) ?? 0).toBeCloseTo(value, 2);
    expect([...stored.keys()].sort()).toEqual([...expected.keys()].sort());
    // The added products sold on those days, and none of it is counted for the collection.
    const addedSales = await productSales(added, from, to);
    expect([...addedSales.values()].some((v) => v !== 0)).toBe(true);
  });

  it("GIVEN the insights page WHEN the collection KPI is chosen THEN the chart, total and comparison use that collection's net sales", async () => {
    const target = collectionByHandle(handle);
    const numeric = target.id.split("/").pop()!;
    const data = await page(
      `kpi=collection_net_sales&collection=${numeric}&range=30&compare=previous`,
    );
    expect(data.collections?.selected?.id).toBe(numeric);
    expect(data.collections?.options.length).toBe(state.collections.size);
    const today = clock.dayOf(Date.now());
    const stored = await storedCollectionSales(target.id, dayKey(today - 59), dayKey(today));
    expect(data.points).toHaveLength(30);
    for (const point of data.points)
      expect(point.value).toBeCloseTo(stored.get(point.date) ?? 0, 2);
    const sum = (from: number, to: number) => {
      let s = 0;
      for (let d = from; d <= to; d++) s += stored.get(dayKey(d)) ?? 0;
      return s;
    };
    expect(data.total).toBeCloseTo(sum(today - 29, today), 2);
    expect(data.compareTotal).toBeCloseTo(sum(today - 59, today - 30), 2);
    expect(data.points[0].compare).toBeCloseTo(stored.get(dayKey(today - 59)) ?? 0, 2);
  });

  it("GIVEN the change undone the same day WHEN membership is read again THEN past days still count only the products the collection had before", async () => {
    const target = collectionByHandle(handle);
    const change = await db().collectionChange.findFirst({
      where: { shop: SHOP, kind: "membership", status: "SUCCEEDED" },
      orderBy: { createdAt: "desc" },
    });
    const undo = await planUndo(gateway, SHOP, change!.id, "staff:1");
    expect(undo.status).toBe("planned");
    if (undo.status !== "planned") return;
    await confirmChange(SHOP, undo.change.id, "staff:1");
    await runQueuedJobs();
    expect(membersNow(handle)).toEqual(before);
    await rereadMembership();
    const today = clock.dayOf(Date.now());
    const from = dayKey(today - 30);
    const to = dayKey(today - 1);
    const stored = await storedCollectionSales(target.id, from, to);
    const expected = await productSales(before, from, to);
    for (const [date, value] of expected) expect(stored.get(date) ?? 0).toBeCloseTo(value, 2);
  });
});

describe("controls and links to effects for a collection action", () => {
  let actionId: string;
  const touchedHandle = "fjallveckan";

  beforeAll(async () => {
    // A change applied three weeks ago (recorded as the collections capability records it).
    const target = collectionByHandle(touchedHandle);
    const startedAt = new Date(Date.now() - 21 * DAY);
    const action = await recordAction(SHOP, {
      source: "MERCHDESK",
      kind: "collections.membership",
      title: "Collections: 3 products added in 1 collection",
      startedAt,
      endedAt: new Date(startedAt.getTime() + 60_000),
      actor: "staff:1",
      externalKey: "test:past-collection-change",
      touched: { collections: [target.id], products: [] },
    });
    actionId = action.id;
    await enqueue(collectionSalesJob, { shop: SHOP });
    await runQueuedJobs();
  }, 300_000);

  it("GIVEN an action that touched one collection WHEN effects are estimated THEN its collections' net sales are estimated against untouched collections", async () => {
    const effect = await db().actionEffect.findUnique({
      where: { actionId_kpi: { actionId, kpi: "collection_net_sales" } },
    });
    expect(effect).not.toBeNull();
    expect(effect!.verdict, effect!.explanation).not.toBe("cannot-tell");
    expect(effect!.controls.length).toBeGreaterThan(0);
    const touched = collectionByHandle(touchedHandle);
    const touchedProducts = membersNow(touchedHandle);
    for (const control of effect!.controls) {
      expect(control).not.toBe(touched.id);
      const members = await db().collectionMember.findMany({
        where: { shop: SHOP, collectionId: control },
      });
      expect(members.some((m) => touchedProducts.has(m.productId))).toBe(false);
    }
    const shopWide = await db().actionEffect.findUnique({
      where: { actionId_kpi: { actionId, kpi: "net_sales" } },
    });
    expect(shopWide?.controls).toEqual([]);
  });

  it("GIVEN the link to its effects WHEN the insights page opens THEN the action is focused, in range, with its effects per KPI", async () => {
    const href = effectsHref(actionId);
    const data = await page(href.split("?")[1]);
    expect(data.focus).toEqual({ id: actionId, found: true });
    expect(data.params.range).toBe("30");
    const row = data.actions.find((a) => a.id === actionId);
    expect(row).toBeDefined();
    expect(row!.effects.map((e) => e.kpi)).toContain("collection_net_sales");
    expect(row!.effects.find((e) => e.kpi === "collection_net_sales")!.controls).toBeGreaterThan(0);
  });

  it("GIVEN the collections history WHEN an applied change was recorded THEN it links to that action's effects", async () => {
    const data = (await historyLoader({
      request: await adminRequest(SHOP, "/app/collections/history"),
      params: {},
      context: {},
    })) as unknown as { changes: { id: string }[]; effects: Record<string, string> };
    const applied = await db().collectionChange.findMany({
      where: { shop: SHOP, actionId: { not: null } },
    });
    expect(applied.length).toBeGreaterThan(0);
    for (const change of applied) {
      expect(data.effects[`collections.change:${change.id}`]).toBe(effectsHref(change.actionId!));
    }
    const planned = data.changes.filter((c) => !applied.some((a) => a.id === c.id));
    for (const change of planned)
      expect(data.effects[`collections.change:${change.id}`]).toBeUndefined();
  });

  it("GIVEN a link to an action of another shop WHEN opened THEN nothing of it is shown", async () => {
    const other = "insights-collections-other.myshopify.com";
    await installShop(other);
    const foreign = await recordAction(other, {
      source: "MANUAL",
      kind: "manual",
      title: "Someone else's note",
      startedAt: new Date(),
    });
    const data = await page(`action=${foreign.id}`);
    expect(data.focus).toEqual({ id: foreign.id, found: false });
    expect(data.actions.some((a) => a.id === foreign.id)).toBe(false);
  });
});

describe("Merchdesk's own changes echoed by webhooks", () => {
  const payloadFor = (gid: string, title: string) => ({
    id: Number(gid.split("/").pop()),
    admin_graphql_api_id: gid,
    title,
  });

  it("GIVEN a collections/update processed before Merchdesk records its change WHEN the change is recorded THEN the echo is no longer an external action", async () => {
    // Collections no earlier test touched (their changes would rightly make these echoes).
    const [echoed, other] = [...state.collections.values()].filter(
      (c) => c.handle !== "fjallveckan",
    );
    const startedAt = new Date(Date.now() - 5 * 60_000);
    await deliver("collections/update", payloadFor(echoed.id, echoed.title));
    await deliver("collections/update", payloadFor(other.id, other.title));
    const externalFor = (id: string) =>
      db().action.findMany({
        where: {
          shop: SHOP,
          source: "EXTERNAL",
          kind: "external.collection_updated",
          resources: { some: { resourceId: id } },
        },
      });
    expect(await externalFor(echoed.id)).toHaveLength(1);

    await recordAction(SHOP, {
      source: "MERCHDESK",
      kind: "collections.membership",
      title: "Collections: 2 products added in 1 collection",
      startedAt,
      endedAt: new Date(),
      externalKey: "test:echo-race",
      touched: { collections: [echoed.id] },
    });
    expect(await externalFor(echoed.id)).toHaveLength(0);
    // A change outside Merchdesk to another collection stays on the timeline.
    expect(await externalFor(other.id)).toHaveLength(1);

    // A late echo after the change was recorded is recognised at once.
    await deliver("collections/update", payloadFor(echoed.id, echoed.title));
    expect(await externalFor(echoed.id)).toHaveLength(0);
  });
});

describe("open-ended annotations", () => {
  it("GIVEN a campaign that went live WHEN synced THEN Shopify's annotation is open-ended, and ending the campaign gives it its end", async () => {
    const startedAt = new Date(Date.now() - 2 * 3_600_000);
    const live = await recordAction(SHOP, {
      source: "MERCHDESK",
      kind: "homepage.switch_on",
      title: 'Home page campaign "Höstrea" went live',
      startedAt,
      actor: "scheduler",
      externalKey: "test:campaign-live",
      touched: { campaigns: ["campaign-1"] },
    });
    await enqueue(annotationSyncJob, { shop: SHOP });
    await runQueuedJobs();
    const id = (await db().action.findUnique({ where: { id: live.id } }))!.annotationId!;
    expect(state.annotations.get(id)?.endedAt).toBeNull();
    expect(state.annotations.get(id)?.type).toBe("store_redesign");

    const endedAt = new Date(Date.now() - 3_600_000);
    expect(await endAction(SHOP, live.id, endedAt)).toBe(true);
    await enqueue(annotationSyncJob, { shop: SHOP });
    await runQueuedJobs();
    expect(state.annotations.get(id)?.endedAt).toBe(endedAt.toISOString());
  });
});
