import { z } from "zod";
import type { EmulatorClock } from "./clock";
import type { FaultInjector } from "./faults";
import type { CreateShopRequest, ShopRegistry } from "./store/registry";
import { ShopRegistryError } from "./store/registry";
import type { ShopState } from "./store/types";
import type { WebhookSender } from "./webhooks/sender";

/**
 * The control API under `/_emulator/` for tests and the demo: shops (create, reset, plan, scopes),
 * the clock, faults, the mutation log, webhook deliveries and on-demand webhooks. JSON in and out;
 * mistakes answer 4xx with `{"error": "..."}`.
 */

export interface ControlTarget {
  clock: EmulatorClock;
  shops: ShopRegistry;
  faults: FaultInjector;
  webhooks: WebhookSender;
  createShop(request: CreateShopRequest): ShopState;
  /** Saves the state file, when the emulator has one. */
  saveState(file?: string): string | null;
}

export const CONTROL_PREFIX = "/_emulator/";

const seedKind = z.enum(["demo", "empty", "large"]);
const plan = z.enum(["BASIC", "STANDARD", "ADVANCED", "PLUS"]);

const createShopBody = z
  .object({
    domain: z.string().min(1),
    name: z.string().optional(),
    accessToken: z.string().min(1).optional(),
    plan: plan.optional(),
    scopes: z.array(z.string()).optional(),
    themeWriteExemption: z.boolean().optional(),
    currencyCode: z.string().length(3).optional(),
    ianaTimezone: z.string().optional(),
    seed: seedKind.optional(),
  })
  .strict();

const patchShopBody = z
  .object({
    plan: plan.optional(),
    scopes: z.array(z.string()).optional(),
    themeWriteExemption: z.boolean().optional(),
  })
  .strict();

const faultsBody = z
  .object({
    serverErrors: z.number().int().min(0).optional(),
    serverErrorStatus: z.number().int().min(500).max(599).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    throttle: z.number().int().min(0).optional(),
    webhookFailures: z.number().int().min(0).optional(),
  })
  .strict();

const advanceBody = z.object({ ms: z.number().int().min(0) }).strict();
const freezeBody = z.object({ at: z.string().datetime({ offset: true }).optional() }).strict();
const resetBody = z.object({ seed: seedKind.optional() }).strict();
const webhookBody = z
  .object({ topic: z.string().min(1), payload: z.record(z.unknown()).optional() })
  .strict();

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

async function body<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = await request.text();
  let value: unknown = {};
  if (text.trim()) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError(400, "body must be JSON");
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  return parsed.data;
}

export function shopSummary(shop: ShopState): Record<string, unknown> {
  return {
    domain: shop.domain,
    id: shop.id,
    name: shop.name,
    plan: shop.plan,
    accessToken: shop.app.accessToken,
    scopes: shop.app.scopes,
    themeWriteExemption: shop.app.themeWriteExemption,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    counts: {
      products: shop.products.size,
      collections: shop.collections.size,
      themes: shop.themes.size,
      orders: shop.orders.length,
      bulkOperations: shop.bulkOperations.size,
    },
    bucket: shop.bucket,
  };
}

function numericId(gid: string): number {
  return Number(gid.split("/").pop()) || 0;
}

/** Payloads shaped like the platform's for the topics tests trigger by hand. */
export function defaultWebhookPayload(
  shop: ShopState,
  topic: string,
  now: Date,
): Record<string, unknown> | null {
  const shopId = numericId(shop.id);
  const customer = { id: 1001, email: "customer@example.com", phone: "+46700000000" };
  switch (topic) {
    case "customers/data_request":
      return {
        shop_id: shopId,
        shop_domain: shop.domain,
        orders_requested: shop.orders.slice(0, 3).map((o) => numericId(o.id)),
        customer,
        data_request: { id: 9001 },
      };
    case "customers/redact":
      return {
        shop_id: shopId,
        shop_domain: shop.domain,
        customer,
        orders_to_redact: shop.orders.slice(0, 3).map((o) => numericId(o.id)),
      };
    case "shop/redact":
      return { shop_id: shopId, shop_domain: shop.domain };
    case "app/uninstalled":
      return {
        id: shopId,
        name: shop.name,
        email: shop.email,
        domain: shop.domain,
        myshopify_domain: shop.domain,
        shop_owner: "Shop Owner",
        plan_name: shop.plan.toLowerCase(),
        plan_display_name:
          shop.plan === "PLUS" ? "Shopify Plus" : shop.plan[0] + shop.plan.slice(1).toLowerCase(),
        currency: shop.currencyCode,
        iana_timezone: shop.ianaTimezone,
        country_code: "SE",
        created_at: new Date(now.getTime() - 365 * 86_400_000).toISOString(),
        updated_at: now.toISOString(),
      };
    default:
      return null;
  }
}

type Route = (
  request: Request,
  match: RegExpMatchArray,
  target: ControlTarget,
) => Promise<Response> | Response;

const routes: [string, RegExp, Route][] = [
  ["GET", /^health$/, () => json(200, { ok: true })],
  ["GET", /^shops$/, (_r, _m, t) => json(200, { shops: t.shops.list().map(shopSummary) })],
  [
    "POST",
    /^shops$/,
    async (r, _m, t) =>
      json(201, { shop: shopSummary(t.createShop(await body(r, createShopBody))) }),
  ],
  [
    "GET",
    /^shops\/([^/]+)$/,
    (_r, m, t) => json(200, { shop: shopSummary(t.shops.require(m[1])) }),
  ],
  [
    "PATCH",
    /^shops\/([^/]+)$/,
    async (r, m, t) => {
      const patch = await body(r, patchShopBody);
      let shop = t.shops.require(m[1]);
      if (patch.plan) shop = t.shops.setPlan(shop.domain, patch.plan);
      if (patch.scopes) shop = t.shops.setScopes(shop.domain, patch.scopes);
      if (patch.themeWriteExemption !== undefined)
        shop.app.themeWriteExemption = patch.themeWriteExemption;
      return json(200, { shop: shopSummary(shop) });
    },
  ],
  [
    "DELETE",
    /^shops\/([^/]+)$/,
    (_r, m, t) => {
      if (!t.shops.delete(m[1])) throw new HttpError(404, `no shop ${m[1]}`);
      t.faults.clear(m[1]);
      return json(200, { deleted: m[1] });
    },
  ],
  [
    "POST",
    /^shops\/([^/]+)\/reset$/,
    async (r, m, t) => {
      const { seed } = await body(r, resetBody);
      return json(200, { shop: shopSummary(t.shops.reset(m[1], seed)) });
    },
  ],
  [
    "POST",
    /^shops\/([^/]+)\/plan$/,
    async (r, m, t) => {
      const parsed = await body(r, z.object({ plan }).strict());
      return json(200, { shop: shopSummary(t.shops.setPlan(m[1], parsed.plan)) });
    },
  ],
  [
    "POST",
    /^shops\/([^/]+)\/scopes$/,
    async (r, m, t) => {
      const parsed = await body(r, z.object({ scopes: z.array(z.string()) }).strict());
      return json(200, { shop: shopSummary(t.shops.setScopes(m[1], parsed.scopes)) });
    },
  ],
  [
    "GET",
    /^shops\/([^/]+)\/faults$/,
    (_r, m, t) => json(200, { faults: t.faults.get(t.shops.require(m[1]).domain) }),
  ],
  [
    "POST",
    /^shops\/([^/]+)\/faults$/,
    async (r, m, t) => {
      const shop = t.shops.require(m[1]);
      return json(200, { faults: t.faults.set(shop.domain, await body(r, faultsBody)) });
    },
  ],
  [
    "DELETE",
    /^shops\/([^/]+)\/faults$/,
    (_r, m, t) => {
      const shop = t.shops.require(m[1]);
      t.faults.clear(shop.domain);
      return json(200, { faults: t.faults.get(shop.domain) });
    },
  ],
  [
    "GET",
    /^shops\/([^/]+)\/mutations$/,
    (_r, m, t) => json(200, { mutations: t.shops.require(m[1]).mutationLog }),
  ],
  [
    "DELETE",
    /^shops\/([^/]+)\/mutations$/,
    (_r, m, t) => {
      t.shops.require(m[1]).mutationLog.length = 0;
      return json(200, { mutations: [] });
    },
  ],
  [
    "GET",
    /^shops\/([^/]+)\/webhooks$/,
    async (_r, m, t) => {
      const shop = t.shops.require(m[1]);
      return json(200, { deliveries: t.webhooks.deliveries(shop.domain) });
    },
  ],
  [
    "POST",
    /^shops\/([^/]+)\/webhooks$/,
    async (r, m, t) => {
      const shop = t.shops.require(m[1]);
      const { topic, payload } = await body(r, webhookBody);
      const base = defaultWebhookPayload(shop, topic, t.clock.now());
      if (!base && !payload) {
        throw new HttpError(400, `no default payload for ${topic}; pass "payload"`);
      }
      const full = { ...(base ?? {}), ...(payload ?? {}) };
      t.webhooks.emit(shop, topic, full);
      return json(202, { topic, payload: full });
    },
  ],
  ["GET", /^clock$/, (_r, _m, t) => json(200, clockState(t.clock))],
  [
    "POST",
    /^clock\/advance$/,
    async (r, _m, t) => {
      t.clock.advance((await body(r, advanceBody)).ms);
      return json(200, clockState(t.clock));
    },
  ],
  [
    "POST",
    /^clock\/freeze$/,
    async (r, _m, t) => {
      const { at } = await body(r, freezeBody);
      t.clock.freeze(at ? new Date(at) : undefined);
      return json(200, clockState(t.clock));
    },
  ],
  [
    "POST",
    /^clock\/unfreeze$/,
    (_r, _m, t) => {
      t.clock.unfreeze();
      return json(200, clockState(t.clock));
    },
  ],
  [
    "POST",
    /^state\/save$/,
    (_r, _m, t) => {
      const file = t.saveState();
      if (!file) throw new HttpError(409, "the emulator was started without a state file");
      return json(200, { saved: file });
    },
  ],
];

function clockState(clock: EmulatorClock): Record<string, unknown> {
  return { now: clock.nowIso(), frozen: clock.isFrozen() };
}

/** Answers one `/_emulator/...` request. */
export async function handleControl(request: Request, target: ControlTarget): Promise<Response> {
  const path = decodeURIComponent(
    new URL(request.url).pathname.slice(CONTROL_PREFIX.length),
  ).replace(/\/$/, "");
  const matching = routes.filter(([, pattern]) => pattern.test(path));
  if (!matching.length) return json(404, { error: `no control endpoint /_emulator/${path}` });
  const route = matching.find(([method]) => method === request.method);
  if (!route) {
    return json(405, {
      error: `use ${matching.map(([m]) => m).join(" or ")} for /_emulator/${path}`,
    });
  }
  try {
    return await route[2](request, path.match(route[1])!, target);
  } catch (error) {
    if (error instanceof HttpError || error instanceof ShopRegistryError) {
      return json(error.status, { error: error.message });
    }
    if (error instanceof RangeError) return json(400, { error: error.message });
    throw error;
  }
}
