import { describe, expect, it } from "vitest";
import { resolveEdit } from "./edit-plan";
import type { ConditionInput, EditTarget } from "./edit-target";
import { inverseOf, planEditUndo } from "./edit-undo";

const C1 = "gid://shopify/Collection/1";
const WEB = "gid://shopify/Publication/1";
const tag = (...values: string[]): ConditionInput => ({
  productTag: { matchType: "ANY", relation: "TAGGED_WITH", values },
});
const SOURCE = "gid://shopify/CollectionConditionsSource/1";

function target(
  inclusion: EditTarget["source"] extends infer S
    ? S extends { inclusion: infer I }
      ? I
      : never
    : never,
  extra: Partial<EditTarget> = {},
): EditTarget {
  return {
    id: C1,
    title: "Jackor",
    sortOrder: "BEST_SELLING",
    productsCount: 3,
    publicationIds: [],
    source: { id: SOURCE, title: "Regler", inclusion, exclusion: [], hasSelections: false },
    otherConditionsSources: 0,
    subCollectionSources: 0,
    ...extra,
  };
}

describe("edit undo", () => {
  it("GIVEN an applied add, change, remove, sort order and publish THEN the inverse restores each exactly", () => {
    // The removed condition was stored with ALL: the undo re-creates it as it was, not as typed.
    const exact: ConditionInput = {
      productTag: { matchType: "ALL", relation: "TAGGED_WITH", values: ["ull", "vinter"] },
    };
    const before = target([
      { id: "a", input: tag("jacka") },
      { id: "b", input: exact },
    ]);
    const applied = resolveEdit(before, {
      conditions: [
        { action: "add", side: "inclusion", condition: tag("rea") },
        { action: "change", side: "inclusion", condition: tag("jacka"), to: tag("jackor") },
        {
          action: "remove",
          side: "inclusion",
          condition: {
            productTag: { matchType: "ALL", relation: "TAGGED_WITH", values: ["vinter", "ull"] },
          },
        },
      ],
      sortOrder: "ALPHA_ASC",
      publish: [WEB],
      unpublish: [],
    });
    expect(inverseOf(applied)).toEqual({
      conditions: [
        { action: "add", side: "inclusion", condition: exact },
        { action: "change", side: "inclusion", condition: tag("jackor"), to: tag("jacka") },
        { action: "remove", side: "inclusion", condition: tag("rea") },
      ],
      sortOrder: "BEST_SELLING",
      publish: [],
      unpublish: [WEB],
    });
    const after = target(
      [
        { id: "a", input: tag("jackor") },
        { id: "c", input: tag("rea") },
      ],
      { sortOrder: "ALPHA_ASC", publicationIds: [WEB] },
    );
    const undo = planEditUndo(
      [{ collectionId: C1, title: "Jackor", applied }],
      new Map([[C1, after]]),
      new Map(),
    );
    expect(undo.items).toHaveLength(1);
    // It was published nowhere before the change, and the plan says so.
    expect(undo.summary.warnings).toEqual([
      { code: "unpublishedEverywhere", vars: { collection: "Jackor" } },
    ]);
    expect(undo.summary.totals.edits).toEqual({ conditions: 3, sortOrders: 1, publications: 1 });
  });

  it("GIVEN the collection was deleted since THEN the undo says it cannot be restored", () => {
    const applied = resolveEdit(target([]), {
      conditions: [],
      sortOrder: "ALPHA_ASC",
      publish: [],
      unpublish: [],
    });
    const undo = planEditUndo(
      [{ collectionId: C1, title: "Jackor", applied }],
      new Map([[C1, null]]),
      new Map(),
    );
    expect(undo.items).toEqual([]);
    expect(undo.summary.warnings).toEqual([{ code: "deleted", vars: { collection: "Jackor" } }]);
  });

  it("GIVEN the change created the conditions source THEN its undo deletes the source once it holds nothing else", () => {
    const applied = resolveEdit(target([], { source: null }), {
      conditions: [{ action: "add", side: "inclusion", condition: tag("rea") }],
      sortOrder: null,
      publish: [],
      unpublish: [],
    });
    expect(applied.createsSource).toBe(true);
    const after = target([{ id: "n", input: tag("rea") }]);
    const resolution = resolveEdit(after, inverseOf(applied));
    expect(resolution.dropSource).toBe(true);
    const withPicks = target([{ id: "n", input: tag("rea") }]);
    withPicks.source!.hasSelections = true;
    expect(resolveEdit(withPicks, inverseOf(applied)).dropSource).toBe(false);
  });
});
