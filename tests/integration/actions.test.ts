import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../../app/db.server";
import { redactShop } from "../../app/features/shop/installation.server";
import {
  deleteManualAction,
  endAction,
  getAction,
  listActions,
  recordAction,
} from "../../app/features/insights/actions.server";
import { installShop } from "../support/sessions";

const SHOP = "actions-shop.myshopify.com";
const OTHER = "other-actions.myshopify.com";

beforeAll(async () => {
  await installShop(SHOP);
  await installShop(OTHER);
});

const switchOn = {
  source: "MERCHDESK" as const,
  kind: "homepage.switch_on",
  title: "Black Friday campaign went live",
  startedAt: new Date("2026-11-27T07:00:00Z"),
  actor: "scheduler",
  touched: { collections: ["gid://shopify/Collection/1001"], campaigns: ["campaign-1"] },
};

describe("the action record", () => {
  it("GIVEN a capability's action WHEN recorded THEN it is stored with what it touched", async () => {
    const action = await recordAction(SHOP, switchOn);
    const stored = await getAction(SHOP, action.id);
    expect(stored?.title).toBe(switchOn.title);
    expect(stored?.resources.map((r) => [r.type, r.resourceId]).sort()).toEqual([
      ["CAMPAIGN", "campaign-1"],
      ["COLLECTION", "gid://shopify/Collection/1001"],
    ]);
  });

  it("GIVEN the same external key twice THEN one action is recorded", async () => {
    const input = { ...switchOn, externalKey: "switch:campaign-1:on" };
    const [first, second] = await Promise.all([
      recordAction(SHOP, input),
      recordAction(SHOP, input),
    ]);
    expect(second.id).toBe(first.id);
    expect(await db().action.count({ where: { shop: SHOP, externalKey: input.externalKey } })).toBe(
      1,
    );
  });

  it("GIVEN an end before the start or a malformed GID THEN it is refused with the field named", async () => {
    await expect(
      recordAction(SHOP, { ...switchOn, endedAt: new Date("2026-11-01T00:00:00Z") }),
    ).rejects.toThrow(/endedAt/);
    await expect(
      recordAction(SHOP, { ...switchOn, touched: { products: ["123"] } }),
    ).rejects.toBeInstanceOf(ZodError);
  });

  it("GIVEN another shop THEN it neither reads nor deletes this shop's actions", async () => {
    const action = await recordAction(SHOP, { ...switchOn, source: "MANUAL", kind: "manual" });
    expect(await getAction(OTHER, action.id)).toBeNull();
    expect(await deleteManualAction(OTHER, action.id)).toBe(false);
    expect(await getAction(SHOP, action.id)).not.toBeNull();
  });

  it("GIVEN a Merchdesk action THEN it cannot be deleted as if it were a manual note", async () => {
    const action = await recordAction(SHOP, switchOn);
    expect(await deleteManualAction(SHOP, action.id)).toBe(false);
  });

  it("GIVEN an open range WHEN ended THEN the timeline lists it within its range", async () => {
    const action = await recordAction(SHOP, {
      ...switchOn,
      kind: "homepage.campaign",
      startedAt: new Date("2026-06-01T00:00:00Z"),
    });
    expect(await endAction(SHOP, action.id, new Date("2026-06-15T00:00:00Z"))).toBe(true);
    const june = await listActions(SHOP, {
      from: new Date("2026-06-10T00:00:00Z"),
      to: new Date("2026-06-20T00:00:00Z"),
    });
    expect(june.map((a) => a.id)).toContain(action.id);
    const july = await listActions(SHOP, {
      from: new Date("2026-07-01T00:00:00Z"),
      to: new Date("2026-07-31T00:00:00Z"),
    });
    expect(july.map((a) => a.id)).not.toContain(action.id);
  });

  it("GIVEN shop/redact THEN the shop's actions and their resources are gone", async () => {
    const shop = "redacted-actions.myshopify.com";
    await installShop(shop);
    await recordAction(shop, switchOn);
    await redactShop(shop);
    expect(await db().action.count({ where: { shop } })).toBe(0);
    expect(await db().actionResource.count({ where: { shop } })).toBe(0);
  });
});
