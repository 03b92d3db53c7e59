import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { loader as campaignLoader } from "../../app/routes/app.homepage.$id";
import { loader as resourcesLoader } from "../../app/routes/app.resources";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { adminRequest } from "../support/sessions";
import { createCampaign, DAY, homepageShop, HOUR, stockholmLocal } from "./homepage-support";

/**
 * The campaign form's resource pickers, server side: picked ids are checked against the store
 * (exists, right kind) with message-key errors, the button link is derived from the picked item,
 * and the in-app picker's collection search answers.
 */

let emulator: Emulator;
const SHOP = "picker-shop.myshopify.com";
let t0: Date;
let collection: { id: string; handle: string; title: string };
let product: { id: string; handle: string };

beforeAll(async () => {
  emulator = startInProcessEmulator();
  const shop = await homepageShop(emulator, SHOP);
  t0 = new Date(Math.ceil((emulator.clock.now().getTime() + 30 * DAY) / HOUR) * HOUR);
  emulator.clock.freeze(t0);
  collection = [...shop.collections.values()].find((c) => c.handle === "jackor")!;
  product = [...shop.products.values()][0]!;
});

afterAll(async () => {
  await emulator.close();
});

let n = 0;
const form = (extra: Record<string, string>) => {
  n += 1;
  return {
    name: `Picked ${n}`,
    startsAt: stockholmLocal(new Date(t0.getTime() + (2 + n) * DAY)),
    endsAt: stockholmLocal(new Date(t0.getTime() + (2 + n) * DAY + HOUR)),
    heading: `Picked ${n}`,
    ...extra,
  };
};

async function errorsOf(response: Response) {
  expect(response.status).toBe(422);
  return ((await response.json()) as { errors: Record<string, { key: string }> }).errors;
}

describe("campaign form pickers", () => {
  it("GIVEN a collection id that does not exist THEN the collection field says so", async () => {
    const errors = await errorsOf(
      await createCampaign(SHOP, form({ collectionId: "gid://shopify/Collection/987654321" })),
    );
    expect(errors).toEqual({ collectionId: { key: "homepage.error.collectionNotFound" } });
  });

  it("GIVEN a product id where a collection belongs THEN it is refused before any lookup", async () => {
    const errors = await errorsOf(await createCampaign(SHOP, form({ collectionId: product.id })));
    expect(errors).toEqual({ collectionId: { key: "homepage.error.collectionId" } });
  });

  it("GIVEN a picked product for the button THEN the link is the product's storefront path", async () => {
    const response = await createCampaign(
      SHOP,
      form({ buttonTargetId: product.id, buttonLink: "/typed" }),
    );
    expect(response.status).toBe(302);
    const saved = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: `Picked ${n}` },
    });
    expect(saved.buttonLink).toBe(`/products/${encodeURIComponent(product.handle)}`);
  });

  it("GIVEN a picked collection for the button and as featured collection THEN both are stored, and the page shows its title", async () => {
    const response = await createCampaign(
      SHOP,
      form({ buttonTargetId: collection.id, collectionId: collection.id }),
    );
    expect(response.status).toBe(302);
    const saved = await db().homepageCampaign.findFirstOrThrow({
      where: { shop: SHOP, name: `Picked ${n}` },
    });
    expect(saved.buttonLink).toBe("/collections/jackor");
    expect(saved.collectionId).toBe(collection.id);
    const page = await campaignLoader({
      request: await adminRequest(SHOP, `/app/homepage/${saved.id}`),
      params: { id: saved.id },
      context: {},
    });
    expect(page.collection).toMatchObject({ id: collection.id, title: collection.title });
  });

  it("GIVEN a product that does not exist as the button's target THEN that field says so", async () => {
    const errors = await errorsOf(
      await createCampaign(SHOP, form({ buttonTargetId: "gid://shopify/Product/987654321" })),
    );
    expect(errors).toEqual({ buttonTargetId: { key: "homepage.error.productNotFound" } });
  });

  it("GIVEN the in-app picker searches collections THEN matching ones come back with titles", async () => {
    const response = (await resourcesLoader({
      request: await adminRequest(
        SHOP,
        `/app/resources?type=collection&query=${encodeURIComponent(collection.title)}`,
      ),
      params: {},
      context: {},
    })) as Response;
    const body = (await response.json()) as { collections: { id: string; title: string }[] };
    expect(body.collections.map((c) => c.id)).toContain(collection.id);
    const unknown = (await resourcesLoader({
      request: await adminRequest(SHOP, "/app/resources?type=shop"),
      params: {},
      context: {},
    })) as Response;
    expect(unknown.status).toBe(400);
  });
});
