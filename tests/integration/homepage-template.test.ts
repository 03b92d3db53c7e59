import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storedAlertText } from "../../app/features/homepage/campaign-alert";
import { translate, type MessageKey, type Vars } from "../../app/i18n";
import { db } from "../../app/db.server";
import { action as campaignAction } from "../../app/routes/app.homepage.$id";
import type { Emulator } from "../../emulator/server";
import type { ShopState } from "../../emulator/store/types";
import { startInProcessEmulator } from "../support/emulator";
import { adminRequest } from "../support/sessions";
import {
  createCampaign,
  DAY,
  homepageShop,
  HOUR,
  runDueSwitches,
  stockholmLocal,
} from "./homepage-support";

let emulator: Emulator;

/** The alert as a Swedish merchant reads it. */
const inSwedish = (alert: unknown) =>
  storedAlertText(alert, (key: MessageKey, vars?: Vars) => translate("sv", key, vars));
const ALLOWED = "theme-writer.myshopify.com";
const DENIED = "no-theme-writes.myshopify.com";
let t0: Date;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  await homepageShop(emulator, ALLOWED, { withBlock: false, themeWriteExemption: true });
  await homepageShop(emulator, DENIED, { withBlock: false, themeWriteExemption: false });
  t0 = new Date(Math.ceil((emulator.clock.now().getTime() + 30 * DAY) / HOUR) * HOUR);
  emulator.clock.freeze(t0);
});

afterAll(async () => {
  await emulator.close();
});

const themes = (shop: string) => [...emulator.shops.get(shop)!.themes.values()];
const liveIndex = (shop: string) =>
  themes(shop)
    .find((t) => t.role === "MAIN")!
    .files.get("templates/index.json")!.content;
const draft = (shop: string) => themes(shop).find((t) => t.role === "UNPUBLISHED")!;

async function planTemplate(shop: string, name: string, start: number, end: number) {
  const response = await createCampaign(shop, {
    name,
    mode: "TEMPLATE",
    sourceThemeId: draft(shop).id,
    startsAt: stockholmLocal(new Date(t0.getTime() + start)),
    endsAt: stockholmLocal(new Date(t0.getTime() + end)),
  });
  expect(response.status).toBe(302);
  return db().homepageCampaign.findFirstOrThrow({ where: { shop, name } });
}

function editLiveIndex(shopState: ShopState, edit: (text: string) => string) {
  const file = [...shopState.themes.values()]
    .find((t) => t.role === "MAIN")!
    .files.get("templates/index.json")!;
  file.content = edit(file.content);
}

describe("template mode", () => {
  it("GIVEN a store without theme write permission WHEN a template campaign is planned THEN pre-flight says so", async () => {
    const campaign = await planTemplate(DENIED, "Denied", HOUR, 2 * HOUR);
    const codes = (campaign.preflight as { warnings: { code: string }[] }).warnings.map(
      (w) => w.code,
    );
    expect(codes).toEqual(["THEME_PERMISSION_MISSING"]);
  });

  it("GIVEN no theme permission WHEN the start comes THEN the switch fails at once with the reason and the live page is untouched", async () => {
    const before = liveIndex(DENIED);
    const campaign = await db().homepageCampaign.findFirstOrThrow({ where: { shop: DENIED } });
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    emulator.clock.freeze(t0);
    const on = await db().homepageSwitch.findFirstOrThrow({
      where: { campaignId: campaign.id, direction: "ON" },
    });
    expect(on.status).toBe("FAILED");
    expect(on.error).toMatch(/may not write theme files/);
    expect(liveIndex(DENIED)).toBe(before);
  });

  it("GIVEN theme permission WHEN the start comes THEN the draft's home page (header included) is live, and at the end the previous one is back byte for byte", async () => {
    const previous = liveIndex(ALLOWED);
    const campaignPage = draft(ALLOWED).files.get("templates/index.json")!.content;
    const campaign = await planTemplate(ALLOWED, "Black Week page", HOUR, 2 * HOUR);
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    expect(liveIndex(ALLOWED)).toBe(campaignPage);
    const on = await db().homepageSwitch.findFirstOrThrow({
      where: { campaignId: campaign.id, direction: "ON" },
    });
    expect(on).toMatchObject({ status: "DONE", verifiedOk: true });
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    expect(liveIndex(ALLOWED)).toBe(previous);
  });

  it("GIVEN the merchant edited the live home page during the campaign WHEN it ends THEN their edit is kept and they are asked", async () => {
    const base = 10 * DAY;
    emulator.clock.freeze(new Date(t0.getTime() + base - HOUR));
    const previous = liveIndex(ALLOWED);
    const campaign = await planTemplate(ALLOWED, "Edited meanwhile", base, base + 2 * HOUR);
    emulator.clock.advance(HOUR);
    await runDueSwitches();
    editLiveIndex(emulator.shops.get(ALLOWED)!, (text) =>
      text.replace("Black Week", "Black Week EXTRA"),
    );
    const edited = liveIndex(ALLOWED);
    emulator.clock.advance(2 * HOUR);
    await runDueSwitches();
    expect(liveIndex(ALLOWED)).toBe(edited);
    const record = await db().homepageCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(record.alert).toEqual({ code: "template_drift", vars: {} });
    expect(inSwedish(record.alert)).toMatch(/ändrades medan kampanjen pågick/);
    expect(
      await db().homepageSnapshot.count({ where: { campaignId: campaign.id, kind: "DRIFTED" } }),
    ).toBe(1);

    const response = (await campaignAction({
      request: await adminRequest(ALLOWED, `/app/homepage/${campaign.id}`, {
        method: "POST",
        body: new URLSearchParams({ intent: "restore-previous" }),
      }),
      params: { id: campaign.id },
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    expect(liveIndex(ALLOWED)).toBe(previous);
  });
});
