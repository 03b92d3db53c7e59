import { describe, expect, it } from "vitest";
import { EmulatorClock } from "../clock";
import type { EmulatorContext } from "../graphql/context";
import { seedShop } from "../seed/index";
import { createShopState, nextGid } from "../store/shop";
import type { Order, ShopState } from "../store/types";
import { appNamespace, campaignMetaobjectType } from "../storefront/campaign";
import { visibleCollectionProductIds } from "../storefront/collections";
import { createShopperSimulation, startShopperSimulation } from "./shoppers";

const NOW = new Date("2026-11-02T10:00:00Z");
const HOUR = 3_600_000;

function setup() {
  const shop = createShopState({ domain: "fjallvik.myshopify.com" });
  seedShop(shop, "demo", { now: NOW });
  const clock = new EmulatorClock();
  clock.freeze(NOW);
  const emitted: { topic: string; payload: unknown }[] = [];
  const ctx: EmulatorContext = {
    shop,
    clock,
    baseUrl: "http://127.0.0.1:0",
    webhooks: { emit: (_shop, topic, payload) => void emitted.push({ topic, payload }) },
    nextGid,
    createJob: () => "gid://shopify/Job/1",
  };
  return { shop, clock, ctx, emitted };
}

/** Publishes the seeded Black Friday draft (it features collections and has the Merchdesk block). */
function publishDraftTheme(shop: ShopState): void {
  for (const theme of shop.themes.values())
    theme.role = theme.role === "MAIN" ? "UNPUBLISHED" : "MAIN";
}

function goLive(shop: ShopState): void {
  const at = NOW.toISOString();
  const campaign = {
    id: nextGid(shop, "Metaobject"),
    type: campaignMetaobjectType(shop),
    handle: "fjallveckan-2026",
    fields: { heading: "Fjällveckan" },
    status: "ACTIVE" as const,
    createdAt: at,
    updatedAt: at,
  };
  shop.metaobjects.set(campaign.id, campaign);
  const id = nextGid(shop, "Metafield");
  shop.metafields.set(id, {
    id,
    ownerId: shop.id,
    namespace: appNamespace(shop),
    key: "live_campaign",
    type: "metaobject_reference",
    value: campaign.id,
    createdAt: at,
    updatedAt: at,
  });
}

/** Ticks hour by hour for `hours` and returns every new order. */
function run(sim: ReturnType<typeof createShopperSimulation>, hours: number): Order[] {
  const out: Order[] = [];
  for (let h = 1; h <= hours; h++) out.push(...sim.tick(new Date(NOW.getTime() + h * HOUR)));
  return out;
}

describe("shopper simulation", () => {
  it("GIVEN a demo shop WHEN a few hours pass THEN new orders follow the history, sorted and numbered on", () => {
    const { shop, ctx } = setup();
    const before = shop.orders.length;
    const lastName = Number(shop.orders.at(-1)!.name.slice(1));
    const orders = run(createShopperSimulation(shop, ctx), 10);
    expect(orders.length).toBeGreaterThan(5);
    expect(shop.orders.length).toBe(before + orders.length);
    expect(shop.orders.at(-1)).toBe(orders.at(-1));
    expect(Number(orders[0].name.slice(1))).toBe(lastName + 1);
    const unsorted = shop.orders.filter(
      (o, i) => i > 0 && o.createdAt < shop.orders[i - 1].createdAt,
    );
    expect(unsorted).toEqual([]);
    for (const o of orders) {
      expect(Date.parse(o.createdAt)).toBeGreaterThanOrEqual(NOW.getTime());
      for (const line of o.lineItems)
        expect(shop.products.get(line.productId!)?.status).toBe("ACTIVE");
    }
  });

  it("GIVEN new orders WHEN simulated THEN each emits orders/create with a REST-shaped payload", () => {
    const { shop, ctx, emitted } = setup();
    const orders = run(createShopperSimulation(shop, ctx), 6);
    expect(emitted.map((e) => e.topic)).toEqual(orders.map(() => "orders/create"));
    const payload = emitted[0].payload as Record<string, unknown>;
    const order = orders[0];
    expect(payload).toMatchObject({
      id: Number(order.id.split("/").pop()),
      admin_graphql_api_id: order.id,
      name: order.name,
      currency: "SEK",
      total_price: order.total,
      subtotal_price: order.subtotal,
      total_discounts: order.totalDiscounts,
      test: false,
    });
    expect(payload.created_at).toMatch(/^2026-11-02T\d\d:\d\d:\d\d\+01:00$/);
    const lines = payload.line_items as Record<string, unknown>[];
    expect(lines[0]).toMatchObject({
      admin_graphql_api_id: order.lineItems[0].id,
      product_id: Number(order.lineItems[0].productId!.split("/").pop()),
      title: order.lineItems[0].title,
      quantity: order.lineItems[0].quantity,
      price: order.lineItems[0].price,
    });
  });

  it("GIVEN the same seed and ticks WHEN run on identical shops THEN the orders are identical", () => {
    const a = setup();
    const b = setup();
    const summary = (orders: Order[]) =>
      orders.map((o) => [o.id, o.createdAt, o.total, o.lineItems.map((l) => l.title)]);
    const ordersA = run(createShopperSimulation(a.shop, a.ctx, { seed: "s1" }), 12);
    const ordersB = run(createShopperSimulation(b.shop, b.ctx, { seed: "s1" }), 12);
    expect(summary(ordersA)).toEqual(summary(ordersB));
  });

  it("GIVEN a simulated day THEN the order count is near the shop's recent daily rate and evenings beat nights", () => {
    const { shop, ctx } = setup();
    const recent =
      shop.orders.filter((o) => !o.test && Date.parse(o.createdAt) > NOW.getTime() - 28 * 24 * HOUR)
        .length / 28;
    const sim = createShopperSimulation(shop, ctx, { speed: 5 });
    const orders = run(sim, 24 * 7);
    expect(orders.length / 7 / 5).toBeGreaterThan(recent * 0.6);
    expect(orders.length / 7 / 5).toBeLessThan(recent * 1.5);
    const localHour = (o: Order) => (new Date(o.createdAt).getUTCHours() + 1) % 24; // CET in November
    const evening = orders.filter((o) => localHour(o) >= 19 && localHour(o) <= 21).length;
    const night = orders.filter((o) => localHour(o) >= 2 && localHour(o) <= 4).length;
    expect(evening).toBeGreaterThan(night * 5);
  });

  it("GIVEN time passing WHEN simulated THEN sessions are added to today's traffic and a new day gets its own entry", () => {
    const { shop, ctx } = setup();
    const today = shop.traffic.at(-1)!;
    const sessionsBefore = today.sessions;
    const sim = createShopperSimulation(shop, ctx);
    sim.tick(new Date(NOW.getTime() + 4 * HOUR));
    expect(today.sessions).toBeGreaterThan(sessionsBefore + 100);
    sim.tick(new Date(NOW.getTime() + 20 * HOUR)); // past local midnight
    expect(shop.traffic.at(-1)!.date).toBe("2026-11-03");
    expect(shop.traffic.at(-1)!.sessions).toBeGreaterThan(0);
    const t = shop.traffic.at(-1)!;
    expect(t.sessions).toBeGreaterThanOrEqual(t.sessionsWithCartAdditions);
    expect(t.sessionsWithCartAdditions).toBeGreaterThanOrEqual(t.sessionsThatReachedCheckout);
  });

  it("GIVEN a Merchdesk campaign live on the home page THEN conversion rises by about the configured lift", () => {
    const withCampaign = setup();
    publishDraftTheme(withCampaign.shop);
    goLive(withCampaign.shop);
    const without = setup();
    publishDraftTheme(without.shop);
    const options = { seed: "lift", speed: 10, campaignConversionLift: 0.12 };
    const a = run(createShopperSimulation(withCampaign.shop, withCampaign.ctx, options), 24 * 7);
    const b = run(createShopperSimulation(without.shop, without.ctx, options), 24 * 7);
    const sessions = (s: ShopState) => s.traffic.slice(-8).reduce((sum, t) => sum + t.sessions, 0);
    expect(sessions(withCampaign.shop)).toBe(sessions(without.shop));
    expect(a.length / b.length).toBeGreaterThan(1.06);
    expect(a.length / b.length).toBeLessThan(1.18);
  });

  it("GIVEN the campaign metafield but no Merchdesk block on the live theme THEN shoppers do not react", () => {
    const withMetafield = setup();
    goLive(withMetafield.shop); // the live Horizon fixture has no app block
    const plain = setup();
    const a = run(
      createShopperSimulation(withMetafield.shop, withMetafield.ctx, { seed: "x" }),
      24,
    );
    const b = run(createShopperSimulation(plain.shop, plain.ctx, { seed: "x" }), 24);
    expect(a.length).toBe(b.length);
  });

  it("GIVEN a live home page featuring a collection THEN that collection's products sell more", () => {
    const featuring = setup();
    publishDraftTheme(featuring.shop); // features "jackor"
    const plain = setup(); // features "all" only
    const jackets = new Set(visibleCollectionProductIds(plain.shop, "jackor"));
    const share = (orders: Order[]) => {
      const lines = orders.flatMap((o) => o.lineItems);
      return lines.filter((l) => jackets.has(l.productId!)).length / lines.length;
    };
    const a = run(createShopperSimulation(featuring.shop, featuring.ctx, { speed: 5 }), 48);
    const b = run(createShopperSimulation(plain.shop, plain.ctx, { speed: 5 }), 48);
    expect(share(a)).toBeGreaterThan(share(b) * 1.5);
  });

  it("GIVEN a started simulation WHEN stopped THEN its timer places no more orders", async () => {
    const { shop, clock, ctx } = setup();
    const sim = startShopperSimulation(shop, ctx, { intervalMs: 5, speed: 20 });
    clock.advance(2 * HOUR);
    await new Promise((r) => setTimeout(r, 40));
    const afterRunning = shop.orders.length;
    sim.stop();
    clock.advance(24 * HOUR);
    await new Promise((r) => setTimeout(r, 40));
    expect(afterRunning).toBeGreaterThan(0);
    expect(shop.orders.length).toBe(afterRunning);
  });
});
