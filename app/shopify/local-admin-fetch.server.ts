import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Routes every Shopify-bound request of @shopify/shopify-api (Admin GraphQL, token exchange) to a
 * local Admin API server — the emulator in the standalone demo and in tests. The shop stays
 * named in `x-shopify-shop-domain`. Nothing else changes: the same client code runs against a
 * real store when no local base is configured.
 */
export function routeShopifyFetchTo(baseUrl: string, realFetch: typeof fetch = globalThis.fetch) {
  const base = new URL(baseUrl);
  const routed = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.hostname.endsWith(".myshopify.com")) return realFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set("x-shopify-shop-domain", url.hostname);
    return realFetch(new URL(url.pathname + url.search, base), { ...init, headers });
  };
  setAbstractFetchFunc(routed as typeof fetch);
}
