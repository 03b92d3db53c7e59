import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import {
  action as campaignAction,
  loader as campaignLoader,
} from "../../app/routes/app.homepage.$id";
import { loader as proxyLoader } from "../../app/routes/proxy.campaign-preview";
import { shopify } from "../../app/shopify/app.server";
import { routeShopifyFetchTo } from "../../app/shopify/local-admin-fetch.server";
import { createEmulator, type Emulator } from "../../emulator/server";
import { adminRequest } from "../support/sessions";
import { createCampaign, DAY, homepageShop, HOUR, stockholmLocal } from "./homepage-support";

/**
 * Storefront preview links (docs/decisions/035-storefront-preview-link.md) end to end through the
 * emulator's storefront: the page carries the block's preview hooks, and the storefront's
 * `/apps/merchdesk/…` goes through the app proxy — signed by the emulator as Shopify signs it,
 * verified by the app with shopify-app-remix — to the app's proxy route.
 */

let emulator: Emulator;
const SHOP = "preview-shop.myshopify.com";
const OTHER = "preview-other.myshopify.com";
let t0: Date;
let campaignId: string;
let otherCampaignId: string;

/** The app's web server, as far as the proxy is concerned: the proxy route's loader. */
async function appHandler(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname !== "/proxy/campaign-preview") return new Response("Not Found", { status: 404 });
  try {
    return await proxyLoader({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeAll(async () => {
  emulator = createEmulator({
    apiKey: API_KEY,
    appSecret: API_SECRET_KEY,
    seed: "empty",
    appProxy: { url: "https://merchdesk.test/proxy", subpath: "merchdesk", fetch: appHandler },
  });
  shopify();
  routeShopifyFetchTo(process.env.SHOPIFY_ADMIN_API_BASE!, (input, init) =>
    emulator.handle(new Request(input instanceof Request ? input : String(input), init)),
  );
  await homepageShop(emulator, SHOP);
  await homepageShop(emulator, OTHER);
  t0 = new Date(Math.ceil((emulator.clock.now().getTime() + 30 * DAY) / HOUR) * HOUR);
  emulator.clock.freeze(t0);
  const collection = [...emulator.shops.get(SHOP)!.collections.values()].find(
    (c) => c.handle === "jackor",
  )!;
  const at = (ms: number) => stockholmLocal(new Date(t0.getTime() + ms));
  await createCampaign(SHOP, {
    name: "Hemlig rea",
    startsAt: at(5 * DAY),
    endsAt: at(6 * DAY),
    heading: "Hemlig rea −40 %",
    text: "Bara i helgen",
    collectionId: collection.id,
  });
  await createCampaign(OTHER, {
    name: "Other",
    startsAt: at(5 * DAY),
    endsAt: at(6 * DAY),
    heading: "Other shop",
  });
  campaignId = (await db().homepageCampaign.findFirstOrThrow({ where: { shop: SHOP } })).id;
  otherCampaignId = (await db().homepageCampaign.findFirstOrThrow({ where: { shop: OTHER } })).id;
});

afterAll(async () => {
  await emulator.close();
});

async function post(shop: string, id: string, intent: string) {
  return (await campaignAction({
    request: await adminRequest(shop, `/app/homepage/${id}`, {
      method: "POST",
      body: new URLSearchParams({ intent }),
    }),
    params: { id },
    context: {},
  })) as Response;
}

async function linkOf(shop: string, id: string) {
  const page = await campaignLoader({
    request: await adminRequest(shop, `/app/homepage/${id}`),
    params: { id },
    context: {},
  });
  return page.previewLink;
}

function tokenOf(url: string): string {
  return new URLSearchParams(new URL(url).hash.slice(1)).get("merchdesk-preview")!;
}

/** What the block's preview script asks the storefront (same origin) for a token. */
async function askProxy(shop: string, token: string, extra = "") {
  const response = await emulator.handle(
    new Request(
      `http://127.0.0.1/_emulator/storefront/${shop}/apps/merchdesk/campaign-preview?token=${encodeURIComponent(token)}${extra}`,
      { headers: { accept: "application/json" } },
    ),
  );
  const body = (await response.json()) as {
    campaign: null | {
      handle: string;
      heading: string;
      text: string;
      collection: { handle: string; products: { handle: string }[] } | null;
    };
  };
  return { status: response.status, body, cacheControl: response.headers.get("cache-control") };
}

describe("storefront preview link", () => {
  let token: string;

  it("GIVEN a scheduled campaign WHEN the merchant creates a link THEN it is the storefront with a secret in the fragment", async () => {
    expect(await linkOf(SHOP, campaignId)).toBeNull();
    expect((await post(SHOP, campaignId, "preview-link")).status).toBe(200);
    const link = (await linkOf(SHOP, campaignId))!;
    const url = new URL(link.url);
    expect(url.pathname).toBe(`/_emulator/storefront/${SHOP}/`);
    expect(url.search).toBe("");
    token = tokenOf(link.url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.expired).toBe(false);
  });

  it("GIVEN the storefront home page THEN the block carries the preview hooks and the script is served", async () => {
    const html = await (
      await emulator.handle(new Request(`http://127.0.0.1/_emulator/storefront/${SHOP}/`))
    ).text();
    expect(html).toContain(
      `data-merchdesk-preview-url="/_emulator/storefront/${SHOP}/apps/merchdesk/campaign-preview"`,
    );
    // The page itself is the normal one: the campaign is not live and the token is nowhere in it.
    expect(html).not.toContain(token);
    const src = /<script src="([^"]*merchdesk-preview\.js)"/.exec(html)![1];
    const script = await emulator.handle(new Request(`http://127.0.0.1${src}`));
    expect(script.status).toBe(200);
    expect(await script.text()).toContain("merchdesk-preview=");
  });

  it("GIVEN the link's token WHEN the block asks the app proxy THEN it gets the campaign, never cached", async () => {
    const answer = await askProxy(SHOP, token);
    expect(answer.status).toBe(200);
    expect(answer.cacheControl).toContain("no-store");
    expect(answer.body.campaign?.heading).toBe("Hemlig rea −40 %");
    expect(answer.body.campaign?.text).toBe("Bara i helgen");
    expect(answer.body.campaign?.collection?.handle).toBe("jackor");
    expect(answer.body.campaign?.collection?.products.length).toBeGreaterThan(0);
  });

  it("GIVEN a wrong or malformed token THEN the proxy answers nothing", async () => {
    const wrong = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await askProxy(SHOP, wrong)).body.campaign).toBeNull();
    expect((await askProxy(SHOP, "short")).status).toBe(404);
  });

  it("GIVEN the token on another shop's storefront THEN it does not open the campaign, even with a forged shop parameter", async () => {
    expect((await askProxy(OTHER, token)).status).toBe(404);
    expect((await askProxy(OTHER, token, `&shop=${SHOP}`)).status).toBe(404);
    // The other shop's own link opens only its own campaign.
    await post(OTHER, otherCampaignId, "preview-link");
    const theirs = tokenOf((await linkOf(OTHER, otherCampaignId))!.url);
    expect((await askProxy(OTHER, theirs)).body.campaign?.heading).toBe("Other shop");
    expect((await askProxy(SHOP, theirs)).status).toBe(404);
  });

  it("GIVEN a request to the proxy route without Shopify's signature THEN it is refused", async () => {
    const forged = new URL("https://merchdesk.test/proxy/campaign-preview");
    forged.search = new URLSearchParams({
      token,
      shop: SHOP,
      timestamp: String(Math.floor(Date.now() / 1000)),
      signature: "0".repeat(64),
    }).toString();
    const response = await appHandler(new Request(forged));
    expect(response.status).toBe(400);
  });

  it("GIVEN a new link THEN the old token stops working; GIVEN it is revoked THEN no token works", async () => {
    await post(SHOP, campaignId, "preview-link");
    const renewed = tokenOf((await linkOf(SHOP, campaignId))!.url);
    expect(renewed).not.toBe(token);
    expect((await askProxy(SHOP, token)).status).toBe(404);
    expect((await askProxy(SHOP, renewed)).status).toBe(200);
    await post(SHOP, campaignId, "revoke-preview-link");
    expect(await linkOf(SHOP, campaignId)).toBeNull();
    expect((await askProxy(SHOP, renewed)).status).toBe(404);
  });

  it("GIVEN a link older than 14 days THEN it has expired", async () => {
    await post(SHOP, campaignId, "preview-link");
    const fresh = tokenOf((await linkOf(SHOP, campaignId))!.url);
    emulator.clock.freeze(new Date(t0.getTime() + 3 * DAY));
    expect((await askProxy(SHOP, fresh)).status).toBe(200);
    // Move the campaign's window out so that only the link's age matters.
    await db().homepageCampaign.update({
      where: { id: campaignId },
      data: { startsAt: new Date(t0.getTime() + 40 * DAY), endsAt: null },
    });
    emulator.clock.freeze(new Date(t0.getTime() + 15 * DAY));
    expect((await askProxy(SHOP, fresh)).status).toBe(404);
    expect((await linkOf(SHOP, campaignId))!.expired).toBe(true);
    emulator.clock.freeze(t0);
  });

  it("GIVEN the campaign is cancelled THEN its link no longer works", async () => {
    await post(SHOP, campaignId, "preview-link");
    const last = tokenOf((await linkOf(SHOP, campaignId))!.url);
    expect((await askProxy(SHOP, last)).status).toBe(200);
    expect((await post(SHOP, campaignId, "cancel")).status).toBe(200);
    expect((await askProxy(SHOP, last)).status).toBe(404);
  });
});
