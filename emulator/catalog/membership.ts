import type {
  Collection,
  CollectionSource,
  ConditionsSource,
  Gid,
  Product,
  ShopState,
} from "../store/types";
import {
  compileExclusionCondition,
  compileInclusionCondition,
  matchConditions,
} from "./conditions";
import { orderCollectionMembers } from "./sorting";

/**
 * Collection membership from sources (2026-07+ model):
 * - a conditions source = (manual selections ∪ products matching the inclusion conditions under
 *   the inclusion matchType) minus its exclusions (manual exclusions, exclusion conditions under
 *   the exclusion matchType — ANY when unset — and members of excluded collections);
 * - a sub-collections source = the union of the referenced collections' members;
 * - a collection = the union of its sources, in join order (sources in order; within a source,
 *   selections as added, then condition matches in catalog order).
 *
 * Results are cached per shop and recomputed after any catalog write: the catalog resolvers call
 * `markCatalogChanged`, every Admin API mutation logged in `shop.mutationLog` (e.g. a variant price
 * update) invalidates, and adding or removing products or collections is detected on its own.
 * Other in-process writers that edit products or collections in place (seeds, simulation, control
 * API) must call `markCatalogChanged(shop)`.
 */

export interface Membership {
  /** Members in join order. */
  joinOrder: Gid[];
  members: Set<Gid>;
  /** For members that joined through VARIANTS sources or variant selections: those variant ids. */
  variantIds: Map<Gid, Gid[]>;
}

interface ShopCache {
  key: string;
  /** The newest mutation-log entry seen: any Admin API mutation since then invalidates. */
  lastMutation: object | undefined;
  memberships: Map<Gid, Membership>;
  sorted: Map<Gid, Gid[]>;
  variantOwners: Map<Gid, Gid> | null;
}

const versions = new WeakMap<ShopState, number>();
const caches = new WeakMap<ShopState, ShopCache>();

/** Invalidates cached memberships after products, variants or collections changed. */
export function markCatalogChanged(shop: ShopState): void {
  versions.set(shop, (versions.get(shop) ?? 0) + 1);
}

function cacheFor(shop: ShopState): ShopCache {
  const key = [
    versions.get(shop) ?? 0,
    shop.products.size,
    shop.collections.size,
    shop.orders.length,
  ].join(":");
  const lastMutation = shop.mutationLog.at(-1);
  let cache = caches.get(shop);
  if (!cache || cache.key !== key || cache.lastMutation !== lastMutation) {
    cache = { key, lastMutation, memberships: new Map(), sorted: new Map(), variantOwners: null };
    caches.set(shop, cache);
  }
  return cache;
}

/** Whether `collection` is the stored one (only those are cached; previews are computed fresh). */
function isStored(shop: ShopState, collection: Collection): boolean {
  return shop.collections.get(collection.id) === collection;
}

/** Members of a collection in join order, with variant detail. */
export function collectionMembership(shop: ShopState, collection: Collection): Membership {
  return membershipOf(shop, collection, new Set());
}

function membershipOf(shop: ShopState, collection: Collection, visiting: Set<Gid>): Membership {
  const cache = cacheFor(shop);
  const stored = isStored(shop, collection);
  const cached = stored ? cache.memberships.get(collection.id) : undefined;
  if (cached) return cached;
  // A reference cycle (which the mutations refuse) contributes nothing rather than recursing.
  if (visiting.has(collection.id)) return emptyMembership();
  visiting.add(collection.id);
  const builder = new MembershipBuilder();
  for (const source of collection.sources) addSource(shop, source, builder, visiting);
  visiting.delete(collection.id);
  const membership = builder.build();
  if (stored) cache.memberships.set(collection.id, membership);
  return membership;
}

function emptyMembership(): Membership {
  return { joinOrder: [], members: new Set(), variantIds: new Map() };
}

class MembershipBuilder {
  private readonly order: Gid[] = [];
  /** null = the whole product. */
  private readonly variants = new Map<Gid, Set<Gid> | null>();

  add(productId: Gid, variantIds: readonly Gid[] | null): void {
    if (!this.variants.has(productId)) {
      this.order.push(productId);
      this.variants.set(productId, variantIds ? new Set(variantIds) : null);
      return;
    }
    const known = this.variants.get(productId);
    if (!known) return;
    if (!variantIds) this.variants.set(productId, null);
    else for (const id of variantIds) known.add(id);
  }

  build(): Membership {
    const variantIds = new Map<Gid, Gid[]>();
    for (const [productId, ids] of this.variants) if (ids) variantIds.set(productId, [...ids]);
    return { joinOrder: this.order, members: new Set(this.order), variantIds };
  }
}

function addSource(
  shop: ShopState,
  source: CollectionSource,
  builder: MembershipBuilder,
  visiting: Set<Gid>,
): void {
  if (source.kind === "subCollections") {
    for (const id of source.collectionIds) {
      const referenced = shop.collections.get(id);
      if (!referenced) continue;
      const membership = membershipOf(shop, referenced, visiting);
      for (const productId of membership.joinOrder) {
        builder.add(productId, membership.variantIds.get(productId) ?? null);
      }
    }
    return;
  }
  for (const [productId, variantIds] of conditionsSourceMembers(shop, source, visiting)) {
    builder.add(productId, variantIds);
  }
}

/** Members of one conditions source, in join order, with matched variants for VARIANTS sources. */
function conditionsSourceMembers(
  shop: ShopState,
  source: ConditionsSource,
  visiting: Set<Gid>,
): Map<Gid, Gid[] | null> {
  const isExcluded = exclusionTest(shop, source, visiting);
  const members = new Map<Gid, Gid[] | null>();
  const variantTarget = source.targetType === "VARIANTS";
  for (const selection of source.inclusion.selections) {
    const product = shop.products.get(selection.productId);
    if (!product || isExcluded(product) || members.has(product.id)) continue;
    members.set(product.id, variantTarget ? selection.variantIds : null);
  }
  const conditions = source.inclusion.conditions.map(compileInclusionCondition);
  if (conditions.length === 0) return members;
  const matchType = source.inclusion.matchType ?? "ALL";
  for (const product of shop.products.values()) {
    const result = matchConditions(product, conditions, matchType, source.targetType);
    if (!result.matches || isExcluded(product)) continue;
    const selected = members.get(product.id);
    if (!members.has(product.id)) members.set(product.id, result.variantIds);
    else if (selected && result.variantIds) {
      members.set(product.id, [...new Set([...selected, ...result.variantIds])]);
    }
  }
  return members;
}

function exclusionTest(
  shop: ShopState,
  source: ConditionsSource,
  visiting: Set<Gid>,
): (product: Product) => boolean {
  const exclusion = source.exclusion;
  if (!exclusion) return () => false;
  const selected = new Set(exclusion.selections.map((selection) => selection.productId));
  const excludedCollections: Set<Gid>[] = [];
  const tests: ((product: Product) => boolean)[] = [];
  for (const condition of exclusion.conditions) {
    if (condition.kind === "collection") {
      for (const id of condition.values ?? []) {
        const referenced = shop.collections.get(String(id));
        if (referenced) excludedCollections.push(membershipOf(shop, referenced, visiting).members);
      }
    } else {
      tests.push(compileExclusionCondition({ ...condition, kind: condition.kind }));
    }
  }
  const all = exclusion.matchType === "ALL";
  return (product) =>
    selected.has(product.id) ||
    excludedCollections.some((members) => members.has(product.id)) ||
    (tests.length > 0 &&
      (all ? tests.every((test) => test(product)) : tests.some((test) => test(product))));
}

/** Member product ids of one source of `collection` (the `CollectionConditionsSource.products`). */
export function sourceProductIds(shop: ShopState, source: CollectionSource): Gid[] {
  const builder = new MembershipBuilder();
  addSource(shop, source, builder, new Set());
  return builder.build().joinOrder;
}

/**
 * A collection's product ids in its `sortOrder` (MANUAL: `manualOrder`, then the other members in
 * join order). Used by the storefront renderer and the `products` connections.
 */
export function collectionProductIds(shop: ShopState, collection: Collection): Gid[] {
  const cache = cacheFor(shop);
  const stored = isStored(shop, collection);
  const cached = stored ? cache.sorted.get(collection.id) : undefined;
  if (cached) return cached;
  const membership = collectionMembership(shop, collection);
  const sorted = orderCollectionMembers(
    shop,
    collection.sortOrder,
    membership.joinOrder,
    collection.manualOrder,
  );
  if (stored) cache.sorted.set(collection.id, sorted);
  return sorted;
}

export function collectionHasProduct(shop: ShopState, collection: Collection, productId: Gid) {
  return collectionMembership(shop, collection).members.has(productId);
}

/** The stored collections `productId` belongs to, in collection id order of the shop map. */
export function collectionsContaining(shop: ShopState, productId: Gid): Collection[] {
  return [...shop.collections.values()].filter((collection) =>
    collectionHasProduct(shop, collection, productId),
  );
}

/** The product a variant belongs to (index rebuilt with the membership cache). */
export function productOfVariant(shop: ShopState, variantId: Gid): Product | undefined {
  const cache = cacheFor(shop);
  if (!cache.variantOwners) {
    cache.variantOwners = new Map();
    for (const product of shop.products.values()) {
      for (const variant of product.variants) cache.variantOwners.set(variant.id, product.id);
    }
  }
  const productId = cache.variantOwners.get(variantId);
  const product = productId ? shop.products.get(productId) : undefined;
  if (product?.variants.some((variant) => variant.id === variantId)) return product;
  // The index can lag behind writers that did not mark the catalog changed: fall back to a scan.
  for (const candidate of shop.products.values()) {
    if (candidate.variants.some((variant) => variant.id === variantId)) return candidate;
  }
  return undefined;
}
