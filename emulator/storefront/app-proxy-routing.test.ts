import { afterAll, describe, expect, it } from "vitest";
import { createEmulator } from "../server";

/** The emulator's storefront routes for the app proxy and the extension's assets. */

const forwarded: Request[] = [];
const emulator = createEmulator({
  apiKey: "key",
  appSecret: "secret",
  seed: "empty",
  appProxy: {
    url: "http://app.test/proxy",
    subpath: "merchdesk",
    fetch: async (request) => {
      forwarded.push(request);
      return Response.json({ path: new URL(request.url).pathname });
    },
  },
});
const shop = emulator.createShop({ domain: "routing.myshopify.com", seed: "empty" });
const bare = createEmulator({ apiKey: "key", appSecret: "secret", seed: "empty" });

afterAll(async () => {
  await emulator.close();
  await bare.close();
});

describe("storefront app proxy routes", () => {
  it("GIVEN /apps/merchdesk/… on the shop's host or under the emulator's storefront path THEN it reaches the app signed for that shop", async () => {
    const onHost = await emulator.handle(
      new Request("http://routing.myshopify.com/apps/merchdesk/campaign-preview?token=t"),
    );
    expect(await onHost.json()).toEqual({ path: "/proxy/campaign-preview" });
    const onPath = await emulator.handle(
      new Request(
        `http://127.0.0.1/_emulator/storefront/${shop.domain}/apps/merchdesk/campaign-preview?token=t`,
      ),
    );
    expect(onPath.status).toBe(200);
    for (const request of forwarded) {
      const params = new URL(request.url).searchParams;
      expect(params.get("shop")).toBe(shop.domain);
      expect(params.get("token")).toBe("t");
      expect(params.get("signature")).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("GIVEN an unknown shop, another subpath or no app proxy configured THEN 404 and nothing is forwarded", async () => {
    const before = forwarded.length;
    const paths = [
      "http://127.0.0.1/_emulator/storefront/nobody.myshopify.com/apps/merchdesk/x",
      `http://127.0.0.1/_emulator/storefront/${shop.domain}/apps/other/x`,
    ];
    for (const url of paths) expect((await emulator.handle(new Request(url))).status).toBe(404);
    const unconfigured = await bare.handle(
      new Request(
        `http://127.0.0.1/_emulator/storefront/${bare.defaultShopDomain}/apps/merchdesk/x`,
      ),
    );
    expect(unconfigured.status).toBe(404);
    expect(forwarded.length).toBe(before);
  });

  it("GIVEN the extension's asset URL THEN the script is served; other paths are not", async () => {
    const script = await emulator.handle(
      new Request(
        "http://127.0.0.1/_emulator/extensions/merchdesk-campaigns/assets/merchdesk-preview.js",
      ),
    );
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    for (const path of [
      "/_emulator/extensions/merchdesk-campaigns/assets/..%2F..%2Fpackage.json",
      "/_emulator/extensions/merchdesk-campaigns/blocks/campaign.liquid",
      "/_emulator/extensions/merchdesk-campaigns/assets/missing.js",
    ]) {
      expect((await emulator.handle(new Request(`http://127.0.0.1${path}`))).status).toBe(404);
    }
  });
});
