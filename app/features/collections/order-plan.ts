import { z } from "zod";
import { collectionGid, productGid } from "./membership-request";
import { chunk, type Plan, type PlannedItem, type PlanWarning } from "./plan-types";

/**
 * Merchandising a MANUAL-sorted collection: what the merchant asks for (drag a page of products,
 * move one product to a position, pin products to the top) becomes the desired order, and the
 * desired order becomes the fewest `collectionReorderProducts` moves. Pure.
 */

/** A `MoveInput`: the product goes to this 0-based position, counted after the previous moves. */
export interface Move {
  id: string;
  newPosition: number;
}

/** Most products one "arrange" request may rearrange (the order page sends one page of them). */
export const MAX_ARRANGE = 5_000;
export const MAX_PIN = 250;

/** The messages are translation keys (the order page shows them translated). */
export const orderRequestSchema = z.discriminatedUnion("mode", [
  z.object({
    mode: z.literal("arrange"),
    collectionId: collectionGid,
    start: z.number().int("collections.order.error.start").min(0, "collections.order.error.start"),
    productIds: z
      .array(productGid)
      .min(1, "collections.order.error.nothingToSave")
      .max(MAX_ARRANGE, "collections.order.error.tooMany"),
  }),
  z.object({
    mode: z.literal("move"),
    collectionId: collectionGid,
    productId: productGid,
    position: z
      .number({ invalid_type_error: "collections.order.error.position" })
      .int("collections.order.error.position")
      .min(1, "collections.order.error.position"),
  }),
  z.object({
    mode: z.literal("pin"),
    collectionId: collectionGid,
    productIds: z
      .array(productGid)
      .min(1, "collections.order.error.pinNone")
      .max(MAX_PIN, "collections.order.error.tooMany")
      .transform((ids) => [...new Set(ids)]),
  }),
]);

export type OrderRequest = z.infer<typeof orderRequestSchema>;

/** Why a request cannot be planned at all (a message key under collections.order.refused.*). */
export interface OrderRefusal {
  code: "notManual" | "notInCollection" | "windowChanged";
  vars: Record<string, string | number>;
}

/**
 * An order of products as small integers in a typed array: moving a product is an `indexOf` and
 * a `copyWithin`, which keeps 10,000-product orders with thousands of moves well under a second
 * (comparing long GID strings was ~40× slower).
 */
class NumberedOrder {
  private readonly numbers = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly slots: Int32Array;

  constructor(order: readonly string[]) {
    this.slots = new Int32Array(order.length);
    for (const [index, id] of order.entries()) this.slots[index] = this.numberOf(id);
  }

  numberOf(id: string): number {
    let number = this.numbers.get(id);
    if (number === undefined) {
      number = this.ids.length;
      this.numbers.set(id, number);
      this.ids.push(id);
    }
    return number;
  }

  indexOf(id: string): number {
    const number = this.numbers.get(id);
    return number === undefined ? -1 : this.slots.indexOf(number);
  }

  /** Takes the product at `from` out and puts it at `to` (counted without it); returns `to`. */
  move(from: number, to: number): number {
    const number = this.slots[from]!;
    const last = this.slots.length - 1;
    const position = Math.min(to, last);
    if (position > from) this.slots.copyWithin(from, from + 1, position + 1);
    else if (position < from) this.slots.copyWithin(position + 1, position, from);
    this.slots[position] = number;
    return position;
  }

  toArray(): string[] {
    return Array.from(this.slots, (number) => this.ids[number]!);
  }
}

/**
 * Applies moves exactly as Shopify documents them: each product is taken out and put back at
 * `newPosition` (a position past the end puts it last). Products not in `order` are ignored.
 */
export function applyMoves(order: readonly string[], moves: readonly Move[]): string[] {
  const numbered = new NumberedOrder(order);
  for (const move of moves) {
    const from = numbered.indexOf(move.id);
    if (from !== -1) numbered.move(from, move.newPosition);
  }
  return numbered.toArray();
}

/** Indices into `values` of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest last value of a run of length k+1
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const run: number[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) run.push(i);
  return run.reverse();
}

/**
 * The fewest moves turning `current` into `target` (the same products): the products of one
 * longest run already in target order stay, every other product moves once — in target order,
 * each right behind its target predecessor (that predecessor is already in place, so the
 * position is exact). Throws when the two lists do not hold the same products.
 */
export function movesBetween(current: readonly string[], target: readonly string[]): Move[] {
  const targetIndex = new Map(target.map((id, index) => [id, index]));
  if (targetIndex.size !== current.length || current.some((id) => !targetIndex.has(id))) {
    throw new Error("movesBetween: current and target must hold the same products");
  }
  const staying = new Set(
    longestIncreasingRun(current.map((id) => targetIndex.get(id)!)).map((i) => current[i]!),
  );
  const order = new NumberedOrder(current);
  const moves: Move[] = [];
  for (const [index, id] of target.entries()) {
    if (staying.has(id)) continue;
    const from = order.indexOf(id);
    // Right behind the predecessor, counted with this product taken out.
    const previous = index === 0 ? -1 : order.indexOf(target[index - 1]!);
    const newPosition = previous === -1 ? 0 : previous < from ? previous + 1 : previous;
    order.move(from, newPosition);
    moves.push({ id, newPosition });
  }
  return moves;
}

/** The order the merchant asked for, from the current order, or why it cannot be planned. */
export function targetOrder(
  current: readonly string[],
  request: OrderRequest,
  collectionTitle: string,
): { target: string[]; warnings: PlanWarning[] } | { refusal: OrderRefusal } {
  const members = new Set(current);
  const warnings: PlanWarning[] = [];
  const collection = collectionTitle;
  switch (request.mode) {
    case "move": {
      if (!members.has(request.productId)) {
        return { refusal: { code: "notInCollection", vars: { count: 1, collection } } };
      }
      if (request.position > current.length) {
        warnings.push({
          code: "positionOutOfRange",
          vars: { position: request.position, count: current.length },
        });
      }
      const target = current.filter((id) => id !== request.productId);
      target.splice(Math.min(request.position, current.length) - 1, 0, request.productId);
      return { target, warnings };
    }
    case "pin": {
      const pinned = request.productIds.filter((id) => members.has(id));
      const outside = request.productIds.length - pinned.length;
      if (pinned.length === 0) {
        return { refusal: { code: "notInCollection", vars: { count: outside, collection } } };
      }
      if (outside > 0)
        warnings.push({ code: "notInCollection", vars: { count: outside, collection } });
      const pinnedSet = new Set(pinned);
      return { target: [...pinned, ...current.filter((id) => !pinnedSet.has(id))], warnings };
    }
    case "arrange": {
      const { start, productIds } = request;
      const page = current.slice(start, start + productIds.length);
      const asked = new Set(productIds);
      const samePage =
        page.length === productIds.length &&
        asked.size === productIds.length &&
        page.every((id) => asked.has(id));
      if (!samePage) return { refusal: { code: "windowChanged", vars: { collection } } };
      return {
        target: [
          ...current.slice(0, start),
          ...productIds,
          ...current.slice(start + productIds.length),
        ],
        warnings,
      };
    }
  }
}

export interface OrderedCollection {
  id: string;
  title: string;
  sortOrder: string;
  products: readonly { id: string; title: string }[];
}

export interface ReorderItemData {
  moves: Move[];
  /** Which call of this collection's reorder this is (0 = the first). */
  step: number;
}

/**
 * What a change stores as its snapshot: each collection's order before applying. An order with
 * an entry in `gaps` is partial: its first `gaps[id]` products are the head of the collection,
 * the rest its tail, and products between them were not read (a removal snapshot reads only as
 * far as the removed products, ADR 023).
 */
export interface OrderSnapshot {
  orders: Record<string, string[]>;
  gaps?: Record<string, number>;
}

export function orderSnapshotOf(value: unknown): OrderSnapshot {
  const record = value as { orders?: unknown; gaps?: unknown } | null;
  const orders = record?.orders;
  if (typeof orders !== "object" || orders === null) return { orders: {} };
  const valid = Object.fromEntries(
    Object.entries(orders).filter(
      (entry): entry is [string, string[]] =>
        Array.isArray(entry[1]) && entry[1].every((id) => typeof id === "string"),
    ),
  );
  const gaps = Object.entries(
    typeof record?.gaps === "object" && record.gaps !== null ? record.gaps : {},
  ).filter(
    (entry): entry is [string, number] =>
      Number.isInteger(entry[1]) && entry[0] in valid && (entry[1] as number) >= 0,
  );
  return gaps.length > 0 ? { orders: valid, gaps: Object.fromEntries(gaps) } : { orders: valid };
}

export const ORDER_SAMPLE_SIZE = 20;

/** The plan of moving `current` into `target` for one collection, one item per 250 moves. */
export function planMovesTo(
  collection: OrderedCollection,
  target: readonly string[],
  warnings: PlanWarning[],
): Plan {
  const current = collection.products.map((p) => p.id);
  const moves = movesBetween(current, target);
  const items: PlannedItem[] = chunk(moves).map((moves, step) => ({
    op: "reorder",
    collectionId: collection.id,
    productIds: moves.map((m) => m.id),
    data: { moves, step } satisfies ReorderItemData as unknown as Record<string, unknown>,
  }));
  const titles = new Map(collection.products.map((p) => [p.id, p.title]));
  const from = new Map(current.map((id, index) => [id, index]));
  const moved = new Set(moves.map((m) => m.id));
  const sample = target
    .map((id, to) => ({ id, to }))
    .filter(({ id }) => moved.has(id))
    .slice(0, ORDER_SAMPLE_SIZE)
    .map(({ id, to }) => ({
      id,
      title: `${titles.get(id) ?? id} (${from.get(id)! + 1} → ${to + 1})`,
    }));
  const count = current.length;
  return {
    summary: {
      totals: {
        adds: 0,
        removes: 0,
        creates: 0,
        collections: moves.length > 0 ? 1 : 0,
        moves: moves.length,
      },
      collections: [
        {
          id: collection.id,
          title: collection.title,
          adds: 0,
          removes: 0,
          before: count,
          after: count,
        },
      ],
      sample,
      warnings,
    },
    items,
    collectionIds: [collection.id],
    totalUnits: moves.length,
  };
}

/** Plans a merchant's reorder request, or refuses it (collection not MANUAL, unknown product...). */
export function planOrder(
  collection: OrderedCollection,
  request: OrderRequest,
): { plan: Plan; snapshot: OrderSnapshot } | { refusal: OrderRefusal } {
  if (collection.sortOrder !== "MANUAL") {
    return { refusal: { code: "notManual", vars: { collection: collection.title } } };
  }
  const current = collection.products.map((p) => p.id);
  const wanted = targetOrder(current, request, collection.title);
  if ("refusal" in wanted) return wanted;
  return {
    plan: planMovesTo(collection, wanted.target, wanted.warnings),
    snapshot: { orders: { [collection.id]: current } },
  };
}

/**
 * The order to restore: the snapshot's products that are still members, in the snapshot's order;
 * products that joined since keep their current position. Also says what cannot be restored.
 * With a `gap` (a partial snapshot: head = `snapshot[0, gap)`, tail = the rest) the products the
 * snapshot never saw go between head and tail in their live order: the unread middle, whose
 * relative order a removal leaves intact. Unseen products that now come after the tail's first
 * member (added since) stay after the tail.
 */
export function restoreTarget(
  snapshot: readonly string[],
  live: readonly string[],
  gap?: number,
): { target: string[]; removedSince: number; addedSince: number } {
  const members = new Set(live);
  const before = new Set(snapshot);
  if (gap !== undefined) {
    const tail = new Set(snapshot.slice(gap));
    const firstTail = live.findIndex((id) => tail.has(id));
    const unseen = live.filter((id) => !before.has(id));
    const middle = new Set(
      live.filter((id, index) => !before.has(id) && (firstTail === -1 || index < firstTail)),
    );
    const kept = (ids: readonly string[]) => ids.filter((id) => members.has(id));
    const target = [
      ...kept(snapshot.slice(0, gap)),
      ...[...middle],
      ...kept(snapshot.slice(gap)),
      ...unseen.filter((id) => !middle.has(id)),
    ];
    return {
      target,
      removedSince: snapshot.length - kept(snapshot).length,
      addedSince: unseen.length - middle.size,
    };
  }
  const target = snapshot.filter((id) => members.has(id));
  let addedSince = 0;
  for (const [index, id] of live.entries()) {
    if (before.has(id)) continue;
    addedSince++;
    target.splice(Math.min(index, target.length), 0, id);
  }
  return { target, removedSince: snapshot.length - (target.length - addedSince), addedSince };
}

/** The undo of an order change: moves from the live order back to the snapshot's. */
export function planOrderRestore(collection: OrderedCollection, snapshot: readonly string[]): Plan {
  const live = collection.products.map((p) => p.id);
  const { target, removedSince, addedSince } = restoreTarget(snapshot, live);
  const warnings: PlanWarning[] = [];
  const vars = { collection: collection.title };
  if (removedSince > 0)
    warnings.push({ code: "removedSince", vars: { ...vars, count: removedSince } });
  if (addedSince > 0) warnings.push({ code: "addedSince", vars: { ...vars, count: addedSince } });
  return planMovesTo(collection, target, warnings);
}

/** The data of a "restoreOrder" item: the manual order to put back once membership is undone. */
export interface RestoreOrderItemData {
  order: string[];
  /** Set when `order` is a partial snapshot (see `OrderSnapshot.gaps`). */
  gap?: number;
}

/**
 * Adds to the undo of a membership change one "restoreOrder" item per MANUAL collection whose
 * order was snapshotted and that gets products back, after that collection's other items: the
 * re-added products land at the end, and this item then moves everyone back to the snapshot.
 */
export function withOrderRestore(plan: Plan, snapshotJson: unknown): Plan {
  const { orders, gaps } = orderSnapshotOf(snapshotJson);
  const readding = new Set(
    plan.items.filter((item) => item.op === "add").map((item) => item.collectionId),
  );
  const restoring = Object.keys(orders).filter((id) => readding.has(id));
  if (restoring.length === 0) return plan;
  const items: PlannedItem[] = [];
  for (const [index, item] of plan.items.entries()) {
    items.push(item);
    const last = item.collectionId && plan.items[index + 1]?.collectionId !== item.collectionId;
    if (last && restoring.includes(item.collectionId!)) {
      items.push({
        op: "restoreOrder",
        collectionId: item.collectionId,
        productIds: [],
        data: {
          order: orders[item.collectionId!]!,
          ...(gaps?.[item.collectionId!] !== undefined ? { gap: gaps[item.collectionId!] } : {}),
        } satisfies RestoreOrderItemData as unknown as Record<string, unknown>,
      });
    }
  }
  const titles = new Map(plan.summary.collections.map((c) => [c.id, c.title]));
  return {
    ...plan,
    items,
    summary: {
      ...plan.summary,
      warnings: [
        ...plan.summary.warnings,
        ...restoring.map((id) => ({
          code: "orderRestored" as const,
          vars: { collection: titles.get(id) ?? id },
        })),
      ],
    },
    totalUnits: plan.totalUnits + restoring.length,
  };
}
