import { z } from "zod";
import { defineJob, type JobDefinition, type Watcher } from "../../jobs/define";
import { enqueue } from "../../jobs/queue.server";
import { getEnv } from "../../env.server";
import {
  followUpSwitch,
  hasPendingSwitches,
  queueDueSwitches,
  registerSwitchJobs,
  requeueOrphanedClaims,
  runSwitch,
  SWITCH_ATTEMPTS,
} from "./switches.server";
import { recheckPreflight } from "./preflight-recheck.server";

const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);

/**
 * Applies one scheduled switch (claimed once across workers; idempotent). Delivered PREFETCH_MS
 * before its instant; the handler claims it and waits for the instant
 * (docs/decisions/034-scheduler-prefetch-and-liveness.md).
 */
export const homepageSwitchJob = defineJob({
  name: "homepage.switch",
  payload: z.object({ shop: shopDomain, switchId: z.string().uuid() }),
  retry: { limit: SWITCH_ATTEMPTS - 1, delaySeconds: 2, backoff: true },
  // One queued/running job per key: the due-check cannot pile duplicates onto a backlog.
  policy: "exclusive",
  // A worker killed mid-switch: the other workers see its liveness lock gone within a second and
  // re-queue its claims under new keys; pg-boss re-delivers the dead job itself after this.
  expireInSeconds: 30,
  // Up to 64 switches per worker wait for their instant or run side by side (2 s of a busy
  // minute per worker). One fetch query every 200 ms brings all that came due; pollers with
  // batches would block on a batch's last wait. 128 measured worse on a saturated machine: more
  // handlers on a starved event loop made each switch hold its shop longer.
  stream: { inFlight: 64, pollMs: 200 },
  async handler({ shop, switchId }, { attempt }) {
    const run = await runSwitch(shop, switchId, { attempt });
    // Another switch of the shop ran the whole wait: retry later (the row stays PENDING).
    if (run.outcome === "shop-busy") throw new Error("another switch of this shop is running");
  },
});

/**
 * After a switch, off its time-critical path: records the action, then fetches the storefront and
 * records whether it shows the change.
 */
export const homepageSwitchFollowUpJob = defineJob({
  name: "homepage.switch-follow-up",
  payload: z.object({
    shop: shopDomain,
    switchId: z.string().uuid(),
    reason: z.string().max(200).optional(),
  }),
  retry: { limit: 3, delaySeconds: 5, backoff: true },
  policy: "exclusive",
  // Two at a time per worker: follow-ups share the event loop with switches waiting for their
  // instant, and a burst of them (a busy minute) may drain after it.
  concurrency: 1,
  batchSize: 2,
  async handler({ shop, switchId, reason }) {
    await followUpSwitch(shop, switchId, reason);
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
    // Catch-ups (no startAfter: overdue, or taken over from a dead worker) are fetched before
    // switches still on time; otherwise they queue behind every job created before them.
    await enqueue(homepageSwitchJob, payload, {
      singletonKey: key,
      startAfter,
      priority: startAfter ? 0 : 1,
    });
    if (startAfter) await scheduleEmulatorTick();
  },
  async preflight(payload, startAfter, key) {
    await enqueue(homepagePreflightJob, payload, { singletonKey: key, startAfter });
  },
  async followUp(payload) {
    await enqueue(homepageSwitchFollowUpJob, payload, {
      singletonKey: `follow-up:${payload.switchId}`,
    });
  },
});

/** Every worker looks each second for switches claimed by a worker that has died. */
export const homepageWatchers: Watcher[] = [
  { name: "homepage.orphaned-claims", everyMs: 1_000, run: requeueOrphanedClaims },
];

/** The homepage capability's jobs (the worker runs every job listed in app/jobs/catalog.server.ts). */
export const homepageJobs: JobDefinition[] = [
  homepageSwitchJob as JobDefinition,
  homepageSwitchFollowUpJob as JobDefinition,
  homepageDueCheckJob as JobDefinition,
  homepagePreflightJob as JobDefinition,
];
