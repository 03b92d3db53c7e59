import type { EmulatorContext, Resolvers } from "../graphql/context";
import { paginate, type ConnectionArgs } from "../graphql/connection";
import { formatDecimal, units } from "../analytics/decimal";
import {
  discountedUnitPrice,
  financialStatus,
  lineDiscountedTotal,
  lineGross,
  refundedQuantity,
  refundLinesValue,
  returnedGoodsValue,
  totalRefunded,
} from "../analytics/order-money";
import {
  compileSearch,
  matchId,
  matchText,
  matchTime,
  parseSearchQuery,
  searchTimeValue,
  type SearchTerm,
} from "../analytics/search-query";
import type { Order, OrderLineItem, OrderRefund, ShopState } from "../store/types";
import { requireAnyScope } from "./content-access";

/** Without `read_all_orders` only the last 60 days of orders exist for the app (§5.3). */
export const DEFAULT_ORDER_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;
const ORDER_SCOPES = ["read_orders", "read_marketplace_orders"];

export function moneyBag(amount: bigint, currencyCode: string) {
  const money = { amount: formatDecimal(amount), currencyCode };
  return { shopMoney: money, presentmentMoney: money };
}

/** Earliest createdAt (ms) the app may see. */
export function orderVisibilityStart(shop: ShopState, nowMs: number): number {
  return shop.app.scopes.includes("read_all_orders")
    ? -Infinity
    : nowMs - DEFAULT_ORDER_WINDOW_DAYS * DAY_MS;
}

/** First index whose createdAt is >= `ms` (shop.orders is sorted by createdAt). */
export function lowerBoundByCreatedAt(orders: readonly Order[], ms: number): number {
  let low = 0;
  let high = orders.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (Date.parse(orders[mid].createdAt) < ms) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The slice of shop.orders a query can touch: the visibility window plus any `created_at` bounds
 * of a single AND-group, found by binary search so a million orders are never scanned whole.
 */
function candidateRange(shop: ShopState, query: string | null | undefined, nowMs: number) {
  let fromMs = orderVisibilityStart(shop, nowMs);
  let toMs = Infinity;
  const { groups } = parseSearchQuery(query);
  if (groups.length === 1) {
    for (const term of groups[0]) {
      if (term.field !== "created_at" || term.negated || term.comparator === "=") continue;
      const ms = searchTimeValue(term.value, nowMs, shop.ianaTimezone);
      if (term.comparator === ">=") fromMs = Math.max(fromMs, ms);
      if (term.comparator === ">") fromMs = Math.max(fromMs, ms + 1);
      if (term.comparator === "<") toMs = Math.min(toMs, ms);
      if (term.comparator === "<=") toMs = Math.min(toMs, ms + 1);
    }
  }
  const start = fromMs === -Infinity ? 0 : lowerBoundByCreatedAt(shop.orders, fromMs);
  const end = toMs === Infinity ? shop.orders.length : lowerBoundByCreatedAt(shop.orders, toMs);
  return { start, end: Math.max(start, end) };
}

function matchStatus(order: Order, value: string): boolean {
  switch (value.toLowerCase()) {
    case "cancelled":
      return order.cancelledAt !== null;
    case "open":
    case "not_closed":
      return order.cancelledAt === null;
    case "closed":
      return false;
    default:
      return false;
  }
}

function orderPredicate(shop: ShopState, query: string | null | undefined, nowMs: number) {
  const zone = shop.ianaTimezone;
  return compileSearch<Order>(query, "orders", (order, term: SearchTerm) => {
    switch (term.field) {
      case "created_at":
        return matchTime(order.createdAt, term, nowMs, zone);
      case "processed_at":
        return matchTime(order.processedAt, term, nowMs, zone);
      case "updated_at":
        return matchTime(order.updatedAt, term, nowMs, zone);
      case "test":
        return order.test === (term.value.toLowerCase() === "true");
      case "status":
        return matchStatus(order, term.value);
      case "financial_status":
        return financialStatus(order).toLowerCase() === term.value.toLowerCase();
      case "id":
        return matchId(order.id, term);
      case "name":
        return matchText(order.name, term);
      default:
        return undefined;
    }
  });
}

type OrderSortKey = "CREATED_AT" | "PROCESSED_AT" | "ID" | "UPDATED_AT" | "TOTAL_PRICE";
const SORT_VALUES: Record<OrderSortKey, (order: Order) => number> = {
  CREATED_AT: (order) => Date.parse(order.createdAt),
  PROCESSED_AT: (order) => Date.parse(order.processedAt),
  UPDATED_AT: (order) => Date.parse(order.updatedAt),
  ID: (order) => Number(order.id.slice(order.id.lastIndexOf("/") + 1)),
  TOTAL_PRICE: (order) => Number(order.total),
};

/** Stable sort that skips the work when the list is already in order (the common case). */
function sortOrders(orders: Order[], key: string): Order[] {
  const valueOf = SORT_VALUES[key as OrderSortKey];
  if (!valueOf) {
    throw new Error(`not emulated: orders sortKey ${key}`);
  }
  if (key === "CREATED_AT") return orders;
  let previous = -Infinity;
  for (const order of orders) {
    const value = valueOf(order);
    if (value < previous) {
      return orders
        .map((entry, index) => ({ entry, index, value: valueOf(entry) }))
        .sort((a, b) => a.value - b.value || a.index - b.index)
        .map(({ entry }) => entry);
    }
    previous = value;
  }
  return orders;
}

/** Orders visible to the app that match the query, in createdAt order. */
export function visibleOrders(
  shop: ShopState,
  query: string | null | undefined,
  nowMs: number,
): Order[] {
  const { start, end } = candidateRange(shop, query, nowMs);
  const matches = orderPredicate(shop, query, nowMs);
  const result: Order[] = [];
  for (let i = start; i < end; i++) if (matches(shop.orders[i])) result.push(shop.orders[i]);
  return result;
}

interface OrdersArgs extends ConnectionArgs {
  query?: string | null;
  sortKey?: string | null;
  reverse?: boolean | null;
}

function orders(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  requireAnyScope(ctx.shop, "QueryRoot", "orders", ORDER_SCOPES);
  const { query, sortKey, reverse, ...page } = args as OrdersArgs;
  let list = sortOrders(
    visibleOrders(ctx.shop, query, ctx.clock.now().getTime()),
    sortKey ?? "PROCESSED_AT",
  );
  if (reverse) list = [...list].reverse();
  return paginate(list, page, (order) => order.id);
}

function ordersCount(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  requireAnyScope(ctx.shop, "QueryRoot", "ordersCount", ORDER_SCOPES);
  const { query, limit } = args as { query?: string | null; limit?: number | null };
  const count = visibleOrders(ctx.shop, query, ctx.clock.now().getTime()).length;
  if (limit != null && count > limit) return { count: limit, precision: "AT_LEAST" };
  return { count, precision: "EXACT" };
}

function findOrder(shop: ShopState, id: string): Order | undefined {
  // Ids are allocated in creation order, so the newest orders sit at the end.
  for (let i = shop.orders.length - 1; i >= 0; i--)
    if (shop.orders[i].id === id) return shop.orders[i];
  return undefined;
}

function order(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  requireAnyScope(ctx.shop, "QueryRoot", "order", ORDER_SCOPES);
  const found = findOrder(ctx.shop, args.id as string);
  if (!found) return null;
  const visibleFrom = orderVisibilityStart(ctx.shop, ctx.clock.now().getTime());
  return Date.parse(found.createdAt) >= visibleFrom ? found : null;
}

function lineItemObject(shop: ShopState, order: Order, line: OrderLineItem) {
  const bag = (amount: bigint) => moneyBag(amount, order.currencyCode);
  const product = line.productId ? (shop.products.get(line.productId) ?? null) : null;
  const variant = product?.variants.find((candidate) => candidate.id === line.variantId) ?? null;
  return {
    id: line.id,
    title: line.title,
    name:
      variant && variant.title !== "Default Title"
        ? `${line.title} - ${variant.title}`
        : line.title,
    quantity: line.quantity,
    currentQuantity: line.quantity - refundedQuantity(order, line.id),
    originalUnitPriceSet: bag(units(line.price)),
    originalTotalSet: bag(lineGross(line)),
    discountedUnitPriceSet: bag(discountedUnitPrice(line)),
    discountedTotalSet: bag(lineDiscountedTotal(line)),
    totalDiscountSet: bag(units(line.discount)),
    product,
    variant,
    variantTitle: variant?.title ?? null,
    sku: variant?.sku ?? null,
  };
}

function refundObject(shop: ShopState, order: Order, refund: OrderRefund) {
  const bag = (amount: bigint) => moneyBag(amount, order.currencyCode);
  const lines = refund.lines.flatMap((refundLine, index) => {
    const line = order.lineItems.find((item) => item.id === refundLine.lineItemId);
    if (!line) return [];
    const unit = discountedUnitPrice(line);
    return [
      {
        id: `${refund.id.replace("/Refund/", "/RefundLineItem/")}${index}`,
        lineItem: lineItemObject(shop, order, line),
        quantity: refundLine.quantity,
        priceSet: bag(unit),
        subtotalSet: bag(unit * BigInt(refundLine.quantity)),
        totalTaxSet: bag(0n),
        restockType: "RETURN",
        restocked: false,
      },
    ];
  });
  return {
    id: refund.id,
    legacyResourceId: refund.id.slice(refund.id.lastIndexOf("/") + 1),
    createdAt: refund.createdAt,
    processedAt: refund.createdAt,
    updatedAt: refund.createdAt,
    note: null,
    totalRefundedSet: bag(units(refund.amount)),
    refundLineItemsList: lines,
    returnedGoodsValue: refundLinesValue(order, refund),
  };
}

const orderMoney = (compute: (order: Order) => bigint) => (source: unknown) => {
  const order = source as Order;
  return moneyBag(compute(order), order.currencyCode);
};

export const orderResolvers: Resolvers = {
  QueryRoot: { orders, ordersCount, order },
  Order: {
    legacyResourceId: (source) =>
      (source as Order).id.slice((source as Order).id.lastIndexOf("/") + 1),
    presentmentCurrencyCode: (source) => (source as Order).currencyCode,
    displayFinancialStatus: (source) => financialStatus(source as Order),
    subtotalPriceSet: orderMoney((o) => units(o.subtotal)),
    currentSubtotalPriceSet: orderMoney((o) => units(o.subtotal) - returnedGoodsValue(o)),
    totalPriceSet: orderMoney((o) => units(o.total)),
    originalTotalPriceSet: orderMoney((o) => units(o.total)),
    currentTotalPriceSet: orderMoney((o) => units(o.total) - totalRefunded(o)),
    totalDiscountsSet: orderMoney((o) => units(o.totalDiscounts)),
    currentTotalDiscountsSet: orderMoney((o) => units(o.totalDiscounts)),
    totalRefundedSet: orderMoney(totalRefunded),
    totalShippingPriceSet: orderMoney((o) => units(o.totalShipping)),
    totalTaxSet: orderMoney((o) => units(o.totalTax)),
    currentTotalTaxSet: orderMoney((o) => units(o.totalTax)),
    netPaymentSet: orderMoney((o) => units(o.total) - totalRefunded(o)),
    subtotalLineItemsQuantity: (source) =>
      (source as Order).lineItems.reduce((n, line) => n + line.quantity, 0),
    currentSubtotalLineItemsQuantity: (source) => {
      const o = source as Order;
      return o.lineItems.reduce((n, line) => n + line.quantity - refundedQuantity(o, line.id), 0);
    },
    lineItems: (source, args, ctx) => {
      const o = source as Order;
      const { reverse, ...page } = args as ConnectionArgs & { reverse?: boolean | null };
      const lines = o.lineItems.map((line) => lineItemObject(ctx.shop, o, line));
      return paginate(reverse ? lines.reverse() : lines, page, (line) => line.id);
    },
    refunds: (source, args, ctx) => {
      const o = source as Order;
      const refunds = o.refunds.map((refund) => refundObject(ctx.shop, o, refund));
      const first = args.first as number | null | undefined;
      return first == null ? refunds : refunds.slice(0, first);
    },
  },
  Refund: {
    refundLineItems: (source, args) => {
      const { reverse, ...page } = args as ConnectionArgs & { reverse?: boolean | null };
      const lines = (source as ReturnType<typeof refundObject>).refundLineItemsList;
      return paginate(reverse ? [...lines].reverse() : lines, page, (line) => line.id);
    },
  },
};
