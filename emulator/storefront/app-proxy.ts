import { createHmac } from "node:crypto";

/**
 * The app proxy (Shopify's "Display dynamic store data with app proxies"): a storefront request
 * to `https://<store>/<prefix>/<subpath>/<rest>?<query>` is forwarded to the app's proxy URL
 * `<url>/<rest>?<query>` with Shopify's parameters added — `shop`, `logged_in_customer_id` (empty
 * for a guest), `path_prefix` (`/<prefix>/<subpath>`), `timestamp` (Unix seconds) and `signature`:
 * the hex HMAC-SHA256, keyed with the app secret, of every other parameter as `key=value` sorted by
 * key and concatenated without separators, a repeated key's values joined with commas. Cookies are
 * not forwarded; the app's answer goes back to the shopper as it is (a Liquid answer, which Shopify
 * would render in the theme, is not emulated).
 */

export interface AppProxyConfig {
  /** The app's proxy URL (shopify.app.toml `[app_proxy] url`). */
  url: string;
  /** `[app_proxy] subpath` and `prefix`: the storefront path is `/<prefix>/<subpath>`. */
  subpath: string;
  prefix?: "apps" | "a" | "community" | "tools";
  /** How requests reach the app (tests route them straight into its handler); default fetch. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The signature Shopify puts on an app proxy request. */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.keys()]
    .sort()
    .map((key) => `${key}=${grouped.get(key)!.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export function proxyPathPrefix(config: AppProxyConfig): string {
  return `/${config.prefix ?? "apps"}/${config.subpath}`;
}

/** The rest of a storefront path under the proxy prefix ("" for the prefix itself), or null. */
export function proxiedRest(config: AppProxyConfig, storefrontPath: string): string | null {
  const prefix = proxyPathPrefix(config);
  if (storefrontPath === prefix) return "";
  return storefrontPath.startsWith(`${prefix}/`) ? storefrontPath.slice(prefix.length) : null;
}

/** The signed request to the app for a storefront request under the proxy prefix. */
export function signedProxyRequest(options: {
  config: AppProxyConfig;
  shopDomain: string;
  rest: string;
  query: URLSearchParams;
  method: string;
  body?: ArrayBuffer;
  contentType?: string | null;
  secret: string;
  /** Unix seconds; the app checks it against its own clock, so this is real time. */
  timestamp: number;
}): Request {
  const target = new URL(options.config.url.replace(/\/$/, "") + options.rest);
  const params = new URLSearchParams(options.query);
  // Shopify's own parameters replace any a shopper adds (they are what the signature vouches for).
  for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"])
    params.delete(key);
  params.set("shop", options.shopDomain);
  params.set("logged_in_customer_id", "");
  params.set("path_prefix", proxyPathPrefix(options.config));
  params.set("timestamp", String(options.timestamp));
  params.set("signature", appProxySignature(params, options.secret));
  target.search = params.toString();
  const headers = new Headers({ "x-forwarded-host": options.shopDomain });
  if (options.contentType) headers.set("content-type", options.contentType);
  return new Request(target, {
    method: options.method,
    headers,
    body: options.method === "GET" || options.method === "HEAD" ? undefined : options.body,
  });
}

const NOT_EMULATED_LIQUID = "not emulated: Liquid app proxy responses (application/liquid)";

/** Forwards a storefront request to the app and relays its answer as Shopify does. */
export async function forwardToAppProxy(
  options: Parameters<typeof signedProxyRequest>[0],
): Promise<Response> {
  const send = options.config.fetch ?? ((request: Request) => fetch(request));
  let answer: Response;
  try {
    answer = await send(signedProxyRequest(options));
  } catch {
    return new Response("Bad Gateway: the app did not answer", {
      status: 502,
      headers: { "content-type": "text/plain" },
    });
  }
  const type = answer.headers.get("content-type") ?? "";
  if (type.startsWith("application/liquid")) {
    return new Response(NOT_EMULATED_LIQUID, {
      status: 501,
      headers: { "content-type": "text/plain" },
    });
  }
  const headers = new Headers(answer.headers);
  headers.delete("set-cookie");
  // fetch has already decoded the body (e.g. the app's gzip): relay it as the plain bytes it is.
  for (const name of ["content-encoding", "content-length", "transfer-encoding", "connection"])
    headers.delete(name);
  return new Response(await answer.arrayBuffer(), { status: answer.status, headers });
}
