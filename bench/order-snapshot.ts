/**
 * Order snapshots of removals from a large MANUAL collection (ADR 023), against the in-process
 * emulator (standard bucket: 2,000 points, 100 points/s):
 *
 *   npx tsx bench/order-snapshot.ts
 *
 * Workload: one MANUAL collection of 10,000 products; the snapshot a removal of 250 products
 * takes before its first write, for the 250 newest (the end), the 250 pinned at the top, and 250
 * spread over the whole order; then planning a pin of 10 products as the planning job does (the
 * whole order read). Prints figures, one per line; no assertions. The bucket is left to refill
 * between runs, so each run starts from a full bucket.
 */
import { startMigratedDatabase, setInProcessAppEnv } from "./bench-database";

const PRODUCTS = 10_000;
const REMOVE = 250;

const db = await startMigratedDatabase();
setInProcessAppEnv(db.url);

const { startInProcessEmulator } = await import("../tests/support/emulator");
const { installShop } = await import("../tests/support/sessions");
const { addProduct } = await import("../emulator/catalog/testing-fixtures");
const { markCatalogChanged } = await import("../emulator/catalog/membership");
const { nextGid } = await import("../emulator/store/shop");
const { offlineAdmin } = await import("../app/shopify/app.server");
const { ShopifyGateway } = await import("../app/shopify/gateway.server");
const { planMembershipChange } = await import("../app/features/collections/membership.server");
const { snapshotManualOrders, planOrderChange } =
  await import("../app/features/collections/order.server");
const { orderSnapshotOf } = await import("../app/features/collections/order-plan");
const { getChange } = await import("../app/features/collections/changes.server");
const { db: prisma } = await import("../app/db.server");

const SHOP = "bench-order.myshopify.com";
const emulator = startInProcessEmulator({ seed: "empty" });
const shop = emulator.createShop({ domain: SHOP, seed: "empty" });
const ids = Array.from({ length: PRODUCTS }, (_, i) => addProduct(shop, { title: `P${i}` }).id);
const now = new Date().toISOString();
const collectionId = nextGid(shop, "Collection");
shop.collections.set(collectionId, {
  id: collectionId,
  title: "Bench manual",
  handle: "bench-manual",
  descriptionHtml: "",
  seo: { title: null, description: null },
  sortOrder: "MANUAL",
  templateSuffix: null,
  createdAt: now,
  updatedAt: now,
  sources: [
    {
      kind: "conditions",
      id: nextGid(shop, "CollectionSource"),
      title: "Manual selection",
      description: null,
      targetType: "PRODUCTS",
      shareable: false,
      inclusion: {
        matchType: null,
        conditions: [],
        selections: ids.map((productId) => ({ productId, variantIds: null })),
      },
      exclusion: null,
    },
  ],
  manualOrder: [...ids],
  publicationIds: [],
});
markCatalogChanged(shop);
await installShop(SHOP, shop.app.accessToken);

function line(name: string, value: string | number) {
  console.log(`${name.padEnd(58)} ${value}`);
}

async function metered() {
  const meter = { calls: 0, cost: 0 };
  const gateway = new ShopifyGateway(SHOP, await offlineAdmin(SHOP), {
    onCost: (report) => {
      meter.calls++;
      meter.cost += report.actualCost ?? 0;
    },
  });
  return { gateway, meter };
}

const refill = () => new Promise((resolve) => setTimeout(resolve, 20_000));

const cases: [string, string[]][] = [
  ["newest 250 (end)", ids.slice(-REMOVE)],
  ["pinned 250 (top)", ids.slice(0, REMOVE)],
  ["spread over the order", ids.filter((_, i) => i % (PRODUCTS / REMOVE) === 17)],
];
line("manual collection products", PRODUCTS);
for (const [label, removed] of cases) {
  const { gateway, meter } = await metered();
  const change = await planMembershipChange(gateway, SHOP, "bench", {
    operation: "remove",
    collectionIds: [collectionId],
    products: { mode: "pick", productIds: removed },
  });
  await refill();
  Object.assign(meter, { calls: 0, cost: 0 });
  const started = performance.now();
  await snapshotManualOrders(gateway, change);
  const seconds = (performance.now() - started) / 1000;
  const stored = orderSnapshotOf((await getChange(SHOP, change.id))!.snapshot);
  line(`snapshot, remove ${label}: products stored`, stored.orders[collectionId]!.length);
  line(`snapshot, remove ${label}: GraphQL calls`, meter.calls);
  line(`snapshot, remove ${label}: cost consumed`, meter.cost.toFixed(0));
  line(`snapshot, remove ${label}: wall time (s)`, seconds.toFixed(1));
}

await refill();
const { gateway, meter } = await metered();
const started = performance.now();
await planOrderChange(gateway, SHOP, "bench", {
  mode: "pin",
  collectionId,
  productIds: ids.slice(-10),
});
line("plan a pin in 10,000 (planning job's read): GraphQL calls", meter.calls);
line("plan a pin in 10,000: cost consumed", meter.cost.toFixed(0));
line("plan a pin in 10,000: wall time (s)", ((performance.now() - started) / 1000).toFixed(1));

await emulator.close();
await prisma().$disconnect();
await db.stop();
process.exit(0);
