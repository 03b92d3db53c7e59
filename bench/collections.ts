/**
 * Bulk collection change benchmark against the in-process emulator (standard bucket: 2,000
 * points, 100 points/s), through the real engine (plan stored in PostgreSQL, apply item by item):
 *
 *   npm run bench:collections            (add --full to also apply the 100,000-product change)
 *
 * Workload: a store with 20,000 products; add 5,000 products to 10 collections; remove 2,000 of
 * them again; create 200 collections from CSV; the same add done naively (one product per
 * mutation, no cost awareness) on a sample, as a baseline; the removed products added back as a
 * bulk operation (staged JSONL upload, above the threshold); then the same membership change with
 * 100,000 products: planned live (bulk query against the emulator) and by the pure planner alone;
 * applied only with --full. Plans above the threshold read through a bulk query (ADR 024); each
 * plan line says which way it read. Prints figures, one per line; no assertions.
 *
 * The emulator runs in this process: wall times and memory include its work (answering queries,
 * building the JSONL export), so they overstate what the app alone needs.
 */
import { startMigratedDatabase, setInProcessAppEnv } from "./bench-database";

import os from "node:os";

const FULL = process.argv.includes("--full");
const STORE_PRODUCTS = 20_000;
const ADD = 5_000;
const REMOVE = 2_000;
const COLLECTIONS = 10;
const CREATE = 200;
const NAIVE_SAMPLE = 60;
const LARGE = 100_000;

const db = await startMigratedDatabase();
setInProcessAppEnv(db.url);

const { startInProcessEmulator } = await import("../tests/support/emulator");
const { installShop } = await import("../tests/support/sessions");
const { addProduct } = await import("../emulator/catalog/testing-fixtures");
const { markCatalogChanged } = await import("../emulator/catalog/membership");
const { offlineAdmin } = await import("../app/shopify/app.server");
const { ShopifyGateway } = await import("../app/shopify/gateway.server");
const { COLLECTION_CREATE_MUTATION } = await import("../app/shopify/operations/collection-create");
const { COLLECTION_UPDATE_MEMBERSHIP_MUTATION } =
  await import("../app/shopify/operations/collection-update-membership");
const { planMembershipChange } = await import("../app/features/collections/membership.server");
const { planCsvCreate } = await import("../app/features/collections/import.server");
const { queueChange, getChange } = await import("../app/features/collections/changes.server");
const { runChange } = await import("../app/features/collections/apply.server");
const { createTask } = await import("../app/features/tasks/tasks.server");
const { planMembership } = await import("../app/features/collections/membership-plan");
const { db: prisma } = await import("../app/db.server");

type Gateway = InstanceType<typeof ShopifyGateway>;
const { useBulkResultFetch: setBulkResultFetch } = await import("../app/shopify/bulk.server");
const { setBulkUploadFetch } = await import("../app/shopify/bulk-mutation.server");
const { BULK_THRESHOLD_UNITS } = await import("../app/features/collections/bulk-apply.server");

const emulator = startInProcessEmulator({ seed: "empty" });
// The in-process emulator has no port: staged uploads and result files go straight to it.
const routeToEmulator = (url: string, init?: RequestInit) =>
  emulator.handle(new Request(url, init));
setBulkUploadFetch(routeToEmulator);
setBulkResultFetch(routeToEmulator);

function line(name: string, value: string | number) {
  console.log(`${name.padEnd(58)} ${value}`);
}

line(
  "load average at start (1 / 5 / 15 min, cores)",
  `${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")} (${os.cpus().length} cores)`,
);

const MB = 2 ** 20;

/**
 * Runs a live plan, printing its wall time, how it read (paged / bulk query) and, for a bulk
 * read, how long Shopify's export took versus the app's own work (reading the JSONL, planning,
 * storing). Memory: the process's RSS before and at its peak, and the heap
 * at the start of the app's own work and at its peak (sampled every 10 ms). The emulator shares
 * this process, so both include its store and its export.
 */
async function measurePlan<T extends { readStrategy: string }>(
  label: string,
  plan: (onProgress: (progress: { stage: string }) => void) => Promise<T>,
): Promise<T> {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  let appStartedAt: number | null = null;
  let appHeapBase = 0;
  let appPeakHeap = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    if (appStartedAt !== null) appPeakHeap = Math.max(appPeakHeap, usage.heapUsed);
  }, 10);
  const started = performance.now();
  const result = await plan(({ stage }) => {
    if (stage === "read" && appStartedAt === null) {
      appStartedAt = performance.now();
      appHeapBase = process.memoryUsage().heapUsed;
      appPeakHeap = appHeapBase;
    }
  });
  const ended = performance.now();
  clearInterval(sampler);
  const usage = process.memoryUsage();
  peakRss = Math.max(peakRss, usage.rss);
  const seconds = (ended - started) / 1000;
  line(`${label}: plan time (s, live, ${result.readStrategy})`, seconds.toFixed(1));
  if (appStartedAt !== null) {
    appPeakHeap = Math.max(appPeakHeap, usage.heapUsed);
    line(
      `${label}:   counting + Shopify's export (s)`,
      ((appStartedAt - started) / 1000).toFixed(1),
    );
    line(
      `${label}:   app: read JSONL, plan, store (s)`,
      ((ended - appStartedAt) / 1000).toFixed(1),
    );
    line(
      `${label}:   app: heap at start / peak (MB, + emulator)`,
      `${(appHeapBase / MB).toFixed(0)} / ${(appPeakHeap / MB).toFixed(0)}`,
    );
  }
  line(
    `${label}: process RSS before / peak (MB, + emulator)`,
    `${(rssBefore / MB).toFixed(0)} / ${(peakRss / MB).toFixed(0)}`,
  );
  return result;
}

async function store(domain: string, products: number) {
  const shop = emulator.createShop({ domain, seed: "empty" });
  for (let i = 0; i < products; i++) {
    const tags = [i < ADD ? "bench-add" : "other", ...(i < REMOVE ? ["bench-remove"] : [])];
    addProduct(shop, { title: `Bench product ${i}`, tags, vendor: `Vendor ${i % 20}` });
  }
  markCatalogChanged(shop);
  await installShop(domain, shop.app.accessToken);
  await prisma().shop.update({ where: { domain }, data: { currencyCode: "SEK" } });
  return shop;
}

interface Meter {
  cost: number;
  throttled: number;
  calls: number;
}

async function gatewayFor(domain: string, meter: Meter, costAware = true): Promise<Gateway> {
  return new ShopifyGateway(domain, await offlineAdmin(domain), {
    costAware,
    maxThrottleWaits: 1_000,
    onCost: (report) => {
      meter.calls++;
      meter.cost += report.actualCost ?? 0;
      if (report.throttled) meter.throttled++;
    },
  });
}

async function createCollections(gateway: Gateway, count: number, prefix: string) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = await gateway.mutate(
      COLLECTION_CREATE_MUTATION,
      {
        collection: {
          title: `${prefix} ${i}`,
          sources: [{ source: { title: "Manual selection", inclusion: { selections: [] } } }],
        },
      },
      (data) => data.collectionCreate,
    );
    if (!result.ok || !result.payload.collection) throw new Error("could not create collection");
    ids.push(result.payload.collection.id);
  }
  return ids;
}

/** Points in the shop's emulated bucket right now (refilled to this instant). */
function pointsAvailable(domain: string): number {
  const bucket = emulator.shops.get(domain)!.bucket;
  const restoredSince = ((Date.now() - bucket.refilledAtMs) / 1000) * bucket.restoreRate;
  return Math.min(bucket.maximumAvailable, bucket.currentlyAvailable + restoredSince);
}

/** Applies a stored plan through the engine and prints its figures. */
async function apply(
  label: string,
  domain: string,
  changeId: string,
  restoreRate: number,
  bulkThreshold = Number.POSITIVE_INFINITY,
) {
  const meter: Meter = { cost: 0, throttled: 0, calls: 0 };
  const gateway = await gatewayFor(domain, meter);
  const task = await createTask(domain, { kind: "collections.apply" });
  await queueChange(domain, changeId, "bench", task.id);
  const bucketAtStart = pointsAvailable(domain);
  const started = performance.now();
  await runChange(gateway, domain, changeId, { bulkThreshold });
  const seconds = (performance.now() - started) / 1000;
  // What the bucket held at the start is spent for free: only the rest had to be restored.
  const restored = meter.cost - (bucketAtStart - pointsAvailable(domain));
  const change = (await getChange(domain, changeId))!;
  line(`${label}: status`, change.status);
  line(`${label}: items`, change.doneUnits);
  line(`${label}: failed items`, change.failedUnits);
  line(`${label}: wall time (s)`, seconds.toFixed(1));
  line(`${label}: items/s`, (change.doneUnits / seconds).toFixed(0));
  line(`${label}: GraphQL calls`, meter.calls);
  line(`${label}: cost consumed`, meter.cost.toFixed(0));
  line(`${label}: cost per second`, (meter.cost / seconds).toFixed(1));
  line(`${label}: cost_utilisation`, (restored / seconds / restoreRate).toFixed(2));
  line(`${label}: THROTTLED responses`, meter.throttled);
  return change.doneUnits / seconds;
}

const SHOP = "bench-collections.myshopify.com";
await store(SHOP, STORE_PRODUCTS);
const setupMeter: Meter = { cost: 0, throttled: 0, calls: 0 };
const setup = await gatewayFor(SHOP, setupMeter);
const collectionIds = await createCollections(setup, COLLECTIONS, "Bench");
const restoreRate = setup.bucket()?.restoreRate ?? 100;
line("store products", STORE_PRODUCTS);
line("bucket (maximum / restore rate)", `${setup.bucket()?.maximumAvailable} / ${restoreRate}`);

// 1. Add 5,000 products to 10 collections.
let started = performance.now();
const addPlan = await measurePlan("add 5,000 × 10", (onProgress) =>
  planMembershipChange(
    setup,
    SHOP,
    "bench",
    {
      operation: "add",
      collectionIds,
      products: { mode: "filter", filter: { tag: "bench-add", status: [] } },
    },
    { onProgress },
  ),
);
await new Promise((resolve) => setTimeout(resolve, 20_000)); // let the bucket refill
const batchedRate = await apply("add 5,000 × 10", SHOP, addPlan.id, restoreRate);

// 2. Remove 2,000 of them again.
await new Promise((resolve) => setTimeout(resolve, 20_000));
const removePlan = await measurePlan("remove 2,000 × 10", (onProgress) =>
  planMembershipChange(
    setup,
    SHOP,
    "bench",
    {
      operation: "remove",
      collectionIds,
      products: { mode: "filter", filter: { tag: "bench-remove", status: [] } },
    },
    { onProgress },
  ),
);
await new Promise((resolve) => setTimeout(resolve, 20_000));
await apply("remove 2,000 × 10", SHOP, removePlan.id, restoreRate);

// 2b. The removed products added back as one bulk operation (staged JSONL, outside the bucket).
await new Promise((resolve) => setTimeout(resolve, 20_000));
const readdPlan = await planMembershipChange(setup, SHOP, "bench", {
  operation: "add",
  collectionIds,
  products: { mode: "filter", filter: { tag: "bench-remove", status: [] } },
});
await apply("re-add 2,000 × 10 (bulk operation)", SHOP, readdPlan.id, restoreRate, 1);

// 3. Create 200 collections from CSV.
const csv = [
  "title;handle;sort_order;published;condition_1",
  ...Array.from(
    { length: CREATE },
    (_, i) => `Bench CSV ${i};bench-csv-${i};best-selling;${i % 2 ? "ja" : "nej"};tag = bench-add`,
  ),
].join("\r\n");
await new Promise((resolve) => setTimeout(resolve, 20_000));
started = performance.now();
const created = await planCsvCreate(setup, SHOP, "bench", `\ufeff${csv}`);
line("create: plan time (s, live reads)", ((performance.now() - started) / 1000).toFixed(1));
if (created.status === "planned") {
  await new Promise((resolve) => setTimeout(resolve, 20_000));
  await apply(`create ${CREATE} from CSV`, SHOP, created.changeId, restoreRate);
}

// 4. Naive baseline: one product per mutation, no cost awareness, on a sample.
const NAIVE_SHOP = "bench-naive.myshopify.com";
const naiveStore = await store(NAIVE_SHOP, ADD);
const naiveMeter: Meter = { cost: 0, throttled: 0, calls: 0 };
const naive = await gatewayFor(NAIVE_SHOP, naiveMeter, false);
const [naiveCollection] = await createCollections(naive, 1, "Naive");
const source = [...naiveStore.collections.values()][0]!.sources[0]!.id;
const sample = [...naiveStore.products.keys()].slice(0, NAIVE_SAMPLE * COLLECTIONS);
Object.assign(naiveMeter, { cost: 0, throttled: 0, calls: 0 });
const naiveBucketAtStart = pointsAvailable(NAIVE_SHOP);
started = performance.now();
for (const productId of sample) {
  await naive.mutate(
    COLLECTION_UPDATE_MEMBERSHIP_MUTATION,
    {
      collection: {
        id: naiveCollection!,
        sourcesToUpdate: [
          { condition: { id: source, inclusion: { selectionsToAdd: [{ productId }] } } },
        ],
      },
    },
    (data) => data.collectionUpdate,
  );
}
const naiveSeconds = (performance.now() - started) / 1000;
const naiveRate = sample.length / naiveSeconds;
// Counted as for the engine: what the bucket held at the start is free, only the rest was restored.
const naiveRestored = naiveMeter.cost - (naiveBucketAtStart - pointsAvailable(NAIVE_SHOP));
line("naive: items (sample)", sample.length);
line("naive: wall time (s)", naiveSeconds.toFixed(1));
line("naive: items/s", naiveRate.toFixed(1));
line("naive: cost_utilisation", (naiveRestored / naiveSeconds / restoreRate).toFixed(2));
line("naive: THROTTLED responses", naiveMeter.throttled);
line("naive: estimated wall time for 50,000 adds (s)", (50_000 / naiveRate).toFixed(0));
line("batched vs naive (items/s ratio)", (batchedRate / naiveRate).toFixed(1));

// 5. The same membership change with 100,000 products.
// 5a. Live: a 100,000-product store, planned as the app does it (bulk query above the threshold).
const LARGE_SHOP = "bench-large.myshopify.com";
started = performance.now();
await store(LARGE_SHOP, LARGE);
line(
  "100,000 store: setup (s, not part of any plan)",
  ((performance.now() - started) / 1000).toFixed(1),
);
const largeGateway = await gatewayFor(LARGE_SHOP, { cost: 0, throttled: 0, calls: 0 });
const largeCollections = await createCollections(largeGateway, COLLECTIONS, "Large");
const largeLive = await measurePlan("100,000 × 10", (onProgress) =>
  planMembershipChange(
    largeGateway,
    LARGE_SHOP,
    "bench",
    {
      operation: "add",
      collectionIds: largeCollections,
      products: { mode: "filter", filter: { status: ["ACTIVE"] } },
    },
    { onProgress },
  ),
);
line("100,000 × 10: plan items (live)", largeLive.totalItems);
line("100,000 × 10: plan product-collection pairs (live)", largeLive.totalUnits);

// 5b. Pure: the planner alone on the same sizes (no reads, no storing), for comparison.
const products = Array.from({ length: LARGE }, (_, i) => ({
  id: `gid://shopify/Product/${i + 1}`,
  title: `Bench product ${i}`,
}));
const targets = collectionIds.map((id, i) => ({
  id,
  title: `Bench ${i}`,
  productsCount: 0,
  managedSourceId: "gid://shopify/CollectionConditionsSource/1",
  hasRules: false,
  membersAmongChosen: new Set<string>(),
  selectedAmongChosen: new Set<string>(),
}));
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
started = performance.now();
const largePlan = planMembership({ operation: "add", products, targets });
const planSeconds = (performance.now() - started) / 1000;
const heapAfter = process.memoryUsage().heapUsed;
line("100,000 × 10: plan compute (s, pure, in memory)", planSeconds.toFixed(2));
line("100,000 × 10: plan items (pure)", largePlan.items.length);
line("100,000 × 10: plan heap growth (MB, pure)", ((heapAfter - heapBefore) / MB).toFixed(0));
line(
  "100,000 × 10: estimated apply, batched only (s)",
  ((LARGE * COLLECTIONS) / batchedRate).toFixed(0),
);
if (FULL) {
  await apply(
    "add 100,000 × 10 (bulk operation)",
    LARGE_SHOP,
    largeLive.id,
    restoreRate,
    BULK_THRESHOLD_UNITS,
  );
}

await emulator.close();
await prisma().$disconnect();
await db.stop();
process.exit(0);
