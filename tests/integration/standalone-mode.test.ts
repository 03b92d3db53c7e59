import { beforeAll, describe, expect, it } from "vitest";

// This file runs the app in standalone demo mode (the env is read once, on first use).
const DEMO_SHOP = "merchdesk-demo.myshopify.com";
Object.assign(process.env, {
  MERCHDESK_MODE: "standalone",
  SHOPIFY_APP_URL: "http://localhost:3000",
  DEMO_SHOP,
  DEMO_ACCESS_TOKEN: "shpat_demo_token",
});

const { loader: homeLoader } = await import("../../app/routes/app._index");
const { db } = await import("../../app/db.server");

beforeAll(async () => {
  await homeLoader({ request: new Request("http://localhost:3000/app"), params: {}, context: {} });
});

describe("standalone demo mode", () => {
  it("GIVEN a request on localhost THEN it acts for the demo shop without a session token", async () => {
    const data = await homeLoader({
      request: new Request("http://127.0.0.1:3000/app"),
      params: {},
      context: {},
    });
    expect(data.shop).toBe(DEMO_SHOP);
  });

  it("GIVEN the first request THEN the demo shop is installed with the emulator's token", async () => {
    const session = await db().session.findUniqueOrThrow({ where: { id: `offline_${DEMO_SHOP}` } });
    expect(session.accessToken).toBe("shpat_demo_token");
    expect(await db().shop.count({ where: { domain: DEMO_SHOP } })).toBe(1);
  });

  it("GIVEN a request that arrives on a public host name THEN 403", async () => {
    const outcome = await homeLoader({
      request: new Request("http://merchdesk.example.com/app"),
      params: {},
      context: {},
    }).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(403);
  });
});
