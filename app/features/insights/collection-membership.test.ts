import { describe, expect, it } from "vitest";
import {
  collectionSales,
  isMemberOn,
  membersOn,
  membershipIntervals,
  type MembershipEvent,
} from "./collection-membership";

/** Days are plain numbers here; an event at day d + h hours happens h hours into day d. */
const DAY = 86_400_000;
const dayOf = (ms: number) => Math.floor(ms / DAY);
const at = (day: number, hour = 12) => day * DAY + hour * 3_600_000;

const SUMMER = "gid://shopify/Collection/1";
const SALE = "gid://shopify/Collection/2";
const TENT = "gid://shopify/Product/10";
const STOVE = "gid://shopify/Product/11";
const BOOTS = "gid://shopify/Product/12";

function event(
  collectionId: string,
  productId: string | null,
  op: MembershipEvent["op"],
  day: number,
  hour = 12,
): MembershipEvent {
  return { collectionId, productId, op, at: at(day, hour) };
}

describe("membership by day", () => {
  it("GIVEN no Merchdesk changes WHEN rolled back THEN today's members count on every day", () => {
    const intervals = membershipIntervals({
      members: [[SUMMER, TENT]],
      snapshotAt: at(100),
      events: [],
      dayOf,
    });
    expect(intervals).toEqual([{ collectionId: SUMMER, productId: TENT, from: null, to: null }]);
    expect(isMemberOn(intervals, SUMMER, TENT, 1)).toBe(true);
  });

  it("GIVEN a product added on day 50 WHEN rolled back THEN it counts from day 50 (the day of the change) on", () => {
    const intervals = membershipIntervals({
      members: [[SUMMER, TENT]],
      snapshotAt: at(100),
      events: [event(SUMMER, TENT, "add", 50)],
      dayOf,
    });
    expect(isMemberOn(intervals, SUMMER, TENT, 49)).toBe(false);
    expect(isMemberOn(intervals, SUMMER, TENT, 50)).toBe(true);
    expect(isMemberOn(intervals, SUMMER, TENT, 100)).toBe(true);
  });

  it("GIVEN a product removed on day 60 WHEN rolled back THEN it counted until day 59, though it is not in the collection now", () => {
    const intervals = membershipIntervals({
      members: [],
      snapshotAt: at(100),
      events: [event(SUMMER, STOVE, "remove", 60)],
      dayOf,
    });
    expect(intervals).toEqual([{ collectionId: SUMMER, productId: STOVE, from: null, to: 59 }]);
  });

  it("GIVEN adds and removes over time and an undo WHEN rolled back THEN each day has the membership of its end", () => {
    // Added on day 10, removed on day 20 (a later change), re-added by undoing that on day 30.
    const intervals = membershipIntervals({
      members: [[SUMMER, TENT]],
      snapshotAt: at(100),
      events: [
        event(SUMMER, TENT, "add", 10),
        event(SUMMER, TENT, "remove", 20),
        event(SUMMER, TENT, "add", 30),
      ],
      dayOf,
    });
    expect(intervals).toEqual([
      { collectionId: SUMMER, productId: TENT, from: 10, to: 19 },
      { collectionId: SUMMER, productId: TENT, from: 30, to: null },
    ]);
  });

  it("GIVEN an add and its undo on the same day WHEN rolled back THEN the product never counts", () => {
    const intervals = membershipIntervals({
      members: [],
      snapshotAt: at(100),
      events: [event(SUMMER, BOOTS, "add", 40, 9), event(SUMMER, BOOTS, "remove", 40, 15)],
      dayOf,
    });
    expect(intervals).toEqual([]);
  });

  it("GIVEN changes after the snapshot WHEN computed THEN they are rolled forward, not back", () => {
    const intervals = membershipIntervals({
      members: [[SUMMER, TENT]],
      snapshotAt: at(100),
      events: [event(SUMMER, TENT, "remove", 102), event(SUMMER, STOVE, "add", 103)],
      dayOf,
    });
    expect(isMemberOn(intervals, SUMMER, TENT, 101)).toBe(true);
    expect(isMemberOn(intervals, SUMMER, TENT, 102)).toBe(false);
    expect(isMemberOn(intervals, SUMMER, STOVE, 100)).toBe(false);
    expect(isMemberOn(intervals, SUMMER, STOVE, 103)).toBe(true);
  });

  it("GIVEN a product in several collections WHEN one collection changes THEN the other keeps it", () => {
    const intervals = membershipIntervals({
      members: [
        [SUMMER, TENT],
        [SALE, TENT],
        [SALE, STOVE],
      ],
      snapshotAt: at(100),
      events: [event(SALE, TENT, "add", 70), event(SUMMER, STOVE, "remove", 80)],
      dayOf,
    });
    expect(membersOn(intervals, SALE, 69)).toEqual([STOVE]);
    expect(membersOn(intervals, SALE, 70)).toEqual([STOVE, TENT].sort());
    expect(membersOn(intervals, SUMMER, 60)).toEqual([STOVE, TENT].sort());
    expect(membersOn(intervals, SUMMER, 80)).toEqual([TENT]);
  });

  it("GIVEN a collection Merchdesk created on day 30 WHEN rolled back THEN it had no products before", () => {
    const intervals = membershipIntervals({
      members: [[SALE, BOOTS]],
      snapshotAt: at(100),
      events: [event(SALE, null, "create", 30)],
      dayOf,
    });
    expect(intervals).toEqual([{ collectionId: SALE, productId: BOOTS, from: 30, to: null }]);
  });

  it("GIVEN a change Shopify contradicts (added by Merchdesk, gone now) WHEN rolled back THEN the snapshot wins after the change", () => {
    // Removed outside Merchdesk at an unknown time: the app cannot know when, so it counts from
    // the add to nowhere (not a member at the snapshot, the add's own day says member).
    const intervals = membershipIntervals({
      members: [],
      snapshotAt: at(100),
      events: [event(SUMMER, BOOTS, "add", 50)],
      dayOf,
    });
    expect(isMemberOn(intervals, SUMMER, BOOTS, 49)).toBe(false);
    expect(isMemberOn(intervals, SUMMER, BOOTS, 60)).toBe(false);
  });
});

describe("collection net sales from product days", () => {
  it("GIVEN a product in two collections WHEN both are summed THEN its sales count once a day", () => {
    const intervals = membershipIntervals({
      members: [
        [SUMMER, TENT],
        [SALE, TENT],
        [SALE, STOVE],
      ],
      snapshotAt: at(100),
      events: [event(SALE, STOVE, "add", 5)],
      dayOf,
    });
    const productDays = [
      { day: 4, productId: TENT, netSales: 100 },
      { day: 4, productId: STOVE, netSales: 40 },
      { day: 5, productId: TENT, netSales: 80 },
      { day: 5, productId: STOVE, netSales: 30 },
      { day: 5, productId: BOOTS, netSales: 999 },
    ];
    expect([...collectionSales(intervals, new Set([SALE]), productDays)]).toEqual([
      [4, 100],
      [5, 110],
    ]);
    expect([...collectionSales(intervals, new Set([SUMMER, SALE]), productDays)]).toEqual([
      [4, 100],
      [5, 110],
    ]);
    expect([...collectionSales(intervals, new Set([SUMMER]), productDays)]).toEqual([
      [4, 100],
      [5, 80],
    ]);
  });
});
