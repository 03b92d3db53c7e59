import { API_KEY, getJwt } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as homeLoader } from "../../app/routes/app._index";
import { adminRequest, installShop } from "../support/sessions";

const SHOP = "auth-shop.myshopify.com";

beforeAll(async () => {
  await installShop(SHOP);
});

async function thrown(promise: Promise<unknown>): Promise<Response> {
  const outcome = await promise.then(
    () => new Error("expected the request to be rejected"),
    (error: unknown) => error,
  );
  if (!(outcome instanceof Response)) throw outcome;
  return outcome;
}

describe("authenticate.admin on the embedded path", () => {
  it("GIVEN a session token signed with the app secret WHEN loading the home page THEN it answers for that shop", async () => {
    const data = await homeLoader({
      request: await adminRequest(SHOP, "/app"),
      params: {},
      context: {},
    });
    expect(data.shop).toBe(SHOP);
  });

  it("GIVEN a token signed with another secret THEN 401 with the retry header", async () => {
    const request = await adminRequest(SHOP, "/app", { secret: "not-the-app-secret" });
    const response = await thrown(homeLoader({ request, params: {}, context: {} }));
    expect(response.status).toBe(401);
    expect(response.headers.get("X-Shopify-Retry-Invalid-Session-Request")).toBe("1");
  });

  it("GIVEN an expired token THEN 401", async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const { token } = await getJwt("auth-shop", API_KEY, "testApiSecretKey", { exp: past });
    const request = new Request(new URL("/app", process.env.SHOPIFY_APP_URL), {
      headers: { Authorization: `Bearer ${token}` },
    });
    const response = await thrown(homeLoader({ request, params: {}, context: {} }));
    expect(response.status).toBe(401);
  });

  it("GIVEN a token for another app (wrong audience) THEN 401", async () => {
    const { token } = await getJwt("auth-shop", "someone-elses-key", "testApiSecretKey");
    const request = new Request(new URL("/app", process.env.SHOPIFY_APP_URL), {
      headers: { Authorization: `Bearer ${token}` },
    });
    const response = await thrown(homeLoader({ request, params: {}, context: {} }));
    expect(response.status).toBe(401);
  });
});
