import type { ShopPlan, ShopState } from "./types";

/** Rate-limit buckets per plan (SHOPIFY-PLATFORM.md §7): Standard 2,000 / 100 per second. */
export const PLAN_BUCKETS: Record<ShopPlan, { maximumAvailable: number; restoreRate: number }> = {
  BASIC: { maximumAvailable: 2000, restoreRate: 100 },
  STANDARD: { maximumAvailable: 2000, restoreRate: 100 },
  ADVANCED: { maximumAvailable: 4000, restoreRate: 200 },
  PLUS: { maximumAvailable: 20000, restoreRate: 1000 },
};

/** Every scope Merchdesk asks for; a shop created without `scopes` grants all of them. */
export const ALL_APP_SCOPES = [
  "read_products",
  "write_products",
  "read_publications",
  "write_publications",
  "read_themes",
  "write_themes",
  "read_orders",
  "read_all_orders",
  "read_reports",
  "read_discounts",
  "write_discounts",
  "read_metaobjects",
  "write_metaobjects",
  "read_metaobject_definitions",
  "write_metaobject_definitions",
  "read_analytics_annotations",
  "write_analytics_annotations",
  "read_customers",
];

export interface CreateShopOptions {
  domain: string;
  name?: string;
  accessToken?: string;
  plan?: ShopPlan;
  scopes?: string[];
  themeWriteExemption?: boolean;
  currencyCode?: string;
  ianaTimezone?: string;
  /** Numeric part of the shop's and app's GIDs. */
  numericId?: number;
}

/** An empty shop: no products, no themes, a full rate-limit bucket. */
export function createShopState(options: CreateShopOptions): ShopState {
  const n = options.numericId ?? 1;
  const plan = options.plan ?? "STANDARD";
  const bucket = PLAN_BUCKETS[plan];
  return {
    domain: options.domain,
    id: `gid://shopify/Shop/${n}`,
    name: options.name ?? options.domain.replace(/\.myshopify\.com$/, ""),
    email: `owner@${options.domain}`,
    currencyCode: options.currencyCode ?? "SEK",
    ianaTimezone: options.ianaTimezone ?? "Europe/Stockholm",
    plan,
    app: {
      id: "gid://shopify/App/1001",
      installationId: `gid://shopify/AppInstallation/${n}`,
      handle: "merchdesk",
      accessToken: options.accessToken ?? `shpat_emulator_${n}`,
      scopes: options.scopes ?? [...ALL_APP_SCOPES],
      themeWriteExemption: options.themeWriteExemption ?? false,
    },
    bucket: { ...bucket, currentlyAvailable: bucket.maximumAvailable, refilledAtMs: Date.now() },
    products: new Map(),
    collections: new Map(),
    publications: [],
    themes: new Map(),
    metafields: new Map(),
    metaobjectDefinitions: new Map(),
    metaobjects: new Map(),
    orders: [],
    traffic: [],
    annotations: new Map(),
    discounts: new Map(),
    bulkOperations: new Map(),
    jobs: new Map(),
    files: new Map(),
    mutationLog: [],
    seededActions: [],
    nextId: new Map(),
  };
}

/** Next deterministic GID of `type` for the shop (`gid://shopify/<type>/<n>`). */
export function nextGid(shop: ShopState, type: string): string {
  const n = (shop.nextId.get(type) ?? 1000) + 1;
  shop.nextId.set(type, n);
  return `gid://shopify/${type}/${n}`;
}
