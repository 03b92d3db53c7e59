import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { forgetClockOffset } from "../../app/features/homepage/clock.server";
import { claimSwitch, orphanedClaims } from "../../app/features/homepage/switch-lease.server";
import {
  requeueOrphanedClaims,
  runSwitch,
  PREFETCH_MS,
} from "../../app/features/homepage/switches.server";
import { getEnv } from "../../app/env.server";
import { LIVENESS_LOCK_CLASS } from "../../app/jobs/liveness.server";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import {
  createCampaign,
  DAY,
  homepageShop,
  HOUR,
  stockholmLocal,
  storefrontCampaign,
} from "./homepage-support";

/**
 * Prefetch-and-wait (ADR 034): a switch's job arrives shortly before its instant, claims the
 * switch at once and writes at the instant; a worker that dies while holding such a claim loses it
 * the moment its liveness lock goes, not when its lease would have expired.
 */

let emulator: Emulator;
const SHOP = "prefetch-shop.myshopify.com";
let t0: Date;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  await homepageShop(emulator, SHOP);
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  t0 = new Date(Math.ceil((emulator.clock.now().getTime() + 10 * DAY) / HOUR) * HOUR);
  emulator.clock.freeze(t0);
  // The previous test may have let the clock run: read it afresh, not a cached offset.
  forgetClockOffset();
  await db().homepageCampaign.updateMany({
    where: { shop: SHOP, status: { in: ["SCHEDULED", "LIVE"] } },
    data: { status: "CANCELLED" },
  });
  await db().homepageSwitch.updateMany({
    where: { shop: SHOP, status: { in: ["PENDING", "RUNNING"] } },
    data: { status: "CANCELLED", leaseUntil: null },
  });
});

async function plan(name: string) {
  const response = await createCampaign(SHOP, {
    name,
    startsAt: stockholmLocal(new Date(t0.getTime() + HOUR)),
    endsAt: stockholmLocal(new Date(t0.getTime() + 3 * HOUR)),
    heading: `${name} heading`,
    text: "Fri frakt",
    buttonLabel: "Handla",
    buttonLink: "/collections/jackor",
    confirmOverlap: "true",
  });
  expect(response.status).toBe(302);
  const campaign = await db().homepageCampaign.findFirstOrThrow({ where: { shop: SHOP, name } });
  const on = await db().homepageSwitch.findFirstOrThrow({
    where: { campaignId: campaign.id, direction: "ON" },
  });
  return { campaign, on };
}

const switchById = (id: string) => db().homepageSwitch.findUniqueOrThrow({ where: { id } });

/** Another worker process: a connection of its own holding its liveness lock. */
async function otherWorker(id: number) {
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1, $2)", [LIVENESS_LOCK_CLASS, id]);
  return client;
}

describe("prefetch and wait", () => {
  it("GIVEN a switch's job arrives before its instant WHEN it runs THEN the switch is claimed at once and written at the instant", async () => {
    const { campaign, on } = await plan("Prefetched");
    // The job is delivered PREFETCH_MS ahead; the app clock runs again from there.
    emulator.clock.freeze(new Date(on.dueAt.getTime() - PREFETCH_MS));
    emulator.clock.unfreeze();
    const running = runSwitch(SHOP, on.id, { attempt: 0 });
    await expect.poll(async () => (await switchById(on.id)).status).toBe("RUNNING");
    // Claimed ahead: the page has not changed yet.
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([""]);
    expect(await running).toMatchObject({ outcome: "done", wrote: true, late: false });
    const done = await switchById(on.id);
    expect(done.startedAt!.getTime()).toBeLessThan(on.dueAt.getTime());
    expect(done.appliedAt!.getTime()).toBeGreaterThanOrEqual(on.dueAt.getTime());
    expect(done).toMatchObject({ status: "DONE", attempts: 1, holder: null });
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([campaign.metaobjectHandle]);
    // The action record and the verification follow as a job of their own.
    await runQueuedJobs();
    const followed = await switchById(on.id);
    expect(followed.actionId).not.toBeNull();
    expect(followed.verifiedOk).toBe(true);
  });

  it("GIVEN the app clock does not reach the instant WHEN the wait ends THEN the claim is given back untouched", async () => {
    const { on } = await plan("Frozen");
    emulator.clock.freeze(new Date(on.dueAt.getTime() - 1_000));
    const before = await storefrontCampaign(emulator, SHOP);
    expect(await runSwitch(SHOP, on.id, { attempt: 0 })).toEqual({ outcome: "not-due" });
    expect(await switchById(on.id)).toMatchObject({ status: "PENDING", attempts: 0, holder: null });
    expect(await storefrontCampaign(emulator, SHOP)).toEqual(before);
  });

  it("GIVEN a worker claimed a switch ahead of its instant WHEN that worker dies THEN another takes it over at once, before the lease ends", async () => {
    const { campaign, on } = await plan("Orphaned");
    const worker = await otherWorker(4242);
    const claim = await claimSwitch(on, { holder: 4242, leaseFrom: new Date(Date.now() + 60_000) });
    expect(claim.claimed).toBe(true);
    emulator.clock.advance(HOUR);
    // Alive: its claim stands, nobody else may take the switch.
    expect(await orphanedClaims()).toEqual([]);
    expect(await claimSwitch(on)).toEqual({ claimed: false, reason: "taken" });
    // SIGKILL: the process's connection closes and PostgreSQL drops its lock.
    await worker.end();
    await expect.poll(async () => (await orphanedClaims()).map((c) => c.id)).toEqual([on.id]);
    // The lease would still hold for a minute; the watcher re-queues the switch now.
    expect((await switchById(on.id)).leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await requeueOrphanedClaims()).toBe(1);
    await runQueuedJobs();
    expect(await switchById(on.id)).toMatchObject({ status: "DONE", attempts: 2, wrote: true });
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([campaign.metaobjectHandle]);
  });

  it("GIVEN a live worker holds a switch of a shop WHEN another switch of the shop is claimed THEN it waits, and not once the holder died", async () => {
    const a = await plan("Holder");
    const b = await plan("Second");
    emulator.clock.advance(HOUR);
    const worker = await otherWorker(4343);
    expect((await claimSwitch(a.on, { holder: 4343 })).claimed).toBe(true);
    expect(await claimSwitch(b.on)).toEqual({ claimed: false, reason: "shop-busy" });
    await worker.end();
    await expect.poll(async () => (await claimSwitch(b.on)).claimed).toBe(true);
  });
});
