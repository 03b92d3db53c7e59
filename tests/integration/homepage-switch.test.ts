import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { storedAlertText } from "../../app/features/homepage/campaign-alert";
import { translate, type MessageKey, type Vars } from "../../app/i18n";
import { db } from "../../app/db.server";
import { offlineAdmin } from "../../app/shopify/app.server";
import { ShopifyGateway } from "../../app/shopify/gateway.server";
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

let emulator: Emulator;

/** The alert as a Swedish merchant reads it. */
const inSwedish = (alert: unknown) =>
  storedAlertText(alert, (key: MessageKey, vars?: Vars) => translate("sv", key, vars));
const SHOP = "campaign-shop.myshopify.com";
let t0: Date;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  await homepageShop(emulator, SHOP);
});

afterAll(async () => {
  await emulator.close();
});

beforeEach(async () => {
  // Each test plans from a fresh instant well after the previous test's campaigns.
  t0 = new Date(Math.ceil((emulator.clock.now().getTime() + 10 * DAY) / HOUR) * HOUR);
  emulator.clock.freeze(t0);
  await db().homepageCampaign.updateMany({
    where: { shop: SHOP, status: { in: ["SCHEDULED", "LIVE"] } },
    data: { status: "CANCELLED" },
  });
  await db().homepageSwitch.updateMany({
    where: { shop: SHOP, status: "PENDING" },
    data: { status: "CANCELLED" },
  });
});

async function plan(name: string, startInMs: number, endInMs: number | null) {
  const response = await createCampaign(SHOP, {
    name,
    startsAt: stockholmLocal(new Date(t0.getTime() + startInMs)),
    endsAt: endInMs === null ? "" : stockholmLocal(new Date(t0.getTime() + endInMs)),
    heading: `${name} heading`,
    text: "Fri frakt hela veckan",
    buttonLabel: "Handla",
    buttonLink: "/collections/jackor",
  });
  expect(response.status).toBe(302);
  return db().homepageCampaign.findFirstOrThrow({ where: { shop: SHOP, name } });
}

const switchOf = (campaignId: string, direction: "ON" | "OFF") =>
  db().homepageSwitch.findFirstOrThrow({ where: { shop: SHOP, campaignId, direction } });

describe("app-block campaign switching", () => {
  it("GIVEN a planned campaign WHEN its start has not come THEN the storefront shows no campaign", async () => {
    const campaign = await plan("Not yet", HOUR, 2 * HOUR);
    await runDueSwitches();
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([""]);
    expect((await switchOf(campaign.id, "ON")).status).toBe("PENDING");
  });

  it("GIVEN the start comes WHEN the scheduler runs THEN the storefront shows the campaign, verified and recorded", async () => {
    const campaign = await plan("Black Week", HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([campaign.metaobjectHandle]);
    const on = await switchOf(campaign.id, "ON");
    expect(on).toMatchObject({ status: "DONE", verifiedOk: true, late: false });
    const action = await db().action.findFirstOrThrow({ where: { shop: SHOP, id: on.actionId! } });
    expect(action).toMatchObject({ kind: "homepage.switch_on", actor: "scheduler", endedAt: null });
  });

  it("GIVEN a live campaign WHEN its end comes THEN the home page switches back and the action range closes", async () => {
    const campaign = await plan("Weekend", HOUR, 2 * HOUR);
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([""]);
    const off = await switchOf(campaign.id, "OFF");
    expect(off).toMatchObject({ status: "DONE", verifiedOk: true });
    const on = await switchOf(campaign.id, "ON");
    const onAction = await db().action.findUniqueOrThrow({ where: { id: on.actionId! } });
    expect(onAction.endedAt).toEqual(off.appliedAt);
    expect(
      (await db().homepageCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).status,
    ).toBe("ENDED");
  });

  it("GIVEN a switch already applied WHEN it runs again THEN nothing is written twice", async () => {
    const campaign = await plan("Rerun", HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    const writesBefore = emulator.shops.get(SHOP)!.mutationLog.length;
    await db().homepageSwitch.updateMany({
      where: { campaignId: campaign.id, direction: "ON" },
      data: { status: "PENDING" },
    });
    await runDueSwitches();
    const writes = emulator.shops.get(SHOP)!.mutationLog.slice(writesBefore);
    expect(writes.map((w) => w.fields).flat()).not.toContain("metafieldsSet");
    expect((await switchOf(campaign.id, "ON")).wrote).toBe(false);
  });

  it("GIVEN the scheduler was down past the start WHEN it comes back THEN the switch runs at once and says it was late", async () => {
    const campaign = await plan("Late start", HOUR, 10 * HOUR);
    emulator.clock.advance(3 * HOUR);
    await runDueSwitches();
    expect(await switchOf(campaign.id, "ON")).toMatchObject({ status: "DONE", late: true });
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([campaign.metaobjectHandle]);
  });

  it("GIVEN the scheduler was down past both start and end WHEN it comes back THEN the campaign is not switched on", async () => {
    const campaign = await plan("Missed", HOUR, 2 * HOUR);
    emulator.clock.advance(5 * HOUR);
    await runDueSwitches();
    expect((await switchOf(campaign.id, "ON")).status).toBe("SKIPPED");
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([""]);
    const record = await db().homepageCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(record.alert).toEqual({ code: "not_shown_end_passed", vars: {} });
    expect(inSwedish(record.alert)).toMatch(/^Visades inte/);
  });

  it("GIVEN two 5xx answers WHEN the switch runs THEN it is retried and succeeds", async () => {
    const campaign = await plan("Flaky", HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    emulator.faults.set(SHOP, { serverErrors: 2, serverErrorStatus: 503 });
    await runDueSwitches();
    emulator.faults.clear(SHOP);
    expect((await switchOf(campaign.id, "ON")).status).toBe("DONE");
  });

  it("GIVEN Shopify keeps failing WHEN every attempt is used THEN the switch is failed, the merchant alerted and the failure recorded", async () => {
    const campaign = await plan("Broken", HOUR, 3 * HOUR);
    emulator.clock.advance(HOUR);
    emulator.faults.set(SHOP, { serverErrors: 1000, serverErrorStatus: 502 });
    const { runSwitch, SWITCH_ATTEMPTS } =
      await import("../../app/features/homepage/switches.server");
    const on = await switchOf(campaign.id, "ON");
    // The job's backoff between attempts is pg-boss's; here each attempt runs back to back.
    const gateway = new ShopifyGateway(SHOP, await offlineAdmin(SHOP), { wait: async () => {} });
    for (let attempt = 0; attempt < SWITCH_ATTEMPTS; attempt++) {
      await runSwitch(SHOP, on.id, { attempt, gateway }).catch(() => undefined);
    }
    emulator.faults.clear(SHOP);
    expect(await switchOf(campaign.id, "ON")).toMatchObject({ status: "FAILED" });
    const record = await db().homepageCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(record).toMatchObject({ status: "FAILED" });
    expect(record.alert).toMatchObject({ code: "switch_failed_start" });
    expect(inSwedish(record.alert)).toMatch(/^Startbytet misslyckades: .+/);
    expect(await db().action.count({ where: { shop: SHOP, kind: "homepage.switch_failed" } })).toBe(
      1,
    );
  });
});
