import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { afterEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "./server";
import type { ShopState } from "./store/types";

const API_KEY = "test-api-key";
const APP_SECRET = "test-app-secret";
const ADMIN = "https://merchdesk-demo.myshopify.com/admin/api/2026-10/graphql.json";

let emulator: Emulator;

function start(options: Partial<Parameters<typeof createEmulator>[0]> = {}): {
  em: Emulator;
  shop: ShopState;
} {
  emulator = createEmulator({ apiKey: API_KEY, appSecret: APP_SECRET, seed: "empty", ...options });
  emulator.clock.freeze(new Date("2026-11-02T10:00:00Z"));
  return { em: emulator, shop: emulator.shops.get(emulator.defaultShopDomain)! };
}

afterEach(async () => {
  await emulator?.close();
});

async function graphql(
  em: Emulator,
  shop: ShopState,
  query: string,
  variables: Record<string, unknown> = {},
  token = shop.app.accessToken,
): Promise<{
  status: number;
  body: Record<string, unknown> & { errors?: Record<string, unknown>[] };
}> {
  const response = await em.handle(
    new Request(ADMIN.replace("merchdesk-demo.myshopify.com", shop.domain), {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-access-token": token },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function control(em: Emulator, method: string, route: string, body?: unknown) {
  const response = await em.handle(
    new Request(`http://127.0.0.1/_emulator/${route}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function tokenRequest(em: Emulator, params: Record<string, string>, form = false) {
  const response = await em.handle(
    new Request("https://fresh-shop.myshopify.com/admin/oauth/access_token", {
      method: "POST",
      headers: { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" },
      body: form ? new URLSearchParams(params).toString() : JSON.stringify(params),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const exchangeParams = (subjectToken: string, expiring = "0") => ({
  client_id: API_KEY,
  client_secret: APP_SECRET,
  grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
  subject_token: subjectToken,
  subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
  requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
  expiring,
});

describe("Admin API authentication", () => {
  it("GIVEN no access token WHEN the Admin API is called THEN 401 with Shopify's body", async () => {
    const { em, shop } = start();
    const result = await graphql(em, shop, "{ shop { id } }", {}, "");
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
  });

  it("GIVEN another shop's token WHEN the Admin API is called THEN 401", async () => {
    const { em, shop } = start();
    const other = em.createShop({ domain: "other.myshopify.com", accessToken: "shpat_other" });
    expect((await graphql(em, shop, "{ shop { id } }", {}, other.app.accessToken)).status).toBe(
      401,
    );
  });

  it("GIVEN an unknown API version WHEN called THEN 404", async () => {
    const { em, shop } = start();
    const response = await em.handle(
      new Request("https://merchdesk-demo.myshopify.com/admin/api/2019-01/graphql.json", {
        method: "POST",
        headers: {
          "x-shopify-access-token": shop.app.accessToken,
          "content-type": "application/json",
        },
        body: JSON.stringify({ query: "{ shop { id } }" }),
      }),
    );
    expect(response.status).toBe(404);
  });
});

describe("Admin API requests", () => {
  it("GIVEN a field that does not exist WHEN queried THEN graphql-js's validation error with locations", async () => {
    const { em, shop } = start();
    const { body } = await graphql(em, shop, "{\n  shop { zzzzqqq }\n}");
    expect(body.errors).toEqual([
      {
        message: 'Cannot query field "zzzzqqq" on type "Shop".',
        locations: [{ line: 2, column: 10 }],
      },
    ]);
    expect(body.extensions).toHaveProperty("cost.throttleStatus.maximumAvailable", 2000);
  });

  it("GIVEN a @oneOf input with two keys WHEN sent THEN it is rejected before execution", async () => {
    const { em, shop } = start();
    const { body } = await graphql(
      em,
      shop,
      `
        {
          collectionByIdentifier(identifier: { id: "gid://shopify/Collection/1", handle: "x" }) {
            id
          }
        }
      `,
    );
    expect(body.errors?.[0]?.message).toBe(
      'OneOf Input Object "CollectionIdentifierInput" must specify exactly one key.',
    );
    expect(body).not.toHaveProperty("data");
  });

  it("GIVEN the shop query WHEN run THEN shop fields and cost come back", async () => {
    const { em, shop } = start();
    const { body } = await graphql(
      em,
      shop,
      "{ shop { myshopifyDomain currencyCode plan { shopifyPlus } } }",
    );
    expect(body.data).toEqual({
      shop: {
        myshopifyDomain: "merchdesk-demo.myshopify.com",
        currencyCode: "SEK",
        plan: { shopifyPlus: false },
      },
    });
    expect(body.extensions).toEqual({
      cost: {
        requestedQueryCost: 2,
        actualQueryCost: 2,
        throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1998, restoreRate: 100 },
      },
    });
  });

  it("GIVEN a query over the max cost WHEN sent THEN MAX_COST_EXCEEDED and nothing is charged", async () => {
    const { em, shop } = start();
    const { body } = await graphql(
      em,
      shop,
      "{ products(first: 250) { nodes { id variants(first: 10) { nodes { id } } } } }",
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: "MAX_COST_EXCEEDED",
      cost: 2 + 250 * 13,
      maxCost: 1000,
      documentation: "https://shopify.dev/api/usage/rate-limits",
    });
    expect(body.errors?.[0]?.message).toMatch(
      /^Query cost is 3252, which exceeds the single query max cost limit \(1000\)\./,
    );
    expect(shop.bucket.currentlyAvailable).toBe(2000);
  });

  it("GIVEN a missing scope WHEN the root field is queried THEN ACCESS_DENIED with the required access", async () => {
    const { em, shop } = start();
    shop.app.scopes = shop.app.scopes.filter((s) => !s.endsWith("_themes"));
    const { body } = await graphql(em, shop, "{ themes(first: 1) { nodes { id } } }");
    expect(body.errors).toEqual([
      {
        message: "Access denied for themes field. Required access: `read_themes` access scope.",
        locations: [{ line: 1, column: 3 }],
        path: ["themes"],
        extensions: {
          code: "ACCESS_DENIED",
          documentation: "https://shopify.dev/api/usage/access-scopes",
          requiredAccess: "`read_themes` access scope.",
        },
      },
    ]);
  });

  it("GIVEN a write scope WHEN the matching read field is queried THEN access is granted", async () => {
    const { em, shop } = start();
    shop.app.scopes = ["write_themes"];
    const { body } = await graphql(em, shop, "{ themes(first: 1) { nodes { id } } }");
    expect(body.errors).toBeUndefined();
  });

  it("GIVEN a burst of mutations WHEN the bucket runs dry THEN THROTTLED appears in the platform's shape", async () => {
    const { em, shop } = start();
    const mutation = "mutation { stagedUploadsCreate(input: []) { userErrors { message } } }";
    let throttled: Record<string, unknown> | undefined;
    for (let i = 0; i < 400 && !throttled; i++) {
      const { body } = await graphql(em, shop, mutation);
      if (body.errors) throttled = body;
    }
    expect(throttled).toMatchObject({
      errors: [
        {
          message: "Throttled",
          extensions: {
            code: "THROTTLED",
            documentation: "https://shopify.dev/api/usage/rate-limits",
          },
        },
      ],
      extensions: { cost: { requestedQueryCost: 10, actualQueryCost: null } },
    });
  });

  it("GIVEN a mutation WHEN it runs THEN it is in the mutation log with its variables", async () => {
    const { em, shop } = start();
    await graphql(
      em,
      shop,
      "mutation Upload($i: [StagedUploadInput!]!) { stagedUploadsCreate(input: $i) { userErrors { message } } }",
      {
        i: [],
      },
    );
    const { body } = await control(em, "GET", `shops/${shop.domain}/mutations`);
    expect(body.mutations).toEqual([
      {
        at: "2026-11-02T10:00:00.000Z",
        operationName: "Upload",
        fields: ["stagedUploadsCreate"],
        variables: { i: [] },
      },
    ]);
  });
});

describe("jobs", () => {
  it("GIVEN a job due in 5 s WHEN polled before and after the clock moves THEN done flips and query resolves", async () => {
    const { em, shop } = start();
    const id = em.contextFor(shop).createJob(shop, 5000);
    const poll = `query($id: ID!) { job(id: $id) { id done query { shop { id } } } }`;
    const before = await graphql(em, shop, poll, { id });
    expect(before.body.data).toEqual({ job: { id, done: false, query: null } });
    await control(em, "POST", "clock/advance", { ms: 5000 });
    const after = await graphql(em, shop, poll, { id });
    expect(after.body.data).toEqual({ job: { id, done: true, query: { shop: { id: shop.id } } } });
  });
});

describe("token exchange", () => {
  it("GIVEN a valid session token for a new shop WHEN exchanged THEN the shop is created and its token returned", async () => {
    const { em } = start();
    const { token } = await getJwt("fresh-shop", API_KEY, APP_SECRET);
    const result = await tokenRequest(em, exchangeParams(token));
    const shop = em.shops.get("fresh-shop.myshopify.com");
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      access_token: shop?.app.accessToken,
      scope: shop?.app.scopes.join(","),
    });
  });

  it("GIVEN expiring=1 as a form body WHEN exchanged THEN a refresh token is issued and can be used", async () => {
    const { em } = start();
    const { token } = await getJwt("fresh-shop", API_KEY, APP_SECRET);
    const first = await tokenRequest(em, exchangeParams(token, "1"), true);
    expect(first.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7_776_000 });
    const refreshed = await tokenRequest(em, {
      client_id: API_KEY,
      client_secret: APP_SECRET,
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).toBe(first.body.access_token);
  });

  it("GIVEN a token signed with another secret WHEN exchanged THEN 400 invalid_subject_token", async () => {
    const { em } = start();
    const { token } = await getJwt("fresh-shop", API_KEY, "not-the-secret");
    const result = await tokenRequest(em, exchangeParams(token));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_subject_token");
    expect(em.shops.get("fresh-shop.myshopify.com")).toBeUndefined();
  });

  it("GIVEN an expired session token WHEN exchanged THEN 400", async () => {
    const { em } = start();
    const { token } = await getJwt("fresh-shop", API_KEY, APP_SECRET, {
      exp: Date.now() / 1000 - 120,
    });
    expect((await tokenRequest(em, exchangeParams(token))).status).toBe(400);
  });

  it("GIVEN a wrong client secret WHEN exchanged THEN 401 invalid_client", async () => {
    const { em } = start();
    const { token } = await getJwt("fresh-shop", API_KEY, APP_SECRET);
    const result = await tokenRequest(em, { ...exchangeParams(token), client_secret: "nope" });
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
  });
});

describe("control API", () => {
  it("GIVEN a frozen clock WHEN advanced by an hour THEN it reports the new time", async () => {
    const { em } = start();
    const { body } = await control(em, "POST", "clock/advance", { ms: 3_600_000 });
    expect(body).toEqual({ now: "2026-11-02T11:00:00.000Z", frozen: true });
  });

  it("GIVEN a negative advance WHEN posted THEN 400 with the reason", async () => {
    const { em } = start();
    const { status, body } = await control(em, "POST", "clock/advance", { ms: -1 });
    expect(status).toBe(400);
    expect(body.error).toMatch(/ms/);
  });

  it("GIVEN a clock WHEN frozen at an instant and unfrozen THEN it reports each state", async () => {
    const { em } = start();
    expect(
      (await control(em, "POST", "clock/freeze", { at: "2027-01-01T00:00:00Z" })).body,
    ).toEqual({
      now: "2027-01-01T00:00:00.000Z",
      frozen: true,
    });
    expect((await control(em, "POST", "clock/unfreeze")).body.frozen).toBe(false);
  });

  it("GIVEN two server-error faults WHEN three requests follow THEN two fail with 503 and the third succeeds", async () => {
    const { em, shop } = start();
    await control(em, "POST", `shops/${shop.domain}/faults`, { serverErrors: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await graphql(em, shop, "{ shop { id } }")).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it("GIVEN a forced throttle fault WHEN a cheap query is sent THEN it is THROTTLED once", async () => {
    const { em, shop } = start();
    await control(em, "POST", `shops/${shop.domain}/faults`, { throttle: 1 });
    const first = await graphql(em, shop, "{ shop { id } }");
    const second = await graphql(em, shop, "{ shop { id } }");
    expect(first.body.errors?.[0]?.extensions).toMatchObject({ code: "THROTTLED" });
    expect(second.body.errors).toBeUndefined();
  });

  it("GIVEN an unknown fault name WHEN posted THEN 400", async () => {
    const { em, shop } = start();
    expect(
      (await control(em, "POST", `shops/${shop.domain}/faults`, { explode: true })).status,
    ).toBe(400);
  });

  it("GIVEN a new shop request WHEN posted THEN the shop exists with its plan's bucket", async () => {
    const { em } = start();
    const { status, body } = await control(em, "POST", "shops", {
      domain: "plus.myshopify.com",
      plan: "PLUS",
    });
    expect(status).toBe(201);
    expect(body.shop).toMatchObject({ domain: "plus.myshopify.com", plan: "PLUS" });
    expect(em.shops.get("plus.myshopify.com")?.bucket.maximumAvailable).toBe(20000);
  });

  it("GIVEN a compliance topic WHEN triggered THEN a delivery with the platform's payload is recorded", async () => {
    const { em, shop } = start();
    const { status } = await control(em, "POST", `shops/${shop.domain}/webhooks`, {
      topic: "shop/redact",
    });
    expect(status).toBe(202);
    const deliveries = em.webhooks.deliveries(shop.domain);
    expect(deliveries.at(-1)).toMatchObject({
      topic: "shop/redact",
      payload: { shop_id: 1, shop_domain: "merchdesk-demo.myshopify.com" },
    });
  });
});

describe("state file", () => {
  it("GIVEN a saved state WHEN a new emulator starts from it THEN shops, tokens and Maps come back", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emulator-state-")), "state.json");
    const first = createEmulator({
      apiKey: API_KEY,
      appSecret: APP_SECRET,
      seed: "empty",
      statePath: file,
    });
    first.createShop({
      domain: "saved.myshopify.com",
      accessToken: "shpat_saved",
      plan: "ADVANCED",
    });
    first.shops.get("saved.myshopify.com")!.files.set("tmp/x", "hello");
    first.saveState();
    void first.close();
    emulator = createEmulator({
      apiKey: API_KEY,
      appSecret: APP_SECRET,
      seed: "empty",
      statePath: file,
    });
    const restored = emulator.shops.get("saved.myshopify.com");
    expect(restored?.app.accessToken).toBe("shpat_saved");
    expect(restored?.plan).toBe("ADVANCED");
    expect(restored?.files).toBeInstanceOf(Map);
    expect(restored?.files.get("tmp/x")).toBe("hello");
    const theme = [...emulator.shops.get(emulator.defaultShopDomain)!.themes.values()][0];
    expect(theme?.files).toBeInstanceOf(Map);
  });
});
