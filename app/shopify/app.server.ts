import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  LogSeverity,
  shopifyApp,
  type AdminApiContext,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { Session } from "@shopify/shopify-api";
import { db } from "../db.server";
import { getEnv, isLoopbackHost, type Env } from "../env.server";
import { recordInstallation } from "../features/shop/installation.server";
import { routeShopifyFetchTo } from "./local-admin-fetch.server";
import type { Mode } from "./mode";
import { APP_SCOPES } from "./scopes";

/** The Admin API version Merchdesk is built and tested against. */
export const API_VERSION = ApiVersion.October26;

const LOG_LEVELS = {
  debug: LogSeverity.Debug,
  info: LogSeverity.Info,
  warn: LogSeverity.Warning,
  error: LogSeverity.Error,
} as const;

function createShopifyApp(env: Env) {
  if (env.SHOPIFY_ADMIN_API_BASE) routeShopifyFetchTo(env.SHOPIFY_ADMIN_API_BASE);
  return shopifyApp({
    apiKey: env.SHOPIFY_API_KEY,
    apiSecretKey: env.SHOPIFY_API_SECRET,
    apiVersion: API_VERSION,
    scopes: env.SCOPES?.split(",") ?? [...APP_SCOPES],
    appUrl: env.SHOPIFY_APP_URL,
    authPathPrefix: "/auth",
    sessionStorage: new PrismaSessionStorage(db()),
    distribution: AppDistribution.AppStore,
    isEmbeddedApp: true,
    logger: { level: LOG_LEVELS[env.LOG_LEVEL] },
    future: { unstable_newEmbeddedAuthStrategy: true, expiringOfflineAccessTokens: true },
    hooks: {
      afterAuth: async ({ session }) => {
        await recordInstallation(session.shop, session.scope ?? null);
      },
    },
    ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
  });
}

type ShopifyApp = ReturnType<typeof createShopifyApp>;
let app: ShopifyApp | undefined;

/** The shopifyApp() instance, built once from the validated environment. */
export function shopify(): ShopifyApp {
  app ??= createShopifyApp(getEnv());
  return app;
}

export type AdminClient = AdminApiContext["graphql"];

/** What every authenticated loader and action gets, whichever mode the app runs in. */
export interface AdminContext {
  shop: string;
  mode: Mode;
  graphql: AdminClient;
  /** Who acts: the staff member's id in embedded mode, "demo" in the standalone demo. */
  actor: string;
}

/**
 * The one seam between the two modes. Embedded: Shopify's session-token auth (token exchange,
 * expiring offline tokens). Standalone demo: a fixed demo shop whose Admin API is the local
 * emulator; refused unless explicitly enabled and reached over loopback.
 */
export async function authenticateAdmin(request: Request): Promise<AdminContext> {
  const env = getEnv();
  if (env.MERCHDESK_MODE === "standalone") return authenticateStandalone(request, env);
  const { admin, session, sessionToken } = await shopify().authenticate.admin(request);
  return {
    shop: session.shop,
    mode: "embedded",
    graphql: admin.graphql,
    actor: sessionToken?.sub ? `staff:${sessionToken.sub}` : "staff",
  };
}

let demoInstalled: Promise<void> | undefined;

async function authenticateStandalone(request: Request, env: Env): Promise<AdminContext> {
  if (!isLoopbackHost(new URL(request.url).hostname)) {
    throw new Response("The standalone demo only answers on localhost.", { status: 403 });
  }
  demoInstalled ??= installDemoShop(env).catch((error: unknown) => {
    demoInstalled = undefined;
    throw error;
  });
  await demoInstalled;
  const { admin } = await shopify().unauthenticated.admin(env.DEMO_SHOP);
  return { shop: env.DEMO_SHOP, mode: "standalone", graphql: admin.graphql, actor: "demo" };
}

/** Stores the demo shop's offline session (the emulator's token), as an install would. */
async function installDemoShop(env: Env): Promise<void> {
  const session = new Session({
    id: `offline_${env.DEMO_SHOP}`,
    shop: env.DEMO_SHOP,
    state: "demo",
    isOnline: false,
    scope: APP_SCOPES.join(","),
    accessToken: env.DEMO_ACCESS_TOKEN,
  });
  await shopify().sessionStorage.storeSession(session);
  await recordInstallation(env.DEMO_SHOP, session.scope ?? null);
}

/** Verifies a webhook's HMAC and headers (401 forged, 400 malformed, 405 not POST). */
export function authenticateWebhook(request: Request) {
  return shopify().authenticate.webhook(request);
}

/** An Admin API client for background work (jobs), from the shop's stored offline session. */
export async function offlineAdmin(shop: string): Promise<AdminClient> {
  const { admin } = await shopify().unauthenticated.admin(shop);
  return admin.graphql;
}

/** A storefront request that came through the app proxy, once Shopify's signature checks out. */
export interface AppProxyContext {
  shop: string;
  /** The shop's Admin API (null when the app is not installed there). */
  graphql: AdminClient | null;
}

/**
 * Verifies an app proxy request: Shopify's `signature` over the query, timestamp within 90 s
 * (a 400 Response is thrown otherwise). The same in both modes: the local emulator signs its
 * storefront's proxy requests with the app secret exactly as Shopify does.
 */
export async function authenticateAppProxy(request: Request): Promise<AppProxyContext> {
  const { session, admin } = await shopify().authenticate.public.appProxy(request);
  const shop = session?.shop ?? new URL(request.url).searchParams.get("shop");
  if (!shop) throw new Response(undefined, { status: 400, statusText: "Bad Request" });
  return { shop, graphql: admin?.graphql ?? null };
}
