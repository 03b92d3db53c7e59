/**
 * Insights page loader benchmark: a shop with three years of daily KPIs, 40 collections with
 * three years of daily net sales each, and 1,000 actions (each with its estimated effects, the
 * collection KPI included), on an embedded PostgreSQL with the real migrations. Calls the page's
 * use case (what the route's loader calls after authentication) for the four periods, for a
 * collection's net sales, and focused on one action, and prints p50 / p95 / max. No assertions:
 * it measures.
 *
 *   npx tsx bench/insights-loader.ts [runs per period]
 */
import { startMigratedDatabase } from "./bench-database";

import { randomUUID } from "node:crypto";

const RUNS = Number(process.argv[2] ?? 200);
const SHOP = "bench-insights.myshopify.com";
const DAYS = 3 * 365;
const ACTIONS = 1_000;
const COLLECTIONS = 40;

const pg = await startMigratedDatabase();
process.env.DATABASE_URL = pg.url;
Object.assign(process.env, {
  SHOPIFY_API_KEY: "bench",
  SHOPIFY_API_SECRET: "bench",
  SHOPIFY_APP_URL: "http://localhost:3000",
  NODE_ENV: "production",
  LOG_LEVEL: "error",
});
const { db } = await import("../app/db.server");
const { insightsPage } = await import("../app/features/insights/page.server");
const { dayKey, ShopDayClock } = await import("../app/features/insights/kpi-day");
const { EFFECT_KPIS } = await import("../app/features/insights/effect-series");
const { pageParams } = await import("../app/features/insights/page-params");
type Gateway = Parameters<typeof insightsPage>[1];

const now = new Date();
const clock = new ShopDayClock("Europe/Stockholm");
const today = clock.dayOf(now.getTime());
await db().shop.create({
  data: { domain: SHOP, ianaTimezone: "Europe/Stockholm", currencyCode: "SEK" },
});
await db().kpiSync.create({
  data: { shop: SHOP, status: "idle", backfilledAt: now, firstDate: dayKey(today - DAYS + 1) },
});
await db().kpiDay.createMany({
  data: Array.from({ length: DAYS }, (_, i) => {
    const orders = 150 + ((i * 37) % 60);
    return {
      shop: SHOP,
      date: dayKey(today - DAYS + 1 + i),
      grossSales: BigInt(orders) * 900_000_000n,
      discounts: -BigInt(orders) * 40_000_000n,
      returns: -BigInt(orders) * 30_000_000n,
      orders,
      units: orders * 2,
      returnedUnits: 3,
      sessions: orders * 45,
      convertedSessions: orders,
    };
  }),
});
const collectionIds = Array.from(
  { length: COLLECTIONS },
  (_, c) => `gid://shopify/Collection/${1000 + c}`,
);
await db().kpiCollection.createMany({
  data: collectionIds.map((collectionId, c) => ({
    shop: SHOP,
    collectionId,
    title: `Collection ${c}`,
    productCount: 20 + c,
    refreshedAt: now,
  })),
});
for (const collectionId of collectionIds) {
  await db().kpiCollectionDay.createMany({
    data: Array.from({ length: DAYS }, (_, i) => ({
      shop: SHOP,
      collectionId,
      date: dayKey(today - DAYS + 1 + i),
      netSales: BigInt(5_000 + ((i * 53) % 900)) * 1_000_000n,
    })),
  });
}
const actions = Array.from({ length: ACTIONS }, (_, i) => ({
  id: randomUUID(),
  shop: SHOP,
  source: (["MERCHDESK", "MANUAL", "EXTERNAL"] as const)[i % 3],
  kind: "manual",
  title: `Action ${i}`,
  startedAt: new Date(clock.bounds(today - Math.floor((i * DAYS) / ACTIONS)).startMs),
  endedAt:
    i % 2 ? new Date(clock.bounds(today - Math.floor((i * DAYS) / ACTIONS) + 14).startMs) : null,
}));
await db().action.createMany({ data: actions });
await db().actionEffect.createMany({
  data: actions.flatMap((a) =>
    EFFECT_KPIS.map((kpi) => ({
      shop: SHOP,
      actionId: a.id,
      kpi,
      verdict: "no-detectable-effect",
      point: 0.01,
      lower: -0.05,
      upper: 0.07,
      explanation: "bench",
      windowStart: "2026-01-01",
      windowEnd: "2026-01-14",
      dataThrough: "2026-01-14",
    })),
  ),
});

// Backfilled: the page makes no Shopify call, so the gateway is never used.
const gateway = {} as Gateway;
console.log(
  `shop: ${DAYS} days of KPIs, ${COLLECTIONS} collections × ${DAYS} days, ${ACTIONS} actions × ${EFFECT_KPIS.length} effects; ${RUNS} loads per case`,
);
const cases: [string, Record<string, string>][] = [
  ...["30", "90", "365", "1095"].map((range): [string, Record<string, string>] => [
    `range=${range}d compare=year`,
    { range, kpi: "net_sales", compare: "year" },
  ]),
  [
    "collection net sales, range=1095d compare=year",
    { range: "1095", kpi: "collection_net_sales", collection: "1007", compare: "year" },
  ],
  ["focused on an action 500 days ago", { action: actions[Math.floor(ACTIONS * 0.46)].id }],
];
for (const [label, query] of cases) {
  const params = pageParams.parse(query);
  for (let i = 0; i < 10; i++) await insightsPage(SHOP, gateway, params, now); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await insightsPage(SHOP, gateway, params, now);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(`loader ${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
}
await db().$disconnect();
await pg.stop();
