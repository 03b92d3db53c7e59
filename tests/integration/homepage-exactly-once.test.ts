import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { claimSwitch } from "../../app/features/homepage/switch-lease.server";
import { gatewayFor, runSwitch, type SwitchRun } from "../../app/features/homepage/switches.server";
import {
  applyLiveState,
  readLiveState,
  StaleLiveStateError,
} from "../../app/features/homepage/storefront-content.server";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import {
  createCampaign,
  DAY,
  homepageShop,
  HOUR,
  runDueSwitches,
  stockholmLocal,
  storefrontCampaign,
} from "./homepage-support";

/** Exactly once by design: one switch per shop at a time, and compare-and-set writes (ADR 031). */

let emulator: Emulator;
const SHOP = "exactly-once-shop.myshopify.com";
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
  await db().homepageCampaign.updateMany({
    where: { shop: SHOP, status: { in: ["SCHEDULED", "LIVE"] } },
    data: { status: "CANCELLED" },
  });
  await db().homepageSwitch.updateMany({
    where: { shop: SHOP, status: { in: ["PENDING", "RUNNING"] } },
    data: { status: "CANCELLED", leaseUntil: null },
  });
});

async function plan(name: string, startInMs: number, endInMs: number) {
  const response = await createCampaign(SHOP, {
    name,
    startsAt: stockholmLocal(new Date(t0.getTime() + startInMs)),
    endsAt: stockholmLocal(new Date(t0.getTime() + endInMs)),
    heading: `${name} heading`,
    text: "Fri frakt",
    buttonLabel: "Handla",
    buttonLink: "/collections/jackor",
    confirmOverlap: "true",
  });
  expect(response.status).toBe(302);
  return db().homepageCampaign.findFirstOrThrow({ where: { shop: SHOP, name } });
}

const switchOf = (campaignId: string, direction: "ON" | "OFF") =>
  db().homepageSwitch.findFirstOrThrow({ where: { shop: SHOP, campaignId, direction } });

/** live_campaign writes the app sent since `from` (rejected compare-and-sets included). */
function liveWrites(from: number) {
  return emulator.shops
    .get(SHOP)!
    .mutationLog.slice(from)
    .filter((entry) =>
      ((entry.variables.metafields ?? []) as { key?: string }[]).some(
        (m) => m.key === "live_campaign",
      ),
    );
}

const outcomes = (runs: SwitchRun[]) => runs.map((run) => run.outcome).sort();

describe("exactly-once switching", () => {
  it("GIVEN two workers run the same switch at once WHEN both finish THEN it is applied once", async () => {
    const campaign = await plan("Twice", HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    const on = await switchOf(campaign.id, "ON");
    const from = emulator.shops.get(SHOP)!.mutationLog.length;
    const runs = await Promise.all([
      runSwitch(SHOP, on.id, { attempt: 0 }),
      runSwitch(SHOP, on.id, { attempt: 0 }),
    ]);
    expect(outcomes(runs)).toEqual(["done", "not-claimed"]);
    expect(liveWrites(from)).toHaveLength(1);
    expect(await switchOf(campaign.id, "ON")).toMatchObject({ status: "DONE", attempts: 1 });
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([campaign.metaobjectHandle]);
  });

  it("GIVEN one campaign ends as the next starts WHEN both switches run at once THEN the shop's switches run one after the other and the page changes once", async () => {
    const first = await plan("First", HOUR, 2 * HOUR);
    const next = await plan("Next", 2 * HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    await runSwitch(SHOP, (await switchOf(first.id, "ON")).id, { attempt: 0 });
    emulator.clock.advance(HOUR);
    const from = emulator.shops.get(SHOP)!.mutationLog.length;
    const [off, on] = await Promise.all([switchOf(first.id, "OFF"), switchOf(next.id, "ON")]);
    const runs = await Promise.all([
      runSwitch(SHOP, off.id, { attempt: 0 }),
      runSwitch(SHOP, on.id, { attempt: 0 }),
    ]);
    expect(outcomes(runs)).toEqual(["done", "done"]);
    // Whichever ran first showed "Next"; the other found it shown and wrote nothing.
    expect(liveWrites(from)).toHaveLength(1);
    const done = await Promise.all([switchOf(first.id, "OFF"), switchOf(next.id, "ON")]);
    expect(done.map((s) => s.wrote).sort()).toEqual([false, true]);
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([next.metaobjectHandle]);
  });

  it("GIVEN a newer campaign already went live WHEN the older one's off switch runs late THEN nothing changes", async () => {
    const older = await plan("Older", HOUR, 2 * HOUR);
    const newer = await plan("Newer", 2 * HOUR, 4 * HOUR);
    emulator.clock.advance(HOUR);
    await runSwitch(SHOP, (await switchOf(older.id, "ON")).id, { attempt: 0 });
    emulator.clock.advance(HOUR + 60_000);
    await runSwitch(SHOP, (await switchOf(newer.id, "ON")).id, { attempt: 0 });
    const from = emulator.shops.get(SHOP)!.mutationLog.length;
    const late = await runSwitch(SHOP, (await switchOf(older.id, "OFF")).id, { attempt: 0 });
    expect(late).toMatchObject({ outcome: "done", wrote: false });
    expect(emulator.shops.get(SHOP)!.mutationLog.slice(from)).toEqual([]);
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([newer.metaobjectHandle]);
  });

  it("GIVEN a run read the live state before another run changed it WHEN it switches off THEN its write is refused", async () => {
    const campaign = await plan("Stale", HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    await runSwitch(SHOP, (await switchOf(campaign.id, "ON")).id, { attempt: 0 });
    const gateway = await gatewayFor(SHOP);
    const stale = await readLiveState(gateway);
    // Another run switches off first.
    expect(await applyLiveState(gateway, stale, null, [])).toBe(true);
    await expect(applyLiveState(gateway, stale, null, [])).rejects.toBeInstanceOf(
      StaleLiveStateError,
    );
    // "Off" is a compare-and-set write of the off marker, never a delete.
    const log = emulator.shops.get(SHOP)!.mutationLog;
    expect(log.flatMap((entry) => entry.fields)).not.toContain("metafieldsDelete");
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([""]);
    // Already off: nothing to write.
    expect(await applyLiveState(gateway, await readLiveState(gateway), null, [])).toBe(false);
  });

  it("GIVEN a worker holds a switch of the shop WHEN another switch of it is claimed THEN it waits until the lease ends", async () => {
    const a = await plan("Held", HOUR, 3 * HOUR);
    // Started earlier: "Held" (the later start) is the one shown once both are on.
    const b = await plan("Waiting", HOUR / 2, 4 * HOUR);
    emulator.clock.advance(HOUR);
    const held = await claimSwitch(await switchOf(a.id, "ON"));
    expect(held.claimed).toBe(true);
    expect(await claimSwitch(await switchOf(b.id, "ON"))).toEqual({
      claimed: false,
      reason: "shop-busy",
    });
    // The holder was SIGKILLed: once its lease has expired the due-check runs both.
    await db().homepageSwitch.updateMany({
      where: { campaignId: a.id, direction: "ON" },
      data: { leaseUntil: new Date(Date.now() - 1000) },
    });
    await runDueSwitches();
    expect((await switchOf(a.id, "ON")).status).toBe("DONE");
    expect((await switchOf(b.id, "ON")).status).toBe("DONE");
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([a.metaobjectHandle]);
  });
});
