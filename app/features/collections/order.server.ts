import type { CollectionChange, Prisma } from "@prisma/client";
import { db } from "../../db.server";
import type { DataOf, ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_PRODUCT_ORDER_QUERY } from "../../shopify/operations/collection-product-order";
import { PRODUCT_IDS_QUERY } from "../../shopify/operations/product-ids";
import { quoteSearchValue } from "./browse";
import { createPlannedChange, updateChange } from "./changes.server";
import {
  orderSnapshotOf,
  planOrder,
  planOrderRestore,
  type OrderedCollection,
  type OrderRefusal,
  type OrderRequest,
  type OrderSnapshot,
} from "./order-plan";
import type { PlanSummary } from "./plan-types";
import { numericIdOf } from "./product-filter";

/**
 * Reading a collection's order from Shopify and turning reorder requests into stored plans
 * (kind "order"), their undo, and the order snapshot of membership changes (ADR 023).
 */
const PAGE = 250;

type OrderPage = NonNullable<DataOf<typeof COLLECTION_PRODUCT_ORDER_QUERY>["collection"]>;
export type OrderProduct = OrderPage["products"]["nodes"][number];

export interface CollectionOrder extends OrderedCollection {
  handle: string;
  productsCount: number;
  products: OrderProduct[];
}

/**
 * One page of a collection's products in its order (the order page shows the first ones);
 * `reverse` pages from the last product backwards.
 */
export async function readOrderPage(
  gateway: ShopifyGateway,
  collectionId: string,
  first: number,
  after: string | null,
  reverse = false,
) {
  const { collection } = await gateway.query(COLLECTION_PRODUCT_ORDER_QUERY, {
    id: collectionId,
    first,
    after,
    reverse,
  });
  return collection ?? null;
}

/**
 * The whole order, page by page (250 products a call); null when the collection is gone.
 * `onProgress` hears the products read so far and the collection's size after each page.
 */
export async function readOrder(
  gateway: ShopifyGateway,
  collectionId: string,
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<CollectionOrder | null> {
  const products: OrderProduct[] = [];
  let after: string | null = null;
  for (;;) {
    const page: OrderPage | null = await readOrderPage(gateway, collectionId, PAGE, after);
    if (!page) return null;
    products.push(...page.products.nodes);
    await onProgress?.(products.length, page.productsCount?.count ?? products.length);
    if (!page.products.pageInfo.hasNextPage) {
      return {
        id: page.id,
        title: page.title,
        handle: page.handle,
        sortOrder: page.sortOrder,
        productsCount: page.productsCount?.count ?? products.length,
        products,
      };
    }
    after = page.products.pageInfo.endCursor ?? null;
  }
}

export async function readOrderIds(gateway: ShopifyGateway, collectionId: string) {
  const order = await readOrder(gateway, collectionId);
  return order ? order.products.map((p) => p.id) : null;
}

/** Products of the collection whose title matches `text` (for "move to position" on any). */
export async function searchInCollection(
  gateway: ShopifyGateway,
  collectionId: string,
  text: string,
  first = 25,
) {
  const { products } = await gateway.query(PRODUCT_IDS_QUERY, {
    query: `title:${quoteSearchValue(text)} collection_id:${numericIdOf(collectionId)}`,
    first,
    after: null,
  });
  return products.nodes;
}

export type PlanOrderResult =
  | { status: "planned"; change: CollectionChange }
  | { status: "refused"; refusal: OrderRefusal }
  | { status: "not_found" };

/**
 * Plans a reorder against the live order and stores it with that order as its snapshot. Large
 * collections are planned by a job (`order-planning.server.ts`) that passes `onProgress`.
 */
export async function planOrderChange(
  gateway: ShopifyGateway,
  shop: string,
  actor: string,
  request: OrderRequest,
  onProgress?: (done: number, total: number) => Promise<void>,
): Promise<PlanOrderResult> {
  const collection = await readOrder(gateway, request.collectionId, onProgress);
  if (!collection) return { status: "not_found" };
  const result = planOrder(collection, request);
  if ("refusal" in result) return { status: "refused", refusal: result.refusal };
  const change = await createPlannedChange(shop, {
    kind: "order",
    request: request as unknown as Prisma.InputJsonValue,
    plan: result.plan,
    createdBy: actor,
    snapshot: result.snapshot as unknown as Prisma.InputJsonValue,
  });
  return { status: "planned", change };
}

/**
 * The undo of an applied order change: moves from the live order back to the snapshot (products
 * removed since are reported; products added since keep their place). Null when the collection
 * is gone or no longer sorted manually.
 */
export async function planOrderUndoChange(
  gateway: ShopifyGateway,
  original: CollectionChange,
  actor: string,
): Promise<CollectionChange | null> {
  const { orders } = orderSnapshotOf(original.snapshot);
  const [collectionId, before] = Object.entries(orders)[0] ?? [];
  if (!collectionId || !before) return null;
  const live = await readOrder(gateway, collectionId);
  if (!live || live.sortOrder !== "MANUAL") return null;
  const plan = planOrderRestore(live, before);
  const snapshot: OrderSnapshot = { orders: { [collectionId]: live.products.map((p) => p.id) } };
  return createPlannedChange(original.shop, {
    kind: "undo",
    request: { undoOf: original.id },
    plan,
    createdBy: actor,
    undoOfId: original.id,
    snapshot: snapshot as unknown as Prisma.InputJsonValue,
  });
}

/** A MANUAL collection's order as far as a removal snapshot needs it. */
export interface OrderEnds {
  /** Head products, then tail products, each in the collection's order. */
  order: string[];
  /** Where the unread middle sits in `order`; undefined when the whole order was read. */
  gap?: number;
}

/**
 * Reads a collection's order from both ends at once (front pages and `reverse` pages in turn)
 * until every product of `wanted` has been seen or the two ends meet. Removing products does
 * not change the relative order of the others, so the unread middle needs no snapshot: removing
 * the newest products (at the end) or pinned ones (at the top) costs a page or two instead of
 * the whole collection. Null when the collection is gone.
 */
export async function readOrderEnds(
  gateway: ShopifyGateway,
  collectionId: string,
  wanted: ReadonlySet<string>,
  pageSize = PAGE,
): Promise<OrderEnds | null> {
  const missing = new Set(wanted);
  const newEnd = () => ({
    ids: [] as string[],
    seen: new Set<string>(),
    after: null as string | null,
  });
  const ends = [newEnd(), newEnd()] as const;
  const whole = (head: string[], tailReversed: string[]) => ({
    order: [...head, ...[...tailReversed].reverse()],
  });
  for (let turn = 0; ; turn++) {
    const side = turn % 2;
    const end = ends[side]!;
    const other = ends[1 - side]!;
    const page = await readOrderPage(gateway, collectionId, pageSize, end.after, side === 1);
    if (!page) return null;
    for (const { id } of page.products.nodes) {
      // Reached a product the other end already read: nothing is left unread.
      if (other.seen.has(id)) {
        return side === 0 ? whole(end.ids, other.ids) : whole(other.ids, end.ids);
      }
      end.ids.push(id);
      end.seen.add(id);
      missing.delete(id);
    }
    if (!page.products.pageInfo.hasNextPage) {
      return side === 0 ? { order: end.ids } : whole([], end.ids);
    }
    end.after = page.products.pageInfo.endCursor ?? null;
    if (missing.size === 0) {
      const [head, tail] = ends;
      return { ...whole(head.ids, tail.ids), gap: head.ids.length };
    }
  }
}

/** The products each collection loses in a membership change, from its stored items. */
async function removedProducts(change: CollectionChange): Promise<Map<string, Set<string>>> {
  const items = await db().collectionChangeItem.findMany({
    where: { shop: change.shop, changeId: change.id, op: "remove" },
    select: { collectionId: true, productIds: true },
  });
  const removed = new Map<string, Set<string>>();
  for (const item of items) {
    if (!item.collectionId) continue;
    const ids = removed.get(item.collectionId) ?? new Set<string>();
    for (const id of item.productIds) ids.add(id);
    removed.set(item.collectionId, ids);
  }
  return removed;
}

/**
 * Before a membership change first writes: the order of each MANUAL collection it removes
 * products from, so that its undo can put them back where they were. Taken once (a retried job
 * finds it stored). Additions need none: undoing one removes the added products, which leaves
 * the others' relative order as it was. Collections not sorted manually cost one small read;
 * manual ones are read from both ends only as far as the removed products (`readOrderEnds`).
 */
export async function snapshotManualOrders(
  gateway: ShopifyGateway,
  change: CollectionChange,
): Promise<void> {
  if (change.kind !== "membership" || change.snapshot !== null || change.startedAt) return;
  const summary = change.summary as unknown as PlanSummary;
  const removing = summary.collections.filter((diff) => diff.removes > 0);
  const removed = removing.length > 0 ? await removedProducts(change) : new Map();
  const snapshot: Required<OrderSnapshot> = { orders: {}, gaps: {} };
  for (const diff of removing) {
    const first = await readOrderPage(gateway, diff.id, 1, null);
    if (first?.sortOrder !== "MANUAL") continue;
    const ends = await readOrderEnds(gateway, diff.id, removed.get(diff.id) ?? new Set());
    if (!ends) continue;
    snapshot.orders[diff.id] = ends.order;
    if (ends.gap !== undefined) snapshot.gaps[diff.id] = ends.gap;
  }
  const stored: OrderSnapshot =
    Object.keys(snapshot.gaps).length > 0 ? snapshot : { orders: snapshot.orders };
  await updateChange(change.shop, change.id, {
    snapshot: stored as unknown as Prisma.InputJsonValue,
  });
}
