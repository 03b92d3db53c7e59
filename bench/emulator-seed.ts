/**
 * Seeds the emulator's "demo" and "large" stores into fresh shops and prints what it cost: wall
 * time, peak RSS, heap after seeding, and what was generated. Each store is seeded in its own
 * child process so one store's memory does not inflate the other's peak. No assertions.
 *
 *   npx tsx bench/emulator-seed.ts            # demo, then large
 *   npx tsx bench/emulator-seed.ts large      # only the named stores
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { seedShop, type SeedKind } from "../emulator/seed/index";
import { createShopState } from "../emulator/store/shop";

const CHILD_FLAG = "--seed-one";
const NOW = new Date("2026-11-02T10:00:00Z");

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

function line(kind: string, label: string, value: string | number): void {
  const shown = typeof value === "number" ? value.toLocaleString("en-US") : value;
  console.log(`${kind.padEnd(6)} ${label.padEnd(24)} ${shown}`);
}

function seedOne(kind: SeedKind): void {
  const shop = createShopState({ domain: `bench-${kind}.myshopify.com` });
  const started = performance.now();
  seedShop(shop, kind, { now: NOW });
  const wallMs = performance.now() - started;
  const memory = process.memoryUsage();
  const variants = [...shop.products.values()].reduce((sum, p) => sum + p.variants.length, 0);
  const lineItems = shop.orders.reduce((sum, o) => sum + o.lineItems.length, 0);
  const sessions = shop.traffic.reduce((sum, t) => sum + t.sessions, 0);
  const realOrders = shop.orders.filter((o) => !o.test).length;

  line(kind, "wall time", `${(wallMs / 1000).toFixed(2)} s`);
  line(kind, "peak RSS", mb(process.resourceUsage().maxRSS * 1024));
  line(kind, "heap used after seeding", mb(memory.heapUsed));
  line(kind, "RSS after seeding", mb(memory.rss));
  line(kind, "products", shop.products.size);
  line(kind, "variants", variants);
  line(kind, "collections", shop.collections.size);
  line(kind, "themes", shop.themes.size);
  line(kind, "orders", shop.orders.length);
  line(kind, "line items", lineItems);
  line(kind, "first order", shop.orders[0]?.createdAt ?? "-");
  line(kind, "last order", shop.orders.at(-1)?.createdAt ?? "-");
  line(kind, "traffic days", shop.traffic.length);
  line(kind, "sessions", sessions);
  line(kind, "conversion", sessions ? `${((realOrders / sessions) * 100).toFixed(2)} %` : "-");
  line(kind, "seeded actions", shop.seededActions.length);
}

const args = process.argv.slice(2);
if (args[0] === CHILD_FLAG) {
  seedOne(args[1] as SeedKind);
} else {
  const kinds = args.length > 0 ? args : ["demo", "large"];
  const script = fileURLToPath(import.meta.url);
  for (const kind of kinds) {
    const child = spawnSync(process.execPath, [...process.execArgv, script, CHILD_FLAG, kind], {
      stdio: "inherit",
    });
    if (child.status !== 0) console.log(`${kind.padEnd(6)} failed with exit code ${child.status}`);
  }
}
