import type { EmulatorContext } from "../graphql/context";
import { localDateString, zoneOffsetMs } from "../seed/calendar";
import { HOURLY_PROFILE, WEEKDAY_SESSIONS } from "../seed/demand";
import {
  buildOrder,
  drawLines,
  nextOrderNumber,
  sellableCatalogue,
  type DraftLine,
  type SellableCatalogue,
} from "../seed/orders";
import { Random } from "../seed/random";
import { campaignField, liveCampaign, liveCampaignMetafield } from "../storefront/campaign";
import {
  isVisibleProduct,
  onlineStorePublicationIds,
  visibleCollectionProductIds,
} from "../storefront/collections";
import { homePageFeatures, homeTemplateOf, storefrontTheme } from "../storefront/template";
import type { DailyTraffic, Gid, Order, Product, ShopState } from "../store/types";
import { orderCreatedPayload } from "./payload";

/**
 * Simulated shoppers: while running, they visit and buy at the rate the shop's recent history
 * implies for the current local hour and weekday, append orders (kept sorted) and today's
 * sessions, and emit `orders/create`. They react to what is live, so the app's measurements have
 * something true to find:
 * - a Merchdesk campaign that is really visible on the live home page (the `live_campaign`
 *   metafield points at an ACTIVE campaign AND the MAIN theme's index.json has a visible
 *   Merchdesk app block) multiplies conversion by (1 + campaignConversionLift);
 * - products of collections the live home page features (section/block `collection` settings,
 *   plus the live campaign's `collection` field) take `featuredShare` of line items.
 *
 * Time is the emulator clock: `tick(now)` simulates everything between the previous tick and
 * `now`, hour by hour, so advancing the clock by a day produces that day's orders. Everything is
 * drawn from one seeded generator: the same seed and the same ticks give the same orders.
 */

export interface ShopperSimulationOptions {
  /** Seed of the simulation's random stream (default: derived from the shop domain). */
  seed?: string;
  /** Multiplies the visit (and so the order) rate, for lively demos. Default 1. */
  speed?: number;
  /** Real-time interval between ticks of `startShopperSimulation`. Default 1,000 ms. */
  intervalMs?: number;
  /** Relative conversion lift while a Merchdesk campaign is visibly live. Default 0.12. */
  campaignConversionLift?: number;
  /** Share of line items taken from featured collections' products. Default 0.35. */
  featuredShare?: number;
  /** Sessions on an average day; default: the shop's last 28 days of traffic (else 1,700). */
  dailySessions?: number;
  /** Ordinary conversion rate; default: the shop's last 28 days (else 2.1 %). */
  conversionRate?: number;
  /** Longest stretch of emulator time one tick simulates (older time is skipped). 31 days. */
  maxCatchUpMs?: number;
  /** Where the simulated time starts; default: the clock's now when created. */
  startAt?: Date;
}

export interface ShopperSimulation {
  /** Simulates shoppers up to `now` (default: the context clock) and returns the new orders. */
  tick(now?: Date): Order[];
  /** Stops the timer (if any); later ticks do nothing. */
  stop(): void;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WEEKDAY_MEAN = WEEKDAY_SESSIONS.reduce((a, b) => a + b, 0) / 7;
/** Funnel ratios matching the seeded history: ~38 % of carts reach checkout, ~60 % complete. */
const CHECKOUT_PER_ORDER = 1 / 0.6;
const CART_PER_CHECKOUT = 1 / 0.38;
/** How often (in ticks) cached catalogue and home-page facts are rebuilt even if nothing changed. */
const REFRESH_EVERY_TICKS = 60;

interface LiveState {
  key: string;
  campaignLive: boolean;
  featured: Product[];
}

/** Base rates from the shop's last 28 complete days, or Fjällvik-like defaults. */
function recentRates(shop: ShopState, nowMs: number) {
  const today = localDateString(shop.ianaTimezone, nowMs);
  const days = shop.traffic.filter((t) => t.date < today).slice(-28);
  const sessions = days.reduce((sum, t) => sum + t.sessions, 0);
  if (days.length < 7 || sessions === 0) return { dailySessions: 1700, conversionRate: 0.021 };
  const first = days[0].date;
  const cutoff = new Date(nowMs - 31 * DAY_MS).toISOString();
  let orders = 0;
  for (let i = shop.orders.length - 1; i >= 0 && shop.orders[i].createdAt >= cutoff; i--) {
    const o = shop.orders[i];
    if (o.test) continue;
    const local = localDateString(shop.ianaTimezone, Date.parse(o.createdAt));
    if (local >= first && local < today) orders++;
  }
  return { dailySessions: sessions / days.length, conversionRate: orders / sessions };
}

function poisson(rng: Random, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

function insertSorted(orders: Order[], order: Order): void {
  if (orders.length === 0 || orders[orders.length - 1].createdAt <= order.createdAt) {
    orders.push(order);
    return;
  }
  let lo = 0;
  let hi = orders.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (orders[mid].createdAt <= order.createdAt) lo = mid + 1;
    else hi = mid;
  }
  orders.splice(lo, 0, order);
}

function trafficDay(shop: ShopState, date: string): DailyTraffic {
  for (let i = shop.traffic.length - 1; i >= 0; i--) {
    const t = shop.traffic[i];
    if (t.date === date) return t;
    if (t.date < date) {
      const created = {
        date,
        sessions: 0,
        sessionsWithCartAdditions: 0,
        sessionsThatReachedCheckout: 0,
      };
      shop.traffic.splice(i + 1, 0, created);
      return created;
    }
  }
  const created = {
    date,
    sessions: 0,
    sessionsWithCartAdditions: 0,
    sessionsThatReachedCheckout: 0,
  };
  shop.traffic.unshift(created);
  return created;
}

/** A simulation driven only by explicit `tick(now)` calls (no timers): what tests use. */
export function createShopperSimulation(
  shop: ShopState,
  ctx: EmulatorContext,
  options: ShopperSimulationOptions = {},
): ShopperSimulation {
  const seed = options.seed ?? `shoppers:${shop.domain}`;
  const rng = new Random(`${seed}:ticks`);
  const speed = options.speed ?? 1;
  const lift = options.campaignConversionLift ?? 0.12;
  const featuredShare = options.featuredShare ?? 0.35;
  const maxCatchUpMs = options.maxCatchUpMs ?? 31 * DAY_MS;
  let lastMs = (options.startAt ?? ctx.clock.now()).getTime();
  const history = recentRates(shop, lastMs);
  const dailySessions = options.dailySessions ?? history.dailySessions;
  const conversionRate = options.conversionRate ?? history.conversionRate;

  let stopped = false;
  let ticks = 0;
  let catalogue: { size: number; built: number; value: SellableCatalogue } | null = null;
  let live: LiveState | null = null;
  // Fractional visits, carts and checkouts carried between slices so totals stay exact.
  const carry = { sessions: 0, carts: 0, checkouts: 0 };

  const sellable = (): SellableCatalogue => {
    if (
      !catalogue ||
      catalogue.size !== shop.products.size ||
      ticks - catalogue.built >= REFRESH_EVERY_TICKS
    ) {
      const online = onlineStorePublicationIds(shop);
      const products = [...shop.products.values()].filter(
        (p) => isVisibleProduct(p, online) && p.variants.length > 0,
      );
      catalogue = {
        size: shop.products.size,
        built: ticks,
        value: sellableCatalogue(products, new Random(`${seed}:popularity`)),
      };
    }
    return catalogue.value;
  };

  const liveState = (): LiveState => {
    const theme = storefrontTheme(shop);
    const file = theme?.files.get("templates/index.json");
    const metafield = liveCampaignMetafield(shop);
    const key = [
      theme?.id,
      file?.updatedAt,
      file?.content.length,
      metafield?.value,
      metafield?.updatedAt,
      shop.collections.size,
      shop.products.size,
      Math.floor(ticks / REFRESH_EVERY_TICKS),
    ].join("|");
    if (live && live.key === key) return live;
    const parsed = theme ? homeTemplateOf(theme) : null;
    const features = parsed?.ok ? homePageFeatures(parsed.template, shop.app.handle) : null;
    const campaign = features?.hasMerchdeskBlock ? liveCampaign(shop) : null;
    const featuredIds = new Set<Gid>();
    for (const handle of features?.collectionHandles ?? []) {
      for (const id of visibleCollectionProductIds(shop, handle)) featuredIds.add(id);
    }
    const campaignCollection = campaign
      ? shop.collections.get(campaignField(campaign, "collection"))
      : undefined;
    if (campaignCollection) {
      for (const id of visibleCollectionProductIds(shop, campaignCollection.handle))
        featuredIds.add(id);
    }
    const featured = [...featuredIds]
      .map((id) => shop.products.get(id))
      .filter((p): p is Product => p !== undefined && p.variants.length > 0);
    live = { key, campaignLive: campaign !== null, featured };
    return live;
  };

  const lines = (state: LiveState, cat: SellableCatalogue): DraftLine[] => {
    const drawn = drawLines(rng, cat, cat.products.length);
    if (state.featured.length === 0) return drawn;
    return drawn.map((line) => {
      if (!rng.chance(featuredShare)) return line;
      const product = rng.pick(state.featured);
      return {
        product,
        variantIndex: Math.floor(rng.next() * product.variants.length),
        quantity: line.quantity,
      };
    });
  };

  /** Shoppers in [fromMs, toMs), a slice within one local hour. */
  const simulateSlice = (fromMs: number, toMs: number, created: Order[]) => {
    const zone = shop.ianaTimezone;
    const local = new Date(fromMs + zoneOffsetMs(zone, fromMs));
    const hour = local.getUTCHours();
    const weekday = local.getUTCDay();
    const state = liveState();
    const cat = sellable();
    const sessions =
      dailySessions *
      (WEEKDAY_SESSIONS[weekday] / WEEKDAY_MEAN) *
      HOURLY_PROFILE[hour] *
      ((toMs - fromMs) / DAY_MS) *
      24 *
      speed;
    const conversion = conversionRate * (state.campaignLive ? 1 + lift : 1);
    const count = cat.products.length > 0 ? poisson(rng, sessions * conversion) : 0;

    const times: number[] = [];
    for (let i = 0; i < count; i++) times.push(fromMs + Math.floor(rng.next() * (toMs - fromMs)));
    times.sort((a, b) => a - b);
    for (const at of times) {
      const order = buildOrder(shop, nextOrderNumber(shop), {
        createdMs: at,
        lines: lines(state, cat),
        discountPercent: rng.chance(0.15) ? 10 : 0,
        test: false,
      });
      insertSorted(shop.orders, order);
      created.push(order);
    }

    carry.sessions += sessions;
    carry.checkouts += count * CHECKOUT_PER_ORDER;
    carry.carts += count * CHECKOUT_PER_ORDER * CART_PER_CHECKOUT;
    const day = trafficDay(shop, localDateString(zone, fromMs));
    const take = (key: keyof typeof carry) => {
      const whole = Math.floor(carry[key]);
      carry[key] -= whole;
      return whole;
    };
    day.sessions += take("sessions");
    day.sessionsThatReachedCheckout = Math.max(
      day.sessionsThatReachedCheckout + take("checkouts"),
      0,
    );
    day.sessionsWithCartAdditions = Math.max(
      day.sessionsWithCartAdditions + take("carts"),
      day.sessionsThatReachedCheckout,
    );
    day.sessions = Math.max(day.sessions, day.sessionsWithCartAdditions);
  };

  return {
    tick(now?: Date): Order[] {
      if (stopped) return [];
      const nowMs = (now ?? ctx.clock.now()).getTime();
      if (nowMs <= lastMs) return [];
      ticks++;
      const created: Order[] = [];
      let t = Math.max(lastMs, nowMs - maxCatchUpMs);
      while (t < nowMs) {
        const next = Math.min(nowMs, (Math.floor(t / HOUR_MS) + 1) * HOUR_MS);
        simulateSlice(t, next, created);
        t = next;
      }
      lastMs = nowMs;
      for (const order of created) {
        ctx.webhooks.emit(shop, "orders/create", orderCreatedPayload(shop, order));
      }
      return created;
    },
    stop(): void {
      stopped = true;
    },
  };
}

/**
 * Starts simulated shoppers on a timer (every `intervalMs` of real time, simulating up to the
 * emulator clock's now). Returns `stop()` to end it, plus `tick` for manual driving.
 */
export function startShopperSimulation(
  shop: ShopState,
  ctx: EmulatorContext,
  options: ShopperSimulationOptions = {},
): ShopperSimulation {
  const simulation = createShopperSimulation(shop, ctx, options);
  const timer = setInterval(() => simulation.tick(), options.intervalMs ?? 1_000);
  timer.unref();
  return {
    tick: (now) => simulation.tick(now),
    stop: () => {
      clearInterval(timer);
      simulation.stop();
    },
  };
}
