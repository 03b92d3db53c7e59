import { describe, expect, it } from "vitest";
import {
  applyMoves,
  movesBetween,
  orderRequestSchema,
  orderSnapshotOf,
  planOrder,
  planOrderRestore,
  restoreTarget,
  targetOrder,
  withOrderRestore,
  type OrderedCollection,
  type ReorderItemData,
} from "./order-plan";
import type { Plan } from "./plan-types";

const C = "gid://shopify/Collection/1";
const pid = (n: number) => `gid://shopify/Product/${n}`;
const ids = (count: number) => Array.from({ length: count }, (_, i) => pid(i + 1));

function collection(order: string[], sortOrder = "MANUAL"): OrderedCollection {
  return {
    id: C,
    title: "Vinterjackor",
    sortOrder,
    products: order.map((id) => ({ id, title: `Product ${id.split("/").pop()}` })),
  };
}

/** A seeded shuffle, so failures reproduce. */
function shuffled<T>(values: readonly T[], seed: number): T[] {
  const result = [...values];
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Length of a longest run of `current` already in `target` order (the products that stay). */
function longestKeptRun(current: readonly string[], target: readonly string[]): number {
  const index = new Map(target.map((id, i) => [id, i]));
  const values = current.map((id) => index.get(id)!);
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < i; j++)
      if (values[j]! < values[i]!) best[i] = Math.max(best[i]!, best[j]! + 1);
  }
  return Math.max(0, ...best);
}

describe("applyMoves", () => {
  it("GIVEN Shopify's documented example THEN E→1 then C→4 gives A,E,B,D,C", () => {
    const moves = [
      { id: "E", newPosition: 1 },
      { id: "C", newPosition: 4 },
    ];
    expect(applyMoves(["A", "B", "C", "D", "E"], moves)).toEqual(["A", "E", "B", "D", "C"]);
  });

  it("GIVEN a position past the end THEN the product goes last", () => {
    expect(applyMoves(["A", "B", "C"], [{ id: "A", newPosition: 99 }])).toEqual(["B", "C", "A"]);
  });
});

describe("movesBetween", () => {
  it("GIVEN the first product moved to the end THEN one move suffices", () => {
    const current = ids(6);
    const target = [...current.slice(1), current[0]!];
    expect(movesBetween(current, target)).toEqual([{ id: pid(1), newPosition: 5 }]);
  });

  it("GIVEN random orders THEN the moves reach the target and move only products outside the longest kept run", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const current = ids(2 + (seed % 15));
      const target = shuffled(current, seed);
      const moves = movesBetween(current, target);
      expect(applyMoves(current, moves)).toEqual(target);
      expect(moves.length).toBe(current.length - longestKeptRun(current, target));
    }
  });

  it("GIVEN the same order THEN there is nothing to move", () => {
    expect(movesBetween(ids(5), ids(5))).toEqual([]);
  });

  it("GIVEN lists with different products THEN it refuses", () => {
    expect(() => movesBetween([pid(1), pid(2)], [pid(1), pid(3)])).toThrow(/same products/);
  });

  it("GIVEN 10,000 products reversed THEN it plans every move and reaches the target", () => {
    const current = ids(10_000);
    const target = [...current].reverse();
    const moves = movesBetween(current, target);
    expect(moves).toHaveLength(9_999);
    expect(applyMoves(current, moves)).toEqual(target);
  });

  it("GIVEN moves chunked by 250 THEN re-sending a chunk after it applied can move products again (so apply verifies instead)", () => {
    // The reason the executor checks the live order before re-sending (ADR 023).
    let found = false;
    for (let seed = 1; seed <= 200 && !found; seed++) {
      const current = ids(8);
      const moves = movesBetween(current, shuffled(current, seed));
      const chunkSize = 2;
      let state = current;
      for (let i = 0; i < moves.length; i += chunkSize) {
        const part = moves.slice(i, i + chunkSize);
        const after = applyMoves(state, part);
        if (applyMoves(after, part).join() !== after.join()) found = true;
        state = after;
      }
    }
    expect(found).toBe(true);
  });
});

describe("targetOrder", () => {
  const current = ids(5);

  it("GIVEN move to position 1 THEN the product leads and the others keep their order", () => {
    const result = targetOrder(
      current,
      { mode: "move", collectionId: C, productId: pid(4), position: 1 },
      "Vinterjackor",
    );
    expect(result).toEqual({ target: [pid(4), pid(1), pid(2), pid(3), pid(5)], warnings: [] });
  });

  it("GIVEN a position past the end THEN the product goes last with a warning", () => {
    const result = targetOrder(
      current,
      { mode: "move", collectionId: C, productId: pid(2), position: 9 },
      "Vinterjackor",
    );
    expect(result).toEqual({
      target: [pid(1), pid(3), pid(4), pid(5), pid(2)],
      warnings: [{ code: "positionOutOfRange", vars: { position: 9, count: 5 } }],
    });
  });

  it("GIVEN a product outside the collection WHEN moving it THEN it is refused", () => {
    const result = targetOrder(
      current,
      { mode: "move", collectionId: C, productId: pid(42), position: 1 },
      "Vinterjackor",
    );
    expect(result).toEqual({
      refusal: { code: "notInCollection", vars: { count: 1, collection: "Vinterjackor" } },
    });
  });

  it("GIVEN products to pin THEN they lead in the given order; non-members are skipped with a warning", () => {
    const result = targetOrder(
      current,
      { mode: "pin", collectionId: C, productIds: [pid(5), pid(42), pid(3)] },
      "Vinterjackor",
    );
    expect(result).toEqual({
      target: [pid(5), pid(3), pid(1), pid(2), pid(4)],
      warnings: [{ code: "notInCollection", vars: { count: 1, collection: "Vinterjackor" } }],
    });
  });

  it("GIVEN a dragged page THEN that page is rearranged in place", () => {
    const result = targetOrder(
      current,
      { mode: "arrange", collectionId: C, start: 1, productIds: [pid(4), pid(2), pid(3)] },
      "Vinterjackor",
    );
    expect(result).toEqual({ target: [pid(1), pid(4), pid(2), pid(3), pid(5)], warnings: [] });
  });

  it("GIVEN a dragged page that no longer matches the live order THEN it is refused", () => {
    const result = targetOrder(
      current,
      { mode: "arrange", collectionId: C, start: 0, productIds: [pid(2), pid(3)] },
      "Vinterjackor",
    );
    expect(result).toEqual({
      refusal: { code: "windowChanged", vars: { collection: "Vinterjackor" } },
    });
  });
});

describe("orderRequestSchema", () => {
  it("GIVEN position 0 THEN it is rejected with the position message", () => {
    const parsed = orderRequestSchema.safeParse({
      mode: "move",
      collectionId: C,
      productId: pid(1),
      position: 0,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("collections.order.error.position");
  });

  it("GIVEN duplicate pins THEN they are kept once", () => {
    const parsed = orderRequestSchema.parse({
      mode: "pin",
      collectionId: C,
      productIds: [pid(1), pid(1), pid(2)],
    });
    expect(parsed.mode === "pin" && parsed.productIds).toEqual([pid(1), pid(2)]);
  });
});

describe("planOrder", () => {
  it("GIVEN a collection not sorted manually THEN it is refused", () => {
    const result = planOrder(collection(ids(3), "BEST_SELLING"), {
      mode: "pin",
      collectionId: C,
      productIds: [pid(3)],
    });
    expect(result).toEqual({
      refusal: { code: "notManual", vars: { collection: "Vinterjackor" } },
    });
  });

  it("GIVEN 600 products reversed THEN the moves come in items of at most 250 with their step and the snapshot is the order before", () => {
    const current = ids(600);
    const result = planOrder(collection(current), {
      mode: "arrange",
      collectionId: C,
      start: 100,
      productIds: current.slice(100, 350).reverse(),
    });
    if ("refusal" in result) throw new Error("refused");
    const { plan, snapshot } = result;
    expect(snapshot.orders[C]).toEqual(current);
    expect(plan.items.map((item) => item.productIds.length)).toEqual([249]);
    const data = plan.items[0]!.data as unknown as ReorderItemData;
    expect(data.step).toBe(0);
    expect(plan.totalUnits).toBe(249);
    expect(plan.summary.totals.moves).toBe(249);
    // Product 350 stays (one longest kept run); the others move in front of it.
    expect(plan.summary.sample[0]!.title).toBe("Product 349 (349 → 102)");
  });

  it("GIVEN 1,000 products fully reversed THEN the moves are split into 4 items whose moves replay to the target", () => {
    const current = ids(1_000);
    const target = [...current].reverse();
    const result = planOrder(collection(current), {
      mode: "pin",
      collectionId: C,
      productIds: target.slice(0, 250),
    });
    if ("refusal" in result) throw new Error("refused");
    let state = current;
    for (const item of result.plan.items) {
      const { moves } = item.data as unknown as ReorderItemData;
      expect(moves.length).toBeLessThanOrEqual(250);
      state = applyMoves(state, moves);
    }
    expect(state.slice(0, 250)).toEqual(target.slice(0, 250));
    expect(state.slice(250)).toEqual(current.slice(0, 750));
  });
});

describe("restoreTarget / planOrderRestore", () => {
  it("GIVEN products removed and added since THEN the rest return to the snapshot order and added ones keep their place", () => {
    const snapshot = [pid(1), pid(2), pid(3), pid(4)];
    const live = [pid(4), pid(9), pid(3), pid(1)]; // 2 removed, 9 added at index 1
    expect(restoreTarget(snapshot, live)).toEqual({
      target: [pid(1), pid(9), pid(3), pid(4)],
      removedSince: 1,
      addedSince: 1,
    });
    const plan = planOrderRestore(collection(live), snapshot);
    expect(plan.summary.warnings.map((w) => w.code)).toEqual(["removedSince", "addedSince"]);
    let state = live;
    for (const item of plan.items)
      state = applyMoves(state, (item.data as unknown as ReorderItemData).moves);
    expect(state).toEqual([pid(1), pid(9), pid(3), pid(4)]);
  });
});

describe("restoreTarget with a partial snapshot (head and tail, ADR 023)", () => {
  it("GIVEN products removed from both ends and re-added at the end THEN the exact old order returns while the unread middle keeps its order", () => {
    const order = ids(20);
    const head = order.slice(0, 4); // read from the front
    const tail = order.slice(15); // read from the back
    const snapshot = [...head, ...tail];
    const removed = [pid(2), pid(17), pid(20)];
    const live = [...order.filter((id) => !removed.includes(id)), ...removed];
    const { target, removedSince, addedSince } = restoreTarget(snapshot, live, head.length);
    expect(target).toEqual(order);
    expect(removedSince).toBe(0);
    expect(addedSince).toBe(0);
    expect(applyMoves(live, movesBetween(live, target))).toEqual(order);
    // Read as a whole order, the same snapshot would wedge the middle inside the head.
    expect(restoreTarget(snapshot, live).target).not.toEqual(order);
  });

  it("GIVEN a tail-only snapshot and a product added since THEN the middle goes first and the added product stays after the tail", () => {
    const order = ids(10);
    const snapshot = order.slice(7); // products 8–10 were read from the back
    // 9 was removed, 11 added since, then undo re-added 9 at the end.
    const live = [...order.filter((id) => id !== pid(9)), pid(11), pid(9)];
    expect(restoreTarget(snapshot, live, 0)).toEqual({
      target: [...order, pid(11)],
      removedSince: 0,
      addedSince: 1,
    });
  });

  it("GIVEN a head-only snapshot THEN everything unread follows the head in its live order", () => {
    const order = ids(8);
    const snapshot = order.slice(0, 3);
    const live = [pid(1), pid(3), pid(4), pid(5), pid(6), pid(7), pid(8), pid(2)];
    expect(restoreTarget(snapshot, live, 3).target).toEqual(order);
  });

  it("GIVEN a stored snapshot with gaps THEN it is read back and the restore item carries the gap", () => {
    const snapshot = { orders: { [C]: [pid(1), pid(9)] }, gaps: { [C]: 1, other: 2, bad: -1 } };
    expect(orderSnapshotOf(snapshot)).toEqual({
      orders: { [C]: [pid(1), pid(9)] },
      gaps: { [C]: 1 },
    });
    const plan: Plan = {
      summary: {
        totals: { adds: 1, removes: 0, creates: 0, collections: 1 },
        collections: [{ id: C, title: "Vinterjackor", adds: 1, removes: 0, before: 9, after: 10 }],
        sample: [],
        warnings: [],
      },
      items: [{ op: "add", collectionId: C, productIds: [pid(9)] }],
      collectionIds: [C],
      totalUnits: 1,
    };
    expect(withOrderRestore(plan, snapshot).items[1]!.data).toEqual({
      order: [pid(1), pid(9)],
      gap: 1,
    });
  });
});

describe("withOrderRestore", () => {
  const plan: Plan = {
    summary: {
      totals: { adds: 2, removes: 1, creates: 0, collections: 2 },
      collections: [
        { id: C, title: "Vinterjackor", adds: 2, removes: 0, before: 3, after: 5 },
        {
          id: "gid://shopify/Collection/2",
          title: "Rea",
          adds: 0,
          removes: 1,
          before: 2,
          after: 1,
        },
      ],
      sample: [],
      warnings: [],
    },
    items: [
      { op: "add", collectionId: C, productIds: [pid(1), pid(2)] },
      { op: "remove", collectionId: "gid://shopify/Collection/2", productIds: [pid(3)] },
    ],
    collectionIds: [C, "gid://shopify/Collection/2"],
    totalUnits: 3,
  };

  it("GIVEN a snapshotted MANUAL collection getting products back THEN a restore item follows its adds", () => {
    const snapshot = {
      orders: { [C]: [pid(2), pid(7), pid(1)], "gid://shopify/Collection/2": [pid(3)] },
    };
    const result = withOrderRestore(plan, snapshot);
    expect(result.items.map((item) => item.op)).toEqual(["add", "restoreOrder", "remove"]);
    expect(result.items[1]!.data).toEqual({ order: [pid(2), pid(7), pid(1)] });
    expect(result.totalUnits).toBe(4);
    expect(result.summary.warnings).toEqual([
      { code: "orderRestored", vars: { collection: "Vinterjackor" } },
    ]);
  });

  it("GIVEN no snapshot THEN the plan is unchanged", () => {
    expect(withOrderRestore(plan, null)).toBe(plan);
  });
});
