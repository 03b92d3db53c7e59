// Scheduler benchmark: 2,000 home-page switches across 200 shops, all due within one minute, run
// by 2 worker processes against the emulator; one worker is SIGKILLed mid-run and restarted.
// Prints lateness (app write time − scheduled time) p50 / p99 / max, missed and duplicated
// switches. No assertions.   npm run bench:scheduler [-- --shops 200 --per-shop 5 --no-kill]
import { startMigratedDatabase } from "./bench-database";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createEmulator } from "../emulator/server";
import { campaignIndexTemplate, themeEditorHeader } from "../emulator/seed/themes";
import { CAMPAIGN_METAFIELD_KEY, liveCampaign } from "../emulator/storefront/campaign";
import type { ShopState } from "../emulator/store/types";

const { values: args } = parseArgs({
  options: {
    shops: { type: "string", default: "200" },
    "per-shop": { type: "string", default: "5" },
    "no-kill": { type: "boolean", default: false },
    // Writes each worker's CPU profile (.cpuprofile) into this directory.
    "cpu-prof": { type: "string" },
  },
});
const SHOPS = Number(args.shops);
const PER_SHOP = Number(args["per-shop"]); // campaigns per shop; each has an ON and an OFF switch
const WINDOW_MS = 60_000;
const API_KEY = "merchdesk-bench-key";
const API_SECRET = "merchdesk-bench-secret";
const log = (line: string) => console.log(`[bench] ${line}`);

const startLoad = loadavg();
log(
  `load average at start ${startLoad[0]!.toFixed(2)} (1 min) · ${startLoad[1]!.toFixed(2)} (5 min)`,
);
const db = await startMigratedDatabase();
const emulator = createEmulator({ apiKey: API_KEY, appSecret: API_SECRET, seed: "empty" });
const { url: emulatorUrl } = await emulator.listen(0);

// Requests the workers make, by kind (Admin API, storefront fetches by verification, clock).
const requests = { admin: 0, storefront: 0, clock: 0, other: 0 };
const handle = emulator.handle.bind(emulator);
emulator.handle = (request: Request) => {
  const path = new URL(request.url).pathname;
  const kind = path.includes("/graphql.json")
    ? "admin"
    : path.startsWith("/_emulator/storefront/")
      ? "storefront"
      : path === "/_emulator/clock"
        ? "clock"
        : "other";
  requests[kind]++;
  return handle(request);
};

/**
 * What shoppers see, watched in the emulator's store itself: every write of `live_campaign` that
 * took effect (a rejected compare-and-set never reaches the store). A write after which the home
 * page shows the same campaign as before (or still none) is a switch applied twice: a duplicate.
 */
const shown = new Map<string, { changes: number; duplicates: number }>();
function watchLiveCampaign(shop: ShopState) {
  const tally = { changes: 0, duplicates: 0 };
  shown.set(shop.domain, tally);
  const visible = () => liveCampaign(shop)?.handle ?? "";
  const metafields = shop.metafields;
  const set = metafields.set.bind(metafields);
  const remove = metafields.delete.bind(metafields);
  const note = (before: string) => {
    if (visible() === before) tally.duplicates++;
    else tally.changes++;
  };
  metafields.set = (id, metafield) => {
    const before = visible();
    set(id, metafield);
    if (metafield.key === CAMPAIGN_METAFIELD_KEY) note(before);
    return metafields;
  };
  metafields.delete = (id) => {
    const live = metafields.get(id)?.key === CAMPAIGN_METAFIELD_KEY;
    const before = visible();
    const removed = remove(id);
    if (removed && live) note(before);
    return removed;
  };
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "development",
  MERCHDESK_MODE: "embedded",
  DATABASE_URL: db.url,
  SHOPIFY_API_KEY: API_KEY,
  SHOPIFY_API_SECRET: API_SECRET,
  SHOPIFY_APP_URL: "http://localhost:3999",
  SHOPIFY_ADMIN_API_BASE: emulatorUrl,
  LOG_LEVEL: "error",
};
Object.assign(process.env, env);

// App modules read the environment on import: load them only now.
const { db: prisma } = await import("../app/db.server");
const { shopify } = await import("../app/shopify/app.server");
const { APP_SCOPES } = await import("../app/shopify/scopes");
const { Session } = await import("@shopify/shopify-api");
await import("../app/features/homepage/jobs.server");
const { planSwitches, gatewayFor } = await import("../app/features/homepage/switches.server");
const { queue } = await import("../app/jobs/queue.server");

log(`setting up ${SHOPS} shops…`);
const domains: string[] = [];
for (let i = 0; i < SHOPS; i++) {
  const domain = `bench-${i}.myshopify.com`;
  const shop = emulator.createShop({ domain, seed: "empty" });
  watchLiveCampaign(shop);
  const live = [...shop.themes.values()].find((t) => t.role === "MAIN")!;
  const file = live.files.get("templates/index.json")!;
  file.content = campaignIndexTemplate(shop.app.handle, themeEditorHeader(file.content));
  await shopify().sessionStorage.storeSession(
    new Session({
      id: `offline_${domain}`,
      shop: domain,
      state: "bench",
      isOnline: false,
      scope: APP_SCOPES.join(","),
      accessToken: shop.app.accessToken,
    }),
  );
  await prisma().shop.create({
    data: { domain, scopes: APP_SCOPES.join(","), ianaTimezone: "UTC" },
  });
  domains.push(domain);
}

const workerLog = join(tmpdir(), `merchdesk-bench-scheduler-${process.pid}.log`);
const workerErrors = createWriteStream(workerLog);
const workers = new Map<number, ChildProcess>();
// Workers have process groups of their own: never leave them running if the bench fails.
process.on("exit", () => {
  for (const child of workers.values()) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
});
function startWorkerProcess(index: number) {
  const profile = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${args["cpu-prof"]}`] : [];
  // Its own process group: npx → sh → tsx → node; a signal to npx alone leaves the worker running.
  const child = spawn("npx", ["tsx", ...profile, "worker/index.ts"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  child.stderr?.pipe(workerErrors, { end: false });
  workers.set(index, child);
  return child;
}
// Workers start before planning (their start takes seconds of CPU) and run what planning queues
// ahead of the window (pre-flight checks 15 minutes before each start, as in production).
startWorkerProcess(0);
startWorkerProcess(1);

// Each shop: PER_SHOP campaigns, back to back inside the window, each on for half its slot.
// Planned an hour ahead (planning takes 60–300 ms per campaign on a shared 2-CPU machine), then
// moved as a whole to start LEAD_MS after planning ended: campaigns, switch rows and the switch
// jobs' startAfter alike, so a slow setup never eats into the window.
const PLAN_AHEAD_MS = 3_600_000;
const LEAD_MS = 15_000;
const planT0 = Date.now() + PLAN_AHEAD_MS;
const slot = WINDOW_MS / PER_SHOP;
log(`planning ${SHOPS * PER_SHOP * 2} switches…`);
let planned = 0;
await Promise.all(
  Array.from({ length: 8 }, async (_, lane) => {
    for (let i = lane; i < domains.length; i += 8) {
      const domain = domains[i]!;
      const gateway = await gatewayFor(domain);
      for (let k = 0; k < PER_SHOP; k++) {
        // Shops start at different points of the first half-slot; campaigns follow every slot.
        const startsAt = new Date(planT0 + ((i * 997) % (slot / 2)) + k * slot);
        const campaign = await prisma().homepageCampaign.create({
          data: {
            shop: domain,
            name: `Campaign ${k}`,
            startsAt,
            endsAt: new Date(startsAt.getTime() + slot / 2 - 1),
            heading: `Campaign ${k}`,
            metaobjectHandle: `campaign-bench-${i}-${k}`,
          },
        });
        await planSwitches(domain, gateway, campaign.id);
        planned += 2;
      }
    }
  }),
);
const t0 = Date.now() + LEAD_MS;
const shift = `${planT0 - t0} milliseconds`;
await prisma()
  .$executeRaw`UPDATE "HomepageCampaign" SET "startsAt" = "startsAt" - ${shift}::interval, "endsAt" = "endsAt" - ${shift}::interval`;
await prisma().$executeRaw`UPDATE "HomepageSwitch" SET "dueAt" = "dueAt" - ${shift}::interval`;
const moved = await prisma()
  .$executeRaw`UPDATE pgboss.job SET start_after = start_after - ${shift}::interval WHERE name = 'homepage.switch' AND state = 'created'`;
log(
  `planned ${planned} switches (${moved} jobs); due between +0 s and +60 s after ${new Date(t0).toISOString()}`,
);
for (const tally of shown.values()) Object.assign(tally, { changes: 0, duplicates: 0 });
for (const key of Object.keys(requests)) requests[key as keyof typeof requests] = 0;

let killedAt: string | null = null;
if (!args["no-kill"]) {
  setTimeout(
    () => {
      const victim = workers.get(1)!;
      process.kill(-victim.pid!, "SIGKILL");
      killedAt = new Date().toISOString();
      log(`worker 1 SIGKILLed at +${Math.round((Date.now() - t0) / 1000)} s; restarting in 3 s`);
      setTimeout(() => startWorkerProcess(1), 3000);
    },
    Math.max(0, t0 - Date.now()) + 25_000,
  );
}

const busy = performance.eventLoopUtilization();
// Wait for every switch to finish (or give up two minutes after the window).
const deadline = t0 + WINDOW_MS + 120_000;
for (;;) {
  const open = await prisma().homepageSwitch.count({
    where: { status: { in: ["PENDING", "RUNNING"] } },
  });
  if (open === 0 || Date.now() > deadline) break;
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

const switches = await prisma().homepageSwitch.findMany();
const done = switches.filter((s) => s.status === "DONE" && s.appliedAt);
const lateness = done.map((s) => s.appliedAt!.getTime() - s.dueAt.getTime()).sort((a, b) => a - b);
const pct = (p: number) =>
  lateness[Math.min(lateness.length - 1, Math.ceil((p / 100) * lateness.length) - 1)] ?? NaN;
const missed = switches.filter((s) => s.status !== "DONE").length;
// Why they were missed: still open when the bench gave up, skipped (an ON switch so late that its
// campaign had already ended), failed after every attempt.
const byStatus = new Map<string, number>();
for (const s of switches)
  if (s.status !== "DONE") byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
const missedWhy = [...byStatus].map(([status, n]) => `${status.toLowerCase()} ${n}`).join(", ");
// The missed ones in detail: direction, claims, and how long after its instant each was last claimed.
const missedDetail = switches
  .filter((s) => s.status !== "DONE")
  .slice(0, 5)
  .map(
    (s) =>
      `${s.direction} due +${Math.round((s.dueAt.getTime() - t0) / 1000)} s, ${s.attempts} claim(s), last ${s.startedAt ? s.startedAt.getTime() - s.dueAt.getTime() : "-"} ms after`,
  );
const sorted = (values: number[]) => values.sort((a, b) => a - b);
const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? NaN;
// Where the time goes: the claim (ahead of the instant when prefetched) vs claim → write.
const pickup = sorted(done.map((s) => s.startedAt!.getTime() - s.dueAt.getTime()));
const apply = sorted(done.map((s) => s.appliedAt!.getTime() - s.startedAt!.getTime()));

const emulatorBusy = performance.eventLoopUtilization(busy).utilization;
const tallies = [...shown.values()];
const duplicates = tallies.reduce((sum, t) => sum + t.duplicates, 0);
const changes = tallies.reduce((sum, t) => sum + t.changes, 0);
// On time, every switch changes what the home page shows (on, off, on, …).
const expectedChanges = SHOPS * PER_SHOP * 2;
const retried = done.filter((s) => s.attempts > 1).length;
const [load1, load5] = loadavg();

console.log("");
console.log(
  `scheduler benchmark: ${SHOPS} shops, ${switches.length} switches due within 60 s, 2 worker processes${killedAt ? ", worker 1 SIGKILLed at +25 s and restarted" : ""}`,
);
console.log(
  `  lateness (app write time − scheduled): p50 ${pct(50)} ms · p99 ${pct(99)} ms · max ${lateness.at(-1)} ms`,
);
console.log(
  `  done ${done.length} · missed ${missed}${missedWhy ? ` (${missedWhy})` : ""} · duplicated ${duplicates} (home page changes: ${changes} of ${expectedChanges} planned)`,
);
console.log(
  `  claim − scheduled p50 ${median(pickup)} ms (negative: claimed ahead, then waited for the instant) · claim → write p50 ${median(apply)} ms, max ${apply.at(-1)} ms`,
);
console.log(
  `  ran late (>60 s, flagged): ${done.filter((s) => s.late).length} · wrote nothing (already applied): ${done.filter((s) => !s.wrote).length} · claimed more than once: ${retried}`,
);
console.log(
  `  emulator: ${requests.admin} Admin API requests (${(requests.admin / Math.max(1, done.length)).toFixed(1)} per switch), ${requests.storefront} storefront fetches, ${requests.clock} clock reads; busy ${Math.round(emulatorBusy * 100)}%`,
);
if (missedDetail.length)
  console.log(`  missed, first ${missedDetail.length}: ${missedDetail.join(" · ")}`);
const slowest = [...done]
  .sort(
    (a, b) =>
      b.appliedAt!.getTime() - b.dueAt.getTime() - (a.appliedAt!.getTime() - a.dueAt.getTime()),
  )
  .slice(0, 5)
  .map(
    (s) =>
      `due +${Math.round((s.dueAt.getTime() - t0) / 1000)} s: pickup ${s.startedAt!.getTime() - s.dueAt.getTime()} ms, apply ${s.appliedAt!.getTime() - s.startedAt!.getTime()} ms`,
  );
console.log(`  slowest: ${slowest.join(" · ")}`);
console.log(
  `  load average at the end ${load1!.toFixed(2)} (1 min) · ${load5!.toFixed(2)} (5 min) · worker errors: ${workerLog}`,
);

for (const child of workers.values()) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone (the killed worker's group)
  }
}
await new Promise((resolve) => setTimeout(resolve, 3000));
await (await queue()).stop({ graceful: false }).catch(() => undefined);
await emulator.close();
await db.stop();
process.exit(0);
