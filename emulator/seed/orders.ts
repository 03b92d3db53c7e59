import { nextGid } from "../store/shop";
import type {
  DailyTraffic,
  Order,
  OrderLineItem,
  OrderRefund,
  Product,
  ShopState,
} from "../store/types";
import { PRODUCT_TYPES } from "./catalog-data";
import { zoneOffsetMs } from "./calendar";
import { drawSecondOfDay, type DayPlan } from "./demand";
import { formatCents, parseCents } from "./money";
import type { Random } from "./random";

/**
 * Orders and storefront traffic from a day plan. Prices include 25 % Swedish VAT (the shop is set
 * up with taxes included), so `totalTax` is the VAT contained in the total: total × 0.25 / 1.25.
 * Shipping is 59 kr, free from 999 kr. Some orders use a discount code, some are later partly
 * refunded (returns), a few are cancelled (with a full refund) and a few are test orders.
 */

export const FREE_SHIPPING_FROM_CENTS = 99_900;
export const SHIPPING_CENTS = 5_900;
export const VAT_RATE = 0.25;

const LINE_COUNT_WEIGHTS = [0.55, 0.83, 0.95, 1]; // cumulative: 1, 2, 3 or 4 line items
const demandByType = new Map(PRODUCT_TYPES.map((t) => [t.type, t.demand]));

/** What an order generator needs to pick products: cumulative popularity in creation order. */
export interface SellableCatalogue {
  products: Product[];
  createdMs: Float64Array;
  cumulative: Float64Array;
  priceCents: Int32Array;
}

/**
 * Popularity weights: a long tail (log-normal per product) times the product type's demand.
 * Drafts never sell; archived products sold before they were retired, at a lower rate.
 */
export function sellableCatalogue(products: Product[], rng: Random): SellableCatalogue {
  const n = products.length;
  const createdMs = new Float64Array(n);
  const cumulative = new Float64Array(n);
  const priceCents = new Int32Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const p = products[i];
    createdMs[i] = Date.parse(p.createdAt);
    priceCents[i] = parseCents(p.variants[0]?.price ?? "0");
    const popularity = Math.exp(1.1 * rng.normal());
    const statusFactor = p.status === "ACTIVE" ? 1 : p.status === "ARCHIVED" ? 0.3 : 0;
    const tagFactor = p.tags.includes("bestseller") ? 2 : 1;
    const hasVariants = p.variants.length > 0 ? 1 : 0;
    sum +=
      popularity * statusFactor * tagFactor * hasVariants * (demandByType.get(p.productType) ?? 1);
    cumulative[i] = sum;
  }
  return { products, createdMs, cumulative, priceCents };
}

/** Per-line arithmetic in minor units, shared by the seed and the shopper simulation. */
export interface DraftLine {
  product: Product;
  variantIndex: number;
  quantity: number;
}

export interface BuildOrderInput {
  createdMs: number;
  lines: DraftLine[];
  /** Percentage off from a discount code, 0 for none. */
  discountPercent: number;
  test: boolean;
}

/** Creates an Order (ids from the shop's counters) with consistent totals. */
export function buildOrder(shop: ShopState, number: number, input: BuildOrderInput): Order {
  const createdAt = new Date(input.createdMs).toISOString();
  let subtotal = 0;
  let discounts = 0;
  const lineItems: OrderLineItem[] = new Array<OrderLineItem>(input.lines.length);
  for (let i = 0; i < input.lines.length; i++) {
    const { product, variantIndex, quantity } = input.lines[i];
    const variant = product.variants[variantIndex];
    const unit = parseCents(variant.price);
    const gross = unit * quantity;
    const discount = Math.round((gross * input.discountPercent) / 100);
    subtotal += gross;
    discounts += discount;
    lineItems[i] = {
      id: nextGid(shop, "LineItem"),
      productId: product.id,
      variantId: variant.id,
      title: product.title,
      quantity,
      price: variant.price,
      discount: formatCents(discount),
    };
  }
  const net = subtotal - discounts;
  const shipping = net >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
  const total = net + shipping;
  return {
    id: nextGid(shop, "Order"),
    name: `#${number}`,
    createdAt,
    processedAt: createdAt,
    updatedAt: createdAt,
    cancelledAt: null,
    test: input.test,
    currencyCode: shop.currencyCode,
    subtotal: formatCents(subtotal),
    totalDiscounts: formatCents(discounts),
    totalShipping: formatCents(shipping),
    totalTax: formatCents(Math.round((total * VAT_RATE) / (1 + VAT_RATE))),
    total: formatCents(total),
    lineItems,
    refunds: [],
  };
}

/** Number the next order would get ("#1001" for a shop's first). */
export function nextOrderNumber(shop: ShopState): number {
  const last = shop.orders.at(-1);
  const n = last ? Number.parseInt(last.name.replace(/^#/, ""), 10) : NaN;
  return Number.isFinite(n) ? Math.max(n + 1, 1001) : 1001 + shop.orders.length;
}

function lineNet(line: OrderLineItem): number {
  return parseCents(line.price) * line.quantity - parseCents(line.discount);
}

/** A return of one line some days after the order, or a cancellation refunding everything. */
function addAfterSales(
  shop: ShopState,
  order: Order,
  rng: Random,
  createdMs: number,
  nowMs: number,
) {
  const r = rng.next();
  if (r < 0.012) {
    const at = createdMs + (1 + rng.next() * 5) * 3_600_000;
    if (at > nowMs) return;
    const iso = new Date(at).toISOString();
    order.cancelledAt = iso;
    order.updatedAt = iso;
    order.refunds.push(refund(shop, iso, order.total, order.lineItems));
  } else if (r < 0.08) {
    const at = createdMs + (3 + rng.next() * 18) * 86_400_000;
    if (at > nowMs) return;
    const iso = new Date(at).toISOString();
    const line = order.lineItems[Math.floor(rng.next() * order.lineItems.length)];
    order.updatedAt = iso;
    order.refunds.push(refund(shop, iso, formatCents(lineNet(line)), [line]));
  }
}

function refund(shop: ShopState, at: string, amount: string, lines: OrderLineItem[]): OrderRefund {
  return {
    id: nextGid(shop, "Refund"),
    createdAt: at,
    amount,
    lines: lines.map((l) => ({ lineItemId: l.id, quantity: l.quantity })),
  };
}

/** Draws the order's lines: popular products that existed by then, no product twice. */
export function drawLines(
  rng: Random,
  catalogue: SellableCatalogue,
  available: number,
): DraftLine[] {
  const count = 1 + rng.weightedIndex(LINE_COUNT_WEIGHTS);
  const lines: DraftLine[] = [];
  for (let i = 0; i < count; i++) {
    const index = rng.weightedIndex(catalogue.cumulative, available);
    const product = catalogue.products[index];
    if (lines.some((l) => l.product === product)) continue;
    const variantIndex = Math.floor(rng.next() * product.variants.length);
    const multiples = product.productType === "Socks" ? rng.int(1, 3) : rng.chance(0.08) ? 2 : 1;
    lines.push({ product, variantIndex, quantity: multiples });
  }
  return lines;
}

export interface OrderSeedOptions {
  zone: string;
  nowMs: number;
  catalogue: SellableCatalogue;
  /** Share of orders placed as test orders (Bogus Gateway). */
  testShare: number;
}

/**
 * Appends each planned day's orders (sorted by createdAt) to `shop.orders` and the day's traffic
 * with its cart/checkout funnel to `shop.traffic`.
 */
export function seedOrdersAndTraffic(
  shop: ShopState,
  plan: DayPlan[],
  options: OrderSeedOptions,
): void {
  const { catalogue, nowMs, zone } = options;
  let available = 0;
  let number = nextOrderNumber(shop);
  for (const dayPlan of plan) {
    const { day, rng } = dayPlan;
    while (available < catalogue.products.length && catalogue.createdMs[available] < day.startMs) {
      available++;
    }
    const canSell = available > 0 && catalogue.cumulative[available - 1] > 0;
    const count = canSell ? dayPlan.orders : 0;

    // Local wall time -> instant: the midnight offset before 03:00, the noon offset after, which
    // is exact for European daylight-saving changes (they happen at 02:00/03:00 local time).
    const civilMidnight = Date.UTC(day.year, day.month0, day.day);
    const offsetEarly = civilMidnight - day.startMs;
    const offsetLate = zoneOffsetMs(zone, day.startMs + 12 * 3_600_000);
    const instants = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const s = drawSecondOfDay(rng, dayPlan.share);
      const ms = civilMidnight + Math.floor(s * 1000) - (s < 3 * 3600 ? offsetEarly : offsetLate);
      instants[i] = Math.min(Math.max(ms, day.startMs), Math.min(day.endMs - 1, nowMs));
    }
    instants.sort();

    let realOrders = 0;
    for (let i = 0; i < count; i++) {
      const test = rng.chance(options.testShare);
      const discounted = rng.chance(dayPlan.calendar.promoShare);
      const lines = drawLines(rng, catalogue, available);
      const order = buildOrder(shop, number++, {
        createdMs: instants[i],
        lines,
        discountPercent: discounted ? dayPlan.calendar.promoPercent : 0,
        test,
      });
      if (!test) {
        realOrders++;
        addAfterSales(shop, order, rng, instants[i], nowMs);
      }
      shop.orders.push(order);
    }
    shop.traffic.push(funnel(day.date, dayPlan.sessions, realOrders, rng));
  }
}

/**
 * Cart and checkout sessions around the day's orders: about 60 % of checkouts complete and about
 * 38 % of carts reach checkout, with a little day-to-day variation.
 */
export function funnel(date: string, sessions: number, orders: number, rng: Random): DailyTraffic {
  const checkout = Math.max(orders, Math.round(orders / (0.6 + 0.05 * (rng.next() - 0.5))));
  const cart = Math.max(checkout, Math.round(checkout / (0.38 + 0.04 * (rng.next() - 0.5))));
  return {
    date,
    sessions: Math.max(sessions, cart),
    sessionsWithCartAdditions: cart,
    sessionsThatReachedCheckout: checkout,
  };
}
