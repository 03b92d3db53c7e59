import { z } from "zod";
import { defineJob, type JobDefinition } from "../../jobs/define";
import { enqueue } from "../../jobs/queue.server";
import { getEnv } from "../../env.server";
import {
  hasPendingSwitches,
  queueDueSwitches,
  registerSwitchJobs,
  runSwitch,
  SWITCH_ATTEMPTS,
} from "./switches.server";
import { verifySwitchOnStorefront } from "./verification.server";
import { recheckPreflight } from "./preflight-recheck.server";

const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);

/** Applies one scheduled switch (claimed once across workers; idempotent). */
export const homepageSwitchJob = defineJob({
  name: "homepage.switch",
  payload: z.object({ shop: shopDomain, switchId: z.string().uuid() }),
  retry: { limit: SWITCH_ATTEMPTS - 1, delaySeconds: 2, backoff: true },
  // One queued/running job per key: the due-check cannot pile duplicates onto a backlog.
  policy: "exclusive",
  // A worker killed mid-switch: its claim's lease expires (10 s) and the due-check re-queues it
  // under a new key; pg-boss re-delivers the dead job itself after this.
  expireInSeconds: 30,
  // Switches are short and mostly wait on the network: 16 run side by side per worker, fetched
  // 4 at a time by 4 pollers (16 pollers at 0.5 s spent more on polling than on switching).
  concurrency: 4,
  batchSize: 4,
  async handler({ shop, switchId }, { attempt }) {
    const run = await runSwitch(shop, switchId, { attempt });
    // Another switch of the shop ran the whole wait: retry later (the row stays PENDING).
    if (run.outcome === "shop-busy") throw new Error("another switch of this shop is running");
  },
});

/** Fetches the storefront after a switch and records whether it shows the change. */
export const homepageVerifyJob = defineJob({
  name: "homepage.verify",
  payload: z.object({ shop: shopDomain, switchId: z.string().uuid() }),
  retry: { limit: 2, delaySeconds: 5, backoff: true },
  async handler({ shop, switchId }) {
    await verifySwitchOnStorefront(shop, switchId);
  },
});

/** Runs the pre-flight checks again shortly before a campaign starts. */
export const homepagePreflightJob = defineJob({
  name: "homepage.preflight",
  payload: z.object({ shop: shopDomain, campaignId: z.string().uuid() }),
  retry: { limit: 3, delaySeconds: 10, backoff: true },
  async handler({ shop, campaignId }) {
    await recheckPreflight(shop, campaignId);
  },
});

/** Seconds between due-checks while the app follows the emulator clock (demo, tests). */
const EMULATOR_TICK_SECONDS = 2;

/**
 * Queues every due switch that has not run (catch-up after downtime, claims lost by killed
 * workers). Runs every minute by cron; against the emulator it also re-queues itself every 2 s
 * while switches are pending, so advancing the emulator clock makes them run
 * (docs/decisions/032-app-clock-and-due-check.md).
 */
export const homepageDueCheckJob = defineJob({
  name: "homepage.due-check",
  payload: z.object({ tick: z.boolean().default(false) }),
  retry: { limit: 1, delaySeconds: 5, backoff: false },
  // One tick per slot however many planners and due-checks ask for it (a standard queue made a
  // new tick chain per planned switch, thousands of due-checks every 2 s under load).
  policy: "exclusive",
  schedule: { cron: "* * * * *", payload: { tick: false } },
  async handler({ tick }) {
    await queueDueSwitches();
    if (tick || getEnv().SHOPIFY_ADMIN_API_BASE) await scheduleEmulatorTick();
  },
});

/** In emulator mode, keeps the due-check ticking while switches are pending. */
export async function scheduleEmulatorTick(): Promise<void> {
  if (!getEnv().SHOPIFY_ADMIN_API_BASE || getEnv().NODE_ENV === "test") return;
  if (!(await hasPendingSwitches())) return;
  const slot = Math.floor(Date.now() / 1000 / EMULATOR_TICK_SECONDS) + 1;
  await enqueue(
    homepageDueCheckJob,
    { tick: true },
    { singletonKey: `tick:${slot}`, startAfter: new Date(slot * EMULATOR_TICK_SECONDS * 1000) },
  );
}

registerSwitchJobs({
  async run(payload, startAfter, key) {
    await enqueue(homepageSwitchJob, payload, { singletonKey: key, startAfter });
    if (startAfter) await scheduleEmulatorTick();
  },
  async preflight(payload, startAfter, key) {
    await enqueue(homepagePreflightJob, payload, { singletonKey: key, startAfter });
  },
  async verify(payload) {
    await enqueue(homepageVerifyJob, payload, { singletonKey: `verify:${payload.switchId}` });
  },
});

/** The homepage capability's jobs (the worker runs every job listed in app/jobs/catalog.server.ts). */
export const homepageJobs: JobDefinition[] = [
  homepageSwitchJob as JobDefinition,
  homepageVerifyJob as JobDefinition,
  homepageDueCheckJob as JobDefinition,
  homepagePreflightJob as JobDefinition,
];
