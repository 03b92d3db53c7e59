import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedAlertText } from "../../app/features/homepage/campaign-alert";
import { translate, type MessageKey, type Vars } from "../../app/i18n";
import { db } from "../../app/db.server";
import {
  action as campaignAction,
  loader as campaignLoader,
} from "../../app/routes/app.homepage.$id";
import { loader as overviewLoader } from "../../app/routes/app.homepage._index";
import { recheckPreflight } from "../../app/features/homepage/preflight-recheck.server";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { adminRequest } from "../support/sessions";
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
const SHOP = "planner-shop.myshopify.com";
const OTHER = "other-planner.myshopify.com";
let t0: Date;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  await homepageShop(emulator, SHOP);
  await homepageShop(emulator, OTHER, { withBlock: false });
  t0 = new Date(Math.ceil((emulator.clock.now().getTime() + 30 * DAY) / HOUR) * HOUR);
  emulator.clock.freeze(t0);
});

afterAll(async () => {
  await emulator.close();
});

const at = (ms: number) => stockholmLocal(new Date(t0.getTime() + ms));
const form = (name: string, start: number, end: number | null) => ({
  name,
  startsAt: at(start),
  endsAt: end === null ? "" : at(end),
  heading: name,
});

async function post(shop: string, id: string, body: Record<string, string>) {
  return (await campaignAction({
    request: await adminRequest(shop, `/app/homepage/${id}`, {
      method: "POST",
      body: new URLSearchParams(body),
    }),
    params: { id },
    context: {},
  })) as Response;
}

describe("planning campaigns", () => {
  it("GIVEN an end before the start WHEN saved THEN the answer names the end field with a key a Swedish merchant reads in Swedish", async () => {
    const response = await createCampaign(SHOP, form("Backwards", 2 * DAY, DAY));
    expect(response.status).toBe(422);
    const { errors } = (await response.json()) as { errors: Record<string, { key: MessageKey }> };
    expect(errors).toEqual({ endsAt: { key: "homepage.error.endBeforeStart" } });
    expect(translate("sv", errors.endsAt!.key)).toBe("Slutet måste vara efter starten.");
  });

  it("GIVEN a campaign overlapping another WHEN saved without confirming THEN the overlap is reported and nothing saved", async () => {
    expect((await createCampaign(SHOP, form("Black Week", DAY, 8 * DAY))).status).toBe(302);
    const response = await createCampaign(SHOP, form("Black Friday", 4 * DAY, 5 * DAY));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.overlaps.map((o: { name: string }) => o.name)).toEqual(["Black Week"]);
    expect(await db().homepageCampaign.count({ where: { shop: SHOP, name: "Black Friday" } })).toBe(
      0,
    );
  });

  it("GIVEN the overlap confirmed WHEN saved THEN the campaign is planned", async () => {
    const response = await createCampaign(SHOP, {
      ...form("Black Friday", 4 * DAY, 5 * DAY),
      confirmOverlap: "true",
    });
    expect(response.status).toBe(302);
  });

  it("GIVEN planned campaigns WHEN the overview loads THEN they are listed in the shop's zone", async () => {
    const data = await overviewLoader({
      request: await adminRequest(SHOP, "/app/homepage"),
      params: {},
      context: {},
    });
    expect(data.zone).toBe("Europe/Stockholm");
    expect(data.placement.placed).toBe(true);
    const blackWeek = data.campaigns.find((c) => c.name === "Black Week")!;
    expect(blackWeek.startsLocal).toBe(at(DAY));
  });

  it("GIVEN the block is missing on the live theme WHEN a campaign is saved THEN pre-flight warns", async () => {
    await createCampaign(OTHER, form("Unplaced", DAY, 2 * DAY));
    const campaign = await db().homepageCampaign.findFirstOrThrow({ where: { shop: OTHER } });
    const warnings = (campaign.preflight as { warnings: { code: string }[] }).warnings;
    expect(warnings.map((w) => w.code)).toEqual(["BLOCK_NOT_PLACED"]);
  });

  it("GIVEN an unpublished collection linked WHEN saved THEN pre-flight names it", async () => {
    const collection = [...emulator.shops.get(SHOP)!.collections.values()].find(
      (c) => c.handle === "black-friday",
    )!;
    await createCampaign(SHOP, {
      ...form("With collection", 20 * DAY, 21 * DAY),
      collectionId: collection.id,
    });
    const campaign = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: "With collection" },
    });
    const codes = (campaign.preflight as { warnings: { code: string }[] }).warnings.map(
      (w) => w.code,
    );
    expect(codes).toContain("COLLECTION_UNPUBLISHED");
  });

  it("GIVEN the block was removed after saving WHEN pre-flight runs again before the start THEN the merchant is alerted", async () => {
    await createCampaign(SHOP, form("Recheck", 25 * DAY, 26 * DAY));
    const campaign = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: "Recheck" },
    });
    const live = [...emulator.shops.get(SHOP)!.themes.values()].find((t) => t.role === "MAIN")!;
    const file = live.files.get("templates/index.json")!;
    const withBlock = file.content;
    file.content = file.content.replaceAll("shopify://apps/merchdesk/", "shopify://apps/other/");
    await recheckPreflight(SHOP, campaign.id);
    file.content = withBlock;
    const record = await db().homepageCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(record.alert).toMatchObject({
      code: "preflight_warnings",
      warnings: [{ code: "BLOCK_NOT_PLACED" }],
    });
    expect(inSwedish(record.alert)).toContain(translate("sv", "homepage.warning.BLOCK_NOT_PLACED"));
  });

  it("GIVEN another shop's campaign id WHEN loaded THEN it is not found", async () => {
    const theirs = await db().homepageCampaign.findFirstOrThrow({ where: { shop: OTHER } });
    await expect(
      campaignLoader({
        request: await adminRequest(SHOP, `/app/homepage/${theirs.id}`),
        params: { id: theirs.id },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("GIVEN a live campaign WHEN the merchant ends it early THEN the home page switches back at once", async () => {
    await createCampaign(SHOP, form("Flash sale", 10 * DAY, 12 * DAY));
    const campaign = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: "Flash sale" },
    });
    emulator.clock.advance(10 * DAY);
    await runDueSwitches();
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([campaign.metaobjectHandle]);
    expect((await post(SHOP, campaign.id, { intent: "end-now" })).status).toBe(200);
    expect(await storefrontCampaign(emulator, SHOP)).toEqual([""]);
    const record = await db().homepageCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(record.status).toBe("ENDED");
  });

  it("GIVEN a scheduled campaign WHEN cancelled THEN its switches are cancelled and it never goes live", async () => {
    await createCampaign(SHOP, form("Cancelled", 11 * DAY, 11 * DAY + HOUR));
    const campaign = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: "Cancelled" },
    });
    expect((await post(SHOP, campaign.id, { intent: "cancel" })).status).toBe(200);
    emulator.clock.advance(DAY + HOUR / 2);
    await runDueSwitches();
    expect(await storefrontCampaign(emulator, SHOP)).not.toContain(campaign.metaobjectHandle);
    const switches = await db().homepageSwitch.findMany({ where: { campaignId: campaign.id } });
    expect(switches.map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED"]);
  });
});
