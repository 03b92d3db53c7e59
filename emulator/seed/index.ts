import { markCatalogChanged } from "../catalog/membership";
import { nextGid } from "../store/shop";
import type { Gid, Publication, SeededAction, ShopState } from "../store/types";
import { actionMultiplier, planSeededActions } from "./actions";
import { localDayOf, localDaysBetween } from "./calendar";
import { seedCollections } from "./collections";
import { planDays, type DemandModel } from "./demand";
import { seedOrdersAndTraffic, sellableCatalogue } from "./orders";
import { seedProducts } from "./products";
import { Random } from "./random";
import { seedThemes } from "./themes";

export type SeedKind = "demo" | "empty" | "large";

export interface SeedOptions {
  /** The seed's "today": products, orders and traffic end here; seeded actions sit before it. */
  now: Date;
  /** Changes the generated store; the same seed and `now` always give the same store. */
  seed?: string;
  /**
   * Generates the counterfactual store: identical except that the seeded actions have no effect.
   * Tests use it to measure an action's true effect; never needed by the app.
   */
  withoutActionEffects?: boolean;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

interface StoreProfile {
  products: number;
  maxVariants: number;
  model: DemandModel;
  targetOrders?: number;
  testShare: number;
}

const PROFILES: Record<"demo" | "large", StoreProfile> = {
  demo: {
    products: 1500,
    maxVariants: 12,
    // ~7,600 sessions and ~160 orders a day: a mid-sized shop, busy enough that the seeded
    // actions' effects (+8 %, +12 %) can be told from noise over their windows.
    model: { baseSessions: 7600, annualGrowth: 0.2, baseConversion: 0.021 },
    testShare: 0.004,
  },
  large: {
    products: 100_000,
    maxVariants: 4,
    model: { baseSessions: 60_000, annualGrowth: 0.2, baseConversion: 0.021 },
    targetOrders: 1_000_000,
    testShare: 0.001,
  },
};

/**
 * Fills an empty shop with deterministic data:
 * - "empty": the Online Store publication and the live Horizon theme, nothing else.
 * - "demo": Fjällvik Outdoor (SEK, Europe/Stockholm): ~1,500 products, ~40 collections, a live and
 *   a draft theme, two years of orders and daily traffic, and seeded past actions with known true
 *   effects in `shop.seededActions` (see seed/actions.ts and seed/README.md).
 * - "large": the same shape at 100,000 products and exactly 1,000,000 orders, for load tests.
 */
export function seedShop(shop: ShopState, kind: SeedKind, options: SeedOptions): void {
  const nowMs = options.now.getTime();
  const seed = options.seed ?? `merchdesk:${kind}`;
  if (kind === "empty") {
    ensurePublications(shop, ["Online Store"]);
    seedThemes(shop, { nowMs, withDraft: false });
    return;
  }
  const profile = PROFILES[kind];
  if (kind === "demo") {
    shop.name = "Fjällvik Outdoor";
    shop.currencyCode = "SEK";
    shop.ianaTimezone = "Europe/Stockholm";
    shop.email = `hej@${shop.domain}`;
  }
  const zone = shop.ianaTimezone;
  const [onlineStore, pointOfSale, shopApp] = ensurePublications(shop, [
    "Online Store",
    "Point of Sale",
    "Shop",
  ]);

  const products = seedProducts(shop, new Random(`${seed}:products`), {
    count: profile.products,
    nowMs,
    spanMs: 3 * YEAR_MS,
    maxVariants: profile.maxVariants,
    onlineStoreId: onlineStore,
    otherPublicationIds: [pointOfSale, shopApp],
  });
  const collections = seedCollections(shop, new Random(`${seed}:collections`), products, {
    nowMs,
    spanMs: 3 * YEAR_MS,
    onlineStoreId: onlineStore,
    pointOfSaleId: pointOfSale,
  });
  seedThemes(shop, { nowMs, withDraft: true });

  const days = localDaysBetween(zone, nowMs - 729 * DAY_MS, nowMs);
  const today = localDayOf(zone, nowMs);
  const planned = planSeededActions(zone, today, days[0], collections);
  shop.seededActions.push(...planned.map((p) => p.action));
  // The merchant noted these actions on Shopify's own timeline; they come back to the app as
  // annotations made by Shopify (not by Merchdesk), as on a real store with history.
  seedAnnotations(
    shop,
    planned.map((p) => p.action),
    nowMs,
  );
  const plan = planDays({
    seed,
    model: profile.model,
    days,
    nowMs,
    multiplier: options.withoutActionEffects ? () => 1 : actionMultiplier(planned),
    targetOrders: profile.targetOrders,
  });
  const catalogue = sellableCatalogue(products, new Random(`${seed}:popularity`));
  seedOrdersAndTraffic(shop, plan, { zone, nowMs, catalogue, testShare: profile.testShare });
  // Membership caches may have been read before seeding (e.g. a reseed through the control API).
  markCatalogChanged(shop);
}

function seedAnnotations(shop: ShopState, actions: readonly SeededAction[], nowMs: number): void {
  for (const action of actions) {
    const id = nextGid(shop, "AnalyticsAnnotation");
    const createdAt =
      action.startedAt < new Date(nowMs).toISOString()
        ? action.startedAt
        : new Date(nowMs).toISOString();
    shop.annotations.set(id, {
      id,
      title: action.title.slice(0, 75),
      description: null,
      type: action.kind === "homepage_campaign" ? "marketing_campaign" : "product_update",
      startedAt: action.startedAt,
      endedAt: action.endedAt,
      appId: null,
      createdAt,
      updatedAt: createdAt,
    });
  }
}

/** The named publications, created when missing; returns their ids in the same order. */
function ensurePublications(shop: ShopState, titles: string[]): Gid[] {
  return titles.map((title) => {
    const existing = shop.publications.find((p) => p.title === title);
    if (existing) return existing.id;
    const publication: Publication = {
      id: nextGid(shop, "Publication"),
      title,
      onlineStore: title === "Online Store",
    };
    shop.publications.push(publication);
    return publication.id;
  });
}
