import type { Collection, Gid, IsoInstant, Product, ShopState } from "../store/types";

/**
 * Publishing state. Products keep `publishedAt` (when they went on the Online Store); collections
 * have no such field in the store, so the instant is remembered here and falls back to the
 * collection's creation for collections published by seeds.
 */

const collectionPublishedAt = new WeakMap<Collection, IsoInstant>();

function onlineStoreIds(shop: ShopState): Set<Gid> {
  return new Set(shop.publications.filter((p) => p.onlineStore).map((p) => p.id));
}

/** When the collection was published to the Online Store; null when it is not published there. */
export function publishedAtOf(collection: Collection, shop?: ShopState): IsoInstant | null {
  const online = shop ? onlineStoreIds(shop) : null;
  const published = online
    ? collection.publicationIds.some((id) => online.has(id))
    : collection.publicationIds.length > 0;
  if (!published) return null;
  return collectionPublishedAt.get(collection) ?? collection.createdAt;
}

/**
 * Adds publications. `at` is `publishDate` when given (the emulator publishes at once and records
 * that instant; it does not model scheduled publishing).
 */
export function publish(
  shop: ShopState,
  resource: Product | Collection,
  publicationIds: readonly Gid[],
  at: IsoInstant,
): void {
  const online = onlineStoreIds(shop);
  const wasOnline = resource.publicationIds.some((id) => online.has(id));
  for (const id of publicationIds) {
    if (!resource.publicationIds.includes(id)) resource.publicationIds.push(id);
  }
  const isOnline = resource.publicationIds.some((id) => online.has(id));
  if (wasOnline || !isOnline) return;
  if ("variants" in resource) resource.publishedAt = at;
  else collectionPublishedAt.set(resource, at);
}

export function unpublish(
  shop: ShopState,
  resource: Product | Collection,
  publicationIds: readonly Gid[],
): void {
  const removed = new Set(publicationIds);
  resource.publicationIds = resource.publicationIds.filter((id) => !removed.has(id));
  const online = onlineStoreIds(shop);
  if (resource.publicationIds.some((id) => online.has(id))) return;
  if ("variants" in resource) resource.publishedAt = null;
  else collectionPublishedAt.delete(resource);
}
