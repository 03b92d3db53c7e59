import { describe, expect, it } from "vitest";
import { planUndoOf } from "./undo-plan";

const C1 = "gid://shopify/Collection/1";
const C2 = "gid://shopify/Collection/2";

describe("planUndoOf", () => {
  it("GIVEN applied adds and removes THEN the undo removes what was added and adds back what was removed, skipping failures", () => {
    const plan = planUndoOf(
      [
        { op: "add", collectionId: C1, productIds: ["p1", "p2"], failedIds: new Set(["p2"]) },
        { op: "remove", collectionId: C1, productIds: ["p3"], failedIds: new Set() },
      ],
      new Map([[C1, { id: C1, title: "Jackor", productsCount: 10 }]]),
      new Map(),
    );
    expect(plan.items).toEqual([
      { op: "remove", collectionId: C1, productIds: ["p1"] },
      { op: "add", collectionId: C1, productIds: ["p3"] },
    ]);
    expect(plan.summary.collections[0]).toMatchObject({ adds: 1, removes: 1, after: 10 });
  });

  it("GIVEN a collection deleted since THEN the undo says it cannot be restored", () => {
    const plan = planUndoOf(
      [{ op: "add", collectionId: C2, productIds: ["p1"], failedIds: new Set() }],
      new Map([[C2, null]]),
      new Map([[C2, "Byxor"]]),
    );
    expect(plan.items).toEqual([]);
    expect(plan.summary.warnings).toEqual([{ code: "deleted", vars: { collection: "Byxor" } }]);
  });

  it("GIVEN created collections THEN the undo deletes them", () => {
    const plan = planUndoOf(
      [{ op: "create", collectionId: C1, productIds: [], failedIds: new Set() }],
      new Map([[C1, { id: C1, title: "Ny", productsCount: 4 }]]),
      new Map(),
    );
    expect(plan.items).toEqual([{ op: "delete", collectionId: C1, productIds: [] }]);
  });
});
