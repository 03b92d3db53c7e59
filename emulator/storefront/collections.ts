import { collectionProductIds } from "../catalog/membership";
import type { Collection, Gid, Product, ShopState } from "../store/types";

/**
 * Collections as the Online Store shows them: only collections and products published on the
 * Online Store publication, products only when ACTIVE, in the collection's sort order. The
 * handle "all" is Shopify's built-in all-products collection (newest first here).
 */

export function onlineStorePublicationIds(shop: ShopState): Set<Gid> {
  return new Set(shop.publications.filter((p) => p.onlineStore).map((p) => p.id));
}

function isOnline(resource: { publicationIds: Gid[] }, online: Set<Gid>): boolean {
  return resource.publicationIds.some((id) => online.has(id));
}

export function isVisibleProduct(product: Product, online: Set<Gid>): boolean {
  return product.status === "ACTIVE" && isOnline(product, online);
}

export function collectionByHandle(shop: ShopState, handle: string): Collection | undefined {
  for (const collection of shop.collections.values()) {
    if (collection.handle === handle) return collection;
  }
  return undefined;
}

export interface StorefrontCollection {
  handle: string;
  collection: Collection | null;
  /** False when the collection does not exist or is not on the Online Store. */
  available: boolean;
  products: Product[];
}

/** A collection's storefront view with at most `limit` products. */
export function storefrontCollection(
  shop: ShopState,
  handle: string,
  limit: number,
): StorefrontCollection {
  const online = onlineStorePublicationIds(shop);
  if (handle === "all") {
    const all = [...shop.products.values()].filter((p) => isVisibleProduct(p, online));
    all.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { handle, collection: null, available: true, products: all.slice(0, limit) };
  }
  const collection = collectionByHandle(shop, handle);
  if (!collection || !isOnline(collection, online)) {
    return { handle, collection: collection ?? null, available: false, products: [] };
  }
  const products: Product[] = [];
  for (const id of collectionProductIds(shop, collection)) {
    const product = shop.products.get(id);
    if (product && isVisibleProduct(product, online)) products.push(product);
    if (products.length >= limit) break;
  }
  return { handle, collection, available: true, products };
}

/** Every visible product id in the collection (for the shopper simulation's featuring). */
export function visibleCollectionProductIds(shop: ShopState, handle: string): Gid[] {
  const online = onlineStorePublicationIds(shop);
  const collection = collectionByHandle(shop, handle);
  if (!collection || !isOnline(collection, online)) return [];
  return collectionProductIds(shop, collection).filter((id) => {
    const product = shop.products.get(id);
    return product !== undefined && isVisibleProduct(product, online);
  });
}
