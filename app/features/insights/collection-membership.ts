/**
 * Which products were in which collection on each past day (ADR 012). Pure: the membership
 * Shopify listed at one moment (the snapshot) plus Merchdesk's own applied membership changes in,
 * day intervals out.
 *
 * Before the snapshot, changes are rolled back (an add means the product was not in the
 * collection before it, a remove that it was); after the snapshot they are rolled forward. A
 * product counts on a day when it was in the collection at the *end* of that day, so the day of a
 * change already counts under the new membership, like the action's window does. Changes made
 * outside Merchdesk are not known: their effect is carried back to the start of the data.
 */

export type MembershipOp = "add" | "remove" | "create";

export interface MembershipEvent {
  collectionId: string;
  /** Null for "create" (the collection did not exist before it). */
  productId: string | null;
  op: MembershipOp;
  /** When it was written (ms). */
  at: number;
}

/** A product in a collection from day `from` to day `to` (inclusive; null = unbounded). */
export interface MemberInterval {
  collectionId: string;
  productId: string;
  from: number | null;
  to: number | null;
}

export interface MembershipInput {
  /** [collectionId, productId] pairs listed by Shopify at `snapshotAt`. */
  members: Iterable<readonly [string, string]>;
  snapshotAt: number;
  events: readonly MembershipEvent[];
  /** Local day number of an instant (ShopDayClock.dayOf). */
  dayOf: (ms: number) => number;
}

const key = (collectionId: string, productId: string) => `${collectionId}\u0000${productId}`;

/** Membership intervals of every (collection, product) pair that was ever a member. */
export function membershipIntervals(input: MembershipInput): MemberInterval[] {
  const current = new Set<string>();
  const pairs = new Map<string, { collectionId: string; productId: string }>();
  for (const [collectionId, productId] of input.members) {
    const k = key(collectionId, productId);
    current.add(k);
    pairs.set(k, { collectionId, productId });
  }
  const byPair = new Map<string, MembershipEvent[]>();
  const creations = new Map<string, MembershipEvent[]>();
  for (const event of input.events) {
    if (event.op === "create") {
      const list = creations.get(event.collectionId) ?? [];
      list.push(event);
      creations.set(event.collectionId, list);
      continue;
    }
    if (!event.productId) continue;
    const k = key(event.collectionId, event.productId);
    if (!pairs.has(k))
      pairs.set(k, { collectionId: event.collectionId, productId: event.productId });
    const list = byPair.get(k) ?? [];
    list.push(event);
    byPair.set(k, list);
  }
  const out: MemberInterval[] = [];
  for (const [k, pair] of pairs) {
    const events = [...(byPair.get(k) ?? []), ...(creations.get(pair.collectionId) ?? [])].sort(
      (a, b) => a.at - b.at || order(a.op) - order(b.op),
    );
    for (const interval of pairIntervals(events, current.has(k), input.snapshotAt, input.dayOf)) {
      out.push({ ...pair, ...interval });
    }
  }
  return out;
}

/** At the same instant a collection is created before products go into it. */
function order(op: MembershipOp): number {
  return op === "create" ? 0 : 1;
}

/**
 * One pair's intervals. `after[i]` is the membership right after event i: rolled back from the
 * snapshot for events before it (the state before the next event), rolled forward after it.
 */
function pairIntervals(
  events: readonly MembershipEvent[],
  atSnapshot: boolean,
  snapshotAt: number,
  dayOf: (ms: number) => number,
): { from: number | null; to: number | null }[] {
  const lastBefore = lastIndexAtOrBefore(events, snapshotAt);
  const before = (e: MembershipEvent) => e.op === "remove";
  const initial = lastBefore >= 0 ? before(events[0]) : atSnapshot;
  const after = events.map((e, i) =>
    i < lastBefore ? before(events[i + 1]) : i === lastBefore ? atSnapshot : e.op === "add",
  );
  // End-of-day state: the last event of a day decides that day.
  const intervals: { from: number | null; to: number | null }[] = [];
  let member = initial;
  let since: number | null = null;
  for (let i = 0; i < events.length; i++) {
    const day = dayOf(events[i].at);
    const next = i + 1 < events.length ? dayOf(events[i + 1].at) : null;
    if (next === day) continue; // a later event of the same day decides it
    const state = after[i];
    if (state === member) continue;
    if (member) {
      if (since === null || day - 1 >= since) intervals.push({ from: since, to: day - 1 });
    } else since = day;
    member = state;
  }
  if (member) intervals.push({ from: since, to: null });
  return intervals;
}

function lastIndexAtOrBefore(events: readonly MembershipEvent[], at: number): number {
  let last = -1;
  for (let i = 0; i < events.length; i++) if (events[i].at <= at) last = i;
  return last;
}

/** Was the product in the collection at the end of `day`? */
export function isMemberOn(
  intervals: readonly MemberInterval[],
  collectionId: string,
  productId: string,
  day: number,
): boolean {
  return intervals.some(
    (i) =>
      i.collectionId === collectionId &&
      i.productId === productId &&
      (i.from === null || i.from <= day) &&
      (i.to === null || day <= i.to),
  );
}

/** Products of a collection at the end of `day`. */
export function membersOn(
  intervals: readonly MemberInterval[],
  collectionId: string,
  day: number,
): string[] {
  return intervals
    .filter(
      (i) =>
        i.collectionId === collectionId &&
        (i.from === null || i.from <= day) &&
        (i.to === null || day <= i.to),
    )
    .map((i) => i.productId)
    .sort();
}

/**
 * A collection's (or several collections') daily net sales from per-product daily net sales: each
 * product counted once a day when it was in any of them. The database does the same join
 * (collection-sales.server.ts); this is the reference it is tested against.
 */
export function collectionSales(
  intervals: readonly MemberInterval[],
  collectionIds: ReadonlySet<string>,
  productDays: readonly { day: number; productId: string; netSales: number }[],
): Map<number, number> {
  const relevant = intervals.filter((i) => collectionIds.has(i.collectionId));
  const out = new Map<number, number>();
  for (const row of productDays) {
    const counted = relevant.some(
      (i) =>
        i.productId === row.productId &&
        (i.from === null || i.from <= row.day) &&
        (i.to === null || row.day <= i.to),
    );
    if (counted) out.set(row.day, (out.get(row.day) ?? 0) + row.netSales);
  }
  return out;
}
