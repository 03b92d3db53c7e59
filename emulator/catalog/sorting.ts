import type { CollectionSortOrder, Gid, Product, ShopState } from "../store/types";
import { numericId } from "./search-match";

/**
 * Deterministic orderings for products and collections. Every comparator ends with the numeric
 * id, so equal keys never depend on map insertion order.
 */

export type Compare<T> = (a: T, b: T) => number;

export function byNumericId(a: { id: Gid }, b: { id: Gid }): number {
  const diff = numericId(a.id) - numericId(b.id);
  return Number.isNaN(diff) ? a.id.localeCompare(b.id) : diff;
}

function thenById<T extends { id: Gid }>(primary: Compare<T>): Compare<T> {
  return (a, b) => primary(a, b) || byNumericId(a, b);
}

function text(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function time(a: string | null, b: string | null): number {
  // Unset instants (never published) sort first.
  return (a === null ? -Infinity : Date.parse(a)) - (b === null ? -Infinity : Date.parse(b)) || 0;
}

export function minVariantPrice(product: Product): number {
  let min = Infinity;
  for (const variant of product.variants) min = Math.min(min, Number(variant.price));
  return min === Infinity ? 0 : min;
}

export function totalInventory(product: Product): number {
  let total = 0;
  for (const variant of product.variants) total += variant.inventoryQuantity;
  return total;
}

const unitsSoldCache = new WeakMap<ShopState, { orders: number; units: Map<Gid, number> }>();

/** Units sold per product over the shop's orders (cancelled and test orders excluded). */
export function unitsSold(shop: ShopState): Map<Gid, number> {
  const cached = unitsSoldCache.get(shop);
  if (cached && cached.orders === shop.orders.length) return cached.units;
  const units = new Map<Gid, number>();
  for (const order of shop.orders) {
    if (order.cancelledAt || order.test) continue;
    for (const line of order.lineItems) {
      if (line.productId)
        units.set(line.productId, (units.get(line.productId) ?? 0) + line.quantity);
    }
  }
  unitsSoldCache.set(shop, { orders: shop.orders.length, units });
  return units;
}

/** `ProductSortKeys` of the `products` connection. RELEVANCE falls back to id order. */
export function productSortComparator(key: string): Compare<Product> {
  switch (key) {
    case "TITLE":
      return thenById((a, b) => text(a.title, b.title));
    case "CREATED_AT":
      return thenById((a, b) => time(a.createdAt, b.createdAt));
    case "UPDATED_AT":
      return thenById((a, b) => time(a.updatedAt, b.updatedAt));
    case "PUBLISHED_AT":
      return thenById((a, b) => time(a.publishedAt, b.publishedAt));
    case "PRODUCT_TYPE":
      return thenById((a, b) => text(a.productType, b.productType));
    case "VENDOR":
      return thenById((a, b) => text(a.vendor, b.vendor));
    case "INVENTORY_TOTAL":
      return thenById((a, b) => totalInventory(a) - totalInventory(b));
    default:
      return byNumericId;
  }
}

/**
 * Orders a collection's members. `joinOrder` lists members in the order they joined; MANUAL puts
 * `manualOrder` first and the rest after it in join order; MOST_RELEVANT keeps join order.
 */
export function orderCollectionMembers(
  shop: ShopState,
  sortOrder: CollectionSortOrder,
  joinOrder: readonly Gid[],
  manualOrder: readonly Gid[],
): Gid[] {
  if (sortOrder === "MANUAL") {
    const members = new Set(joinOrder);
    const placed = new Set<Gid>();
    const ordered: Gid[] = [];
    for (const id of manualOrder) {
      if (members.has(id) && !placed.has(id)) {
        placed.add(id);
        ordered.push(id);
      }
    }
    for (const id of joinOrder) if (!placed.has(id)) ordered.push(id);
    return ordered;
  }
  if (sortOrder === "MOST_RELEVANT") return [...joinOrder];
  const products = joinOrder
    .map((id) => shop.products.get(id))
    .filter((product): product is Product => product !== undefined);
  if (sortOrder === "PRICE_ASC" || sortOrder === "PRICE_DESC") {
    // Price keys are computed once per product rather than per comparison.
    const sign = sortOrder === "PRICE_ASC" ? 1 : -1;
    return products
      .map((product) => ({ product, price: minVariantPrice(product) }))
      .sort((a, b) => sign * (a.price - b.price) || byNumericId(a.product, b.product))
      .map(({ product }) => product.id);
  }
  const compare = collectionSortComparator(shop, sortOrder);
  return products.sort(compare).map((product) => product.id);
}

function collectionSortComparator(
  shop: ShopState,
  sortOrder: CollectionSortOrder,
): Compare<Product> {
  switch (sortOrder) {
    case "ALPHA_ASC":
      return thenById((a, b) => text(a.title, b.title));
    case "ALPHA_DESC":
      return thenById((a, b) => text(b.title, a.title));
    case "PRICE_ASC":
      return thenById((a, b) => minVariantPrice(a) - minVariantPrice(b));
    case "PRICE_DESC":
      return thenById((a, b) => minVariantPrice(b) - minVariantPrice(a));
    case "CREATED":
      return thenById((a, b) => time(a.createdAt, b.createdAt));
    case "CREATED_DESC":
      return thenById((a, b) => time(b.createdAt, a.createdAt));
    case "BEST_SELLING": {
      const units = unitsSold(shop);
      return thenById((a, b) => (units.get(b.id) ?? 0) - (units.get(a.id) ?? 0));
    }
    default:
      return byNumericId;
  }
}

/** `ProductCollectionSortKeys` other than COLLECTION_DEFAULT / MANUAL (handled by the caller). */
export function productCollectionSortComparator(shop: ShopState, key: string): Compare<Product> {
  switch (key) {
    case "TITLE":
      return collectionSortComparator(shop, "ALPHA_ASC");
    case "PRICE":
      return collectionSortComparator(shop, "PRICE_ASC");
    case "CREATED":
      return collectionSortComparator(shop, "CREATED");
    case "BEST_SELLING":
      return collectionSortComparator(shop, "BEST_SELLING");
    default:
      return byNumericId;
  }
}

/** `CollectionSortKeys` of collection connections. RELEVANCE falls back to id order. */
export function collectionSortKeyComparator(
  key: string,
): Compare<{ id: Gid; title: string; updatedAt: string }> {
  switch (key) {
    case "TITLE":
      return thenById((a, b) => text(a.title, b.title));
    case "UPDATED_AT":
      return thenById((a, b) => time(a.updatedAt, b.updatedAt));
    default:
      return byNumericId;
  }
}
