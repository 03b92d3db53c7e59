import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { settleBackgroundTasks } from "./bulk/background";
import { FILES_PREFIX, isResultExpired } from "./bulk/files";
import { EmulatorClock } from "./clock";
import { CONTROL_PREFIX, handleControl, type ControlTarget } from "./control";
import { FaultInjector } from "./faults";
import { runAdminGraphql } from "./graphql/admin-request";
import type { EmulatorContext, Resolvers } from "./graphql/context";
import { AccessTokenEndpoint } from "./oauth";
import { adminResolvers } from "./resolvers/index";
import { createJob } from "./resolvers/jobs";
import type { SeedKind } from "./seed/index";
import { loadStateFile, saveStateFile } from "./store/persist";
import { ShopRegistry, type CreateShopRequest } from "./store/registry";
import { nextGid } from "./store/shop";
import type { ShopState } from "./store/types";
import { forwardToAppProxy, proxiedRest, type AppProxyConfig } from "./storefront/app-proxy";
import { extensionAsset, EXTENSIONS_PREFIX } from "./storefront/extension-assets";
import { renderHomePage } from "./storefront/render";
import { WebhookSender } from "./webhooks/sender";

/**
 * The emulator as one request handler (`handle`, for tests that route the app's fetch straight in)
 * and optionally an HTTP server (`listen`). Routes:
 * - `POST /admin/api/2026-10/graphql.json`: the Admin API (shop by `x-shopify-shop-domain` or Host)
 * - `POST /admin/oauth/access_token`: token exchange and refresh
 * - `/_emulator/...`: control API, files (staged uploads, bulk results), storefront
 * - `GET /` on `<shop>.myshopify.com`: the shop's home page
 * - `/apps/<subpath>/…` on the storefront (host or `/_emulator/storefront/<shop>/apps/…`): the
 *   app proxy, forwarded signed to the app (storefront/app-proxy.ts)
 * - `GET /_emulator/extensions/<extension>/assets/<file>`: the app's theme app extension assets
 */

export const API_VERSION = "2026-10";
export const DEFAULT_SHOP_DOMAIN = "merchdesk-demo.myshopify.com";
const INVALID_TOKEN_BODY = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};
const STATUS_TEXT: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export interface EmulatorOptions {
  seed?: SeedKind;
  apiKey: string;
  appSecret: string;
  /** Where webhooks go (all shops); unset = recorded only. */
  webhookUrl?: string;
  defaultShop?: { domain: string; accessToken?: string };
  /** Starts the shopper simulation on the default shop (when the simulation module exists). */
  simulateShoppers?: boolean;
  /** Loads the shops from this file at start when it exists; `saveState()` writes it. */
  statePath?: string;
  /** Base URL handed out in file URLs until `listen` sets the real one. */
  publicUrl?: string;
  /** The app's app proxy (shopify.app.toml `[app_proxy]`); unset = storefront `/apps/…` is 404. */
  appProxy?: AppProxyConfig;
}

export interface Emulator extends ControlTarget {
  readonly options: EmulatorOptions;
  readonly clock: EmulatorClock;
  readonly shops: ShopRegistry;
  readonly webhooks: WebhookSender;
  readonly faults: FaultInjector;
  readonly resolvers: Resolvers;
  readonly defaultShopDomain: string;
  /** Public base URL (set by `listen`). */
  readonly baseUrl: string;
  handle(request: Request): Promise<Response>;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
  /** The resolver context for a shop (also used by background work). */
  contextFor(shop: ShopState): EmulatorContext;
  /** Resolves when background bulk operations have finished and webhooks have been attempted. */
  settle(): Promise<void>;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `<shop>.myshopify.com` from the routing header or the Host, or null. */
export function shopDomainOf(request: Request): string | null {
  const header = request.headers.get("x-shopify-shop-domain");
  if (header) return header.trim().toLowerCase();
  const host = (request.headers.get("host") ?? new URL(request.url).host)
    .split(":")[0]
    .toLowerCase();
  return host.endsWith(".myshopify.com") ? host : null;
}

interface ShopperSimulation {
  stop(): void;
}

type StartSimulation = (
  shop: ShopState,
  ctx: EmulatorContext,
  options?: unknown,
) => ShopperSimulation;

/** The shopper simulation, if its module exists yet (it is built separately). */
async function loadShopperSimulation(): Promise<StartSimulation | null> {
  const url = new URL("./simulation/shoppers.ts", import.meta.url);
  if (!fs.existsSync(url)) return null;
  const module: unknown = await import(url.href);
  const start = (module as { startShopperSimulation?: unknown }).startShopperSimulation;
  return typeof start === "function" ? (start as StartSimulation) : null;
}

class EmulatorImpl implements Emulator {
  readonly clock = new EmulatorClock();
  readonly shops: ShopRegistry;
  readonly faults = new FaultInjector();
  readonly webhooks: WebhookSender;
  readonly resolvers: Resolvers = adminResolvers;
  readonly defaultShopDomain: string;
  baseUrl: string;
  private server: http.Server | null = null;
  private readonly oauth: AccessTokenEndpoint;
  private readonly simulations: ShopperSimulation[] = [];
  private closed = false;

  constructor(readonly options: EmulatorOptions) {
    this.shops = new ShopRegistry(this.clock);
    this.baseUrl = options.publicUrl ?? "http://127.0.0.1";
    this.defaultShopDomain = (options.defaultShop?.domain ?? DEFAULT_SHOP_DOMAIN).toLowerCase();
    this.webhooks = new WebhookSender({
      appSecret: options.appSecret,
      clock: this.clock,
      targetFor: () => options.webhookUrl,
      shouldFail: (shop) => this.faults.takeWebhookFailure(shop.domain),
    });
    this.oauth = new AccessTokenEndpoint({
      apiKey: options.apiKey,
      appSecret: options.appSecret,
      registry: this.shops,
      createShop: (domain) => this.createShop({ domain }),
    });
    this.loadOrSeed();
    if (options.simulateShoppers) void this.startSimulation();
  }

  private loadOrSeed(): void {
    const saved = this.options.statePath ? loadStateFile(this.options.statePath) : null;
    if (saved) {
      this.shops.restore(saved);
      // Work in flight when the state was saved cannot resume.
      for (const shop of saved) {
        for (const op of shop.bulkOperations.values()) {
          if (op.status === "CREATED" || op.status === "RUNNING" || op.status === "CANCELING") {
            op.status = "FAILED";
            op.errorCode = "INTERNAL_SERVER_ERROR";
            op.completedAt = this.clock.nowIso();
          }
        }
      }
    }
    if (!this.shops.get(this.defaultShopDomain)) {
      this.createShop({
        domain: this.defaultShopDomain,
        accessToken: this.options.defaultShop?.accessToken,
        seed: this.options.seed ?? "demo",
      });
    }
  }

  private async startSimulation(): Promise<void> {
    const start = await loadShopperSimulation();
    const shop = this.shops.get(this.defaultShopDomain);
    if (!start || !shop || this.closed) return;
    this.simulations.push(start(shop, this.contextFor(shop)));
  }

  createShop(request: CreateShopRequest): ShopState {
    return this.shops.create(request);
  }

  contextFor(shop: ShopState): EmulatorContext {
    return {
      shop,
      clock: this.clock,
      webhooks: this.webhooks,
      baseUrl: this.baseUrl,
      nextGid,
      createJob: (s, delayMs) => createJob(s, this.clock, delayMs),
    };
  }

  saveState(file = this.options.statePath): string | null {
    if (!file) return null;
    saveStateFile(file, this.shops.list());
    return file;
  }

  async settle(): Promise<void> {
    await settleBackgroundTasks();
    await this.webhooks.flush();
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    try {
      if (path.startsWith(FILES_PREFIX)) return await this.handleFiles(request, path);
      if (path.startsWith("/_emulator/storefront/"))
        return await this.handleStorefront(request, url, path);
      if (path.startsWith(EXTENSIONS_PREFIX)) return extensionAsset(path);
      if (path.startsWith(CONTROL_PREFIX)) return await handleControl(request, this);
      if (path === "/admin/oauth/access_token")
        return await this.oauth.handle(request, shopDomainOf(request));
      const api = path.match(/^\/admin\/api\/([^/]+)\/graphql\.json$/);
      if (api) return await this.handleAdmin(request, api[1]);
      const domain = shopDomainOf(request);
      if (request.method === "GET" && path === "/" && domain) {
        return this.storefront(domain, url.searchParams.get("preview_theme_id"), "");
      }
      if (domain && path.startsWith("/apps/"))
        return await this.appProxy(request, domain, path, url.searchParams);
      return json(404, { errors: "Not Found" });
    } catch (error) {
      console.error("emulator request failed", error);
      return json(500, { errors: "Internal Server Error" });
    }
  }

  private async handleAdmin(request: Request, version: string): Promise<Response> {
    if (version !== API_VERSION) return json(404, { errors: "Not Found" });
    if (request.method !== "POST") return json(405, { errors: "Method Not Allowed" });
    const token = request.headers.get("x-shopify-access-token");
    const named = shopDomainOf(request);
    const shop = named
      ? this.shops.get(named)
      : token
        ? this.shops.byAccessToken(token)
        : undefined;
    if (named && !shop) return json(404, { errors: "Not Found" });
    if (!shop || !token || token !== shop.app.accessToken) return json(401, INVALID_TOKEN_BODY);

    const latency = this.faults.latencyMs(shop.domain);
    if (latency > 0) await sleep(latency);
    const failure = this.faults.takeServerError(shop.domain);
    if (failure) return json(failure, { errors: STATUS_TEXT[failure] ?? "Server Error" });

    let body: unknown;
    const text = await request.text();
    const type = request.headers.get("content-type") ?? "";
    if (type.includes("application/graphql")) {
      body = { query: text };
    } else {
      try {
        body = JSON.parse(text);
      } catch {
        return json(400, { errors: { query: "Required parameter missing or invalid" } });
      }
    }
    const result = await runAdminGraphql({
      body,
      ctx: this.contextFor(shop),
      resolvers: this.resolvers,
      forceThrottle: this.faults.takeThrottle(shop.domain),
    });
    return json(result.status, result.body, {
      "x-shopify-api-version": API_VERSION,
      "x-request-id": crypto.randomUUID(),
    });
  }

  private async handleFiles(request: Request, path: string): Promise<Response> {
    const rest = path.slice(FILES_PREFIX.length);
    const slash = rest.indexOf("/");
    const domain = decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
    const key =
      slash === -1
        ? ""
        : rest
            .slice(slash + 1)
            .split("/")
            .map(decodeURIComponent)
            .join("/");
    const shop = this.shops.get(domain);
    if (!shop) return json(404, { error: `no shop ${domain}` });

    if (request.method === "POST" && !key) {
      const form = await request.formData();
      const formKey = form.get("key");
      const file = form.get("file");
      if (typeof formKey !== "string" || !formKey)
        return json(400, { error: "form field key is required" });
      if (file === null) return json(400, { error: "form field file is required" });
      shop.files.set(formKey, typeof file === "string" ? file : await file.text());
      const status = form.get("success_action_status") === "201" ? 201 : 204;
      if (status === 204) return new Response(null, { status });
      const xml = `<?xml version="1.0" encoding="UTF-8"?><PostResponse><Location>${this.baseUrl}${path}${formKey}</Location><Key>${formKey}</Key></PostResponse>`;
      return new Response(xml, { status, headers: { "content-type": "application/xml" } });
    }
    if (!key) return json(404, { error: "no file key" });
    if (request.method === "PUT") {
      shop.files.set(key, await request.text());
      return new Response(null, { status: 200 });
    }
    if (request.method === "GET" || request.method === "HEAD") {
      const op = [...shop.bulkOperations.values()].find(
        (o) => o.resultKey === key || o.partialResultKey === key,
      );
      if (op && isResultExpired(op, this.clock.now())) {
        return new Response("Request has expired", {
          status: 403,
          headers: { "content-type": "text/plain" },
        });
      }
      const content = shop.files.get(key);
      if (content === undefined) return json(404, { error: `no file ${key}` });
      const type = key.endsWith(".jsonl") ? "application/jsonl" : "application/octet-stream";
      return new Response(request.method === "HEAD" ? null : content, {
        status: 200,
        headers: { "content-type": type, "content-length": String(Buffer.byteLength(content)) },
      });
    }
    return json(405, { error: "use GET, PUT or POST" });
  }

  /** `/_emulator/storefront/<shop>/<path>`: the storefront of a shop without its own host name. */
  private async handleStorefront(request: Request, url: URL, path: string): Promise<Response> {
    const [rawDomain = "", ...rest] = path.slice("/_emulator/storefront/".length).split("/");
    const domain = decodeURIComponent(rawDomain);
    const storefrontPath = `/${rest.join("/")}`;
    if (storefrontPath.startsWith("/apps/"))
      return this.appProxy(request, domain, storefrontPath, url.searchParams);
    const root = `/_emulator/storefront/${encodeURIComponent(domain)}`;
    return this.storefront(domain, url.searchParams.get("preview_theme_id"), root);
  }

  private async appProxy(
    request: Request,
    domain: string,
    storefrontPath: string,
    query: URLSearchParams,
  ): Promise<Response> {
    const config = this.options.appProxy;
    const rest = config ? proxiedRest(config, storefrontPath) : null;
    if (!config || rest === null || !this.shops.get(domain))
      return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
    return forwardToAppProxy({
      config,
      shopDomain: domain,
      rest,
      query,
      method: request.method,
      body:
        request.method === "GET" || request.method === "HEAD"
          ? undefined
          : await request.arrayBuffer(),
      contentType: request.headers.get("content-type"),
      secret: this.options.appSecret,
      // Real time, not the emulator clock: the app checks the timestamp against its own clock.
      timestamp: Math.floor(Date.now() / 1000),
    });
  }

  private storefront(domain: string, previewThemeId: string | null, root: string): Response {
    const shop = this.shops.get(domain);
    if (!shop)
      return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
    const html = renderHomePage(shop, this.clock, {
      ...(previewThemeId ? { previewThemeId } : {}),
      storefrontRoot: root,
    });
    return new Response(html, {
      status: 200,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  }

  listen(port = 0, host = "127.0.0.1"): Promise<{ url: string }> {
    if (this.server) throw new Error("the emulator is already listening");
    const server = http.createServer((req, res) => {
      void this.serveNode(req, res, host);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        const address = server.address() as AddressInfo;
        this.baseUrl = `http://${host}:${address.port}`;
        resolve({ url: this.baseUrl });
      });
    });
  }

  private async serveNode(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    host: string,
  ): Promise<void> {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
      const method = req.method ?? "GET";
      const request = new Request(`http://${req.headers.host ?? host}${req.url ?? "/"}`, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks),
      });
      const response = await this.handle(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      console.error("emulator HTTP adapter failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: "Internal Server Error" }));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const simulation of this.simulations.splice(0)) simulation.stop();
    await settleBackgroundTasks();
    this.webhooks.close();
    const server = this.server;
    this.server = null;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  }
}

/** Creates an emulator with its default shop (loaded from `statePath` or freshly seeded). */
export function createEmulator(options: EmulatorOptions): Emulator {
  return new EmulatorImpl(options);
}
