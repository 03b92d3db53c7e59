import { shopifyApi } from "@shopify/shopify-api";
import "@shopify/shopify-api/adapters/node";
import { describe, expect, it } from "vitest";
import {
  appProxySignature,
  forwardToAppProxy,
  proxiedRest,
  signedProxyRequest,
  type AppProxyConfig,
} from "./app-proxy";

const config: AppProxyConfig = { url: "https://app.example.com/proxy", subpath: "merchdesk" };

describe("app proxy signature", () => {
  it("GIVEN Shopify's documented example THEN the signature is the documented one", () => {
    // shopify.dev "Authenticate app proxies": secret "hush", `extra=1&extra=2` and Shopify's params.
    const params = new URLSearchParams(
      "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555",
    );
    expect(appProxySignature(params, "hush")).toBe(
      "4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb",
    );
  });

  it("GIVEN a forwarded request THEN @shopify/shopify-api's validator accepts it, and rejects a changed one", async () => {
    const api = shopifyApi({
      apiKey: "key",
      apiSecretKey: "secret-1",
      apiVersion: "2026-10" as never,
      hostName: "app.example.com",
      isEmbeddedApp: true,
    });
    const request = signedProxyRequest({
      config,
      shopDomain: "fjallvik.myshopify.com",
      rest: "/campaign-preview",
      query: new URLSearchParams({ token: "abc", shop: "evil.myshopify.com" }),
      method: "GET",
      secret: "secret-1",
      timestamp: Math.floor(Date.now() / 1000),
    });
    const url = new URL(request.url);
    expect(url.pathname).toBe("/proxy/campaign-preview");
    expect(url.searchParams.get("shop")).toBe("fjallvik.myshopify.com");
    expect(url.searchParams.get("path_prefix")).toBe("/apps/merchdesk");
    expect(url.searchParams.get("logged_in_customer_id")).toBe("");
    const valid = await api.utils.validateHmac(url.searchParams, { signator: "appProxy" });
    expect(valid).toBe(true);
    const forged = new URLSearchParams(url.searchParams);
    forged.set("token", "other");
    expect(await api.utils.validateHmac(forged, { signator: "appProxy" })).toBe(false);
  });
});

describe("app proxy routing", () => {
  it("GIVEN storefront paths THEN only those under /apps/<subpath> are proxied", () => {
    expect(proxiedRest(config, "/apps/merchdesk/campaign-preview")).toBe("/campaign-preview");
    expect(proxiedRest(config, "/apps/merchdesk")).toBe("");
    expect(proxiedRest(config, "/apps/merchdesk-other/x")).toBeNull();
    expect(proxiedRest(config, "/collections/all")).toBeNull();
  });

  it("GIVEN the app answers with cookies or Liquid THEN cookies are dropped and Liquid is refused loudly", async () => {
    const forward = (answer: Response) =>
      forwardToAppProxy({
        config: { ...config, fetch: async () => answer },
        shopDomain: "fjallvik.myshopify.com",
        rest: "/x",
        query: new URLSearchParams(),
        method: "GET",
        secret: "s",
        timestamp: 1,
      });
    const json = await forward(
      new Response('{"ok":true}', {
        headers: { "content-type": "application/json", "set-cookie": "a=b" },
      }),
    );
    expect(json.status).toBe(200);
    expect(json.headers.get("set-cookie")).toBeNull();
    expect(await json.json()).toEqual({ ok: true });
    // A compressed answer arrives decoded through fetch: its encoding header must not survive.
    const gzipped = await forward(
      new Response('{"ok":1}', {
        headers: { "content-type": "application/json", "content-encoding": "gzip" },
      }),
    );
    expect(gzipped.headers.get("content-encoding")).toBeNull();
    const liquid = await forward(
      new Response("{{ shop.name }}", { headers: { "content-type": "application/liquid" } }),
    );
    expect(liquid.status).toBe(501);
  });
});
