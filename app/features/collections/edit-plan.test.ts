import { describe, expect, it } from "vitest";
import { MAX_CONDITIONS } from "./conditions";
import {
  collectionUpdateInput,
  hasWrites,
  planEdit,
  resolveEdit,
  type EditInstructions,
} from "./edit-plan";
import type { ConditionInput, EditTarget } from "./edit-target";

const C1 = "gid://shopify/Collection/1";
const C2 = "gid://shopify/Collection/2";
const WEB = "gid://shopify/Publication/1";
const POS = "gid://shopify/Publication/2";
const channels = new Map([
  [WEB, "Online Store"],
  [POS, "Point of Sale"],
]);

const tag = (...values: string[]): ConditionInput => ({
  productTag: { matchType: "ANY", relation: "TAGGED_WITH", values },
});
const vendor = (...values: string[]): ConditionInput => ({
  productVendor: { matchType: "ANY", relation: "EQUALS", values },
});
const price = (amount: string): ConditionInput => ({
  variantPrice: { relation: "GREATER_THAN", value: { amount, currencyCode: "SEK" } },
});

function target(overrides: Partial<EditTarget> = {}): EditTarget {
  return {
    id: C1,
    title: "Jackor",
    sortOrder: "BEST_SELLING",
    productsCount: 12,
    publicationIds: [WEB],
    source: {
      id: "gid://shopify/CollectionConditionsSource/1",
      title: "Regler",
      inclusion: [{ id: "cond-1", input: tag("jacka") }],
      exclusion: [],
      hasSelections: false,
    },
    otherConditionsSources: 0,
    subCollectionSources: 0,
    ...overrides,
  };
}

const edit = (overrides: Partial<EditInstructions>): EditInstructions => ({
  conditions: [],
  sortOrder: null,
  publish: [],
  unpublish: [],
  ...overrides,
});

describe("planEdit", () => {
  it("GIVEN an inclusion condition added to two collections, one of which has it THEN only the other gets an item and a warning names the first", () => {
    const change = edit({
      conditions: [{ action: "add", side: "inclusion", condition: tag("rea") }],
    });
    const plan = planEdit(
      [
        { target: target(), edit: change },
        {
          target: target({
            id: C2,
            title: "Rea",
            source: { ...target().source!, inclusion: [{ id: "c9", input: tag("rea") }] },
          }),
          edit: change,
        },
      ],
      channels,
    );
    expect(plan.items.map((i) => i.collectionId)).toEqual([C1]);
    expect(plan.summary.collections[0]!.edits).toEqual([
      { kind: "conditionAdd", side: "inclusion", to: "tag = rea" },
    ]);
    expect(plan.summary.warnings).toContainEqual({
      code: "conditionExists",
      vars: { collection: "Rea", condition: "tag = rea" },
    });
    expect(plan.summary.totals).toMatchObject({
      collections: 1,
      edits: { conditions: 1, sortOrders: 0, publications: 0 },
    });
    expect(plan.totalUnits).toBe(1);
  });

  it("GIVEN a condition matched with its values in another order THEN it counts as already present", () => {
    const t = target({
      source: { ...target().source!, inclusion: [{ id: "c", input: tag("b", "a") }] },
    });
    const resolution = resolveEdit(
      t,
      edit({ conditions: [{ action: "add", side: "inclusion", condition: tag("a", "b") }] }),
    );
    expect(resolution.conditions).toEqual([]);
    expect(resolution.skipped).toEqual([
      { code: "conditionExists", side: "inclusion", text: "tag = a|b" },
    ]);
  });

  it("GIVEN amounts written differently (500 vs 500.00) THEN they are the same condition", () => {
    const t = target({
      source: { ...target().source!, inclusion: [{ id: "p", input: price("500.0") }] },
    });
    const resolution = resolveEdit(
      t,
      edit({ conditions: [{ action: "remove", side: "inclusion", condition: price("500") }] }),
    );
    expect(resolution.conditions).toEqual([
      { action: "remove", side: "inclusion", existing: { id: "p", input: price("500.0") } },
    ]);
  });

  it("GIVEN a condition changed and an exclusion removed THEN the call updates one and deletes the other in the edited source", () => {
    const t = target({
      source: {
        ...target().source!,
        exclusion: [
          {
            id: "ex-1",
            input: {
              productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["utgått"] },
            },
          },
        ],
      },
    });
    const resolution = resolveEdit(
      t,
      edit({
        conditions: [
          { action: "change", side: "inclusion", condition: tag("jacka"), to: tag("jackor") },
          { action: "remove", side: "exclusion", condition: tag("utgått") },
        ],
      }),
    );
    expect(collectionUpdateInput(t, resolution)).toEqual({
      id: C1,
      sourcesToUpdate: [
        {
          condition: {
            id: "gid://shopify/CollectionConditionsSource/1",
            inclusion: { conditionsToUpdate: [{ id: "cond-1", condition: tag("jackor") }] },
            exclusion: { conditionsToDelete: ["ex-1"] },
          },
        },
      ],
    });
  });

  it("GIVEN a change to another kind of condition THEN it is a delete and a create (a kind cannot change in place)", () => {
    const t = target();
    const resolution = resolveEdit(
      t,
      edit({
        conditions: [
          { action: "change", side: "inclusion", condition: tag("jacka"), to: vendor("Fjällvik") },
        ],
      }),
    );
    const input = collectionUpdateInput(t, resolution) as {
      sourcesToUpdate: { condition: { inclusion: unknown } }[];
    };
    expect(input.sourcesToUpdate[0]!.condition.inclusion).toEqual({
      conditionsToDelete: ["cond-1"],
      conditionsToCreate: [vendor("Fjällvik")],
    });
  });

  it("GIVEN a condition to remove that a collection lacks THEN it is a warning and nothing is planned there", () => {
    const plan = planEdit(
      [
        {
          target: target(),
          edit: edit({
            conditions: [{ action: "remove", side: "inclusion", condition: tag("rea") }],
          }),
        },
      ],
      channels,
    );
    expect(plan.items).toEqual([]);
    expect(plan.summary.warnings).toEqual([
      { code: "conditionMissing", vars: { collection: "Jackor", condition: "tag = rea" } },
    ]);
  });

  it("GIVEN the last inclusion condition removed from a collection without picks THEN the plan warns it will be empty", () => {
    const plan = planEdit(
      [
        {
          target: target(),
          edit: edit({
            conditions: [{ action: "remove", side: "inclusion", condition: tag("jacka") }],
          }),
        },
      ],
      channels,
    );
    expect(plan.summary.warnings).toContainEqual({
      code: "emptyAfter",
      vars: { collection: "Jackor" },
    });
  });

  it("GIVEN a source at Shopify's condition limit THEN adding one more leaves the collection out with a warning", () => {
    const full = Array.from({ length: MAX_CONDITIONS }, (_, i) => ({
      id: `c${i}`,
      input: tag(`t${i}`),
    }));
    const plan = planEdit(
      [
        {
          target: target({ source: { ...target().source!, inclusion: full } }),
          edit: edit({ conditions: [{ action: "add", side: "exclusion", condition: tag("rea") }] }),
        },
      ],
      channels,
    );
    expect(plan.items).toEqual([]);
    expect(plan.summary.warnings).toEqual([
      {
        code: "tooManyConditions",
        vars: { collection: "Jackor", count: MAX_CONDITIONS + 1, max: MAX_CONDITIONS },
      },
    ]);
  });

  it("GIVEN a collection without a conditions source THEN an inclusion is added in a new source and an exclusion is skipped", () => {
    const t = target({ source: null });
    const change = edit({
      conditions: [
        { action: "add", side: "inclusion", condition: tag("rea") },
        { action: "add", side: "exclusion", condition: tag("utgått") },
      ],
    });
    const plan = planEdit([{ target: t, edit: change }], channels);
    expect(plan.summary.warnings).toEqual([
      { code: "nothingToExclude", vars: { collection: "Jackor" } },
      { code: "newConditionsSource", vars: { collection: "Jackor" } },
    ]);
    expect(collectionUpdateInput(t, resolveEdit(t, change))).toEqual({
      id: C1,
      sourcesToCreate: [
        {
          source: {
            title: "Conditions",
            inclusion: { matchType: "ALL", conditions: [tag("rea")] },
          },
        },
      ],
    });
  });

  it("GIVEN a sort order THEN collections already sorted that way are counted in a warning and the others change", () => {
    const plan = planEdit(
      [
        { target: target(), edit: edit({ sortOrder: "ALPHA_ASC" }) },
        {
          target: target({ id: C2, title: "Byxor", sortOrder: "ALPHA_ASC" }),
          edit: edit({ sortOrder: "ALPHA_ASC" }),
        },
      ],
      channels,
    );
    expect(plan.items).toHaveLength(1);
    expect(plan.summary.collections[0]!.edits).toEqual([
      { kind: "sortOrder", from: "BEST_SELLING", to: "ALPHA_ASC" },
    ]);
    expect(plan.summary.warnings).toEqual([{ code: "sortUnchanged", vars: { count: 1 } }]);
    expect(
      collectionUpdateInput(target(), resolveEdit(target(), edit({ sortOrder: "ALPHA_ASC" }))),
    ).toEqual({
      id: C1,
      sortOrder: "ALPHA_ASC",
    });
  });

  it("GIVEN publish on one channel and unpublish from another THEN only real changes are planned, with warnings for the rest", () => {
    const plan = planEdit(
      [{ target: target(), edit: edit({ publish: [WEB, POS], unpublish: [] }) }],
      channels,
    );
    expect(plan.summary.collections[0]!.edits).toEqual([
      { kind: "publish", channel: "Point of Sale" },
    ]);
    expect(plan.summary.warnings).toEqual([
      { code: "alreadyPublished", vars: { collection: "Jackor", channel: "Online Store" } },
    ]);
    const data = plan.items[0]!.data as { edit: EditInstructions };
    expect(data.edit.publish).toEqual([POS]);
  });

  it("GIVEN unpublishing from the only channel THEN the plan warns the collection will be published nowhere", () => {
    const plan = planEdit([{ target: target(), edit: edit({ unpublish: [WEB, POS] }) }], channels);
    expect(plan.summary.warnings).toEqual([
      { code: "notPublished", vars: { collection: "Jackor", channel: "Point of Sale" } },
      { code: "unpublishedEverywhere", vars: { collection: "Jackor" } },
    ]);
    expect(
      collectionUpdateInput(target(), resolveEdit(target(), edit({ unpublish: [WEB] }))),
    ).toBeNull();
  });

  it("GIVEN an edit already in effect (a re-sent item after a crash) THEN resolving it again writes nothing", () => {
    const change = edit({
      conditions: [
        { action: "add", side: "inclusion", condition: tag("rea") },
        { action: "change", side: "inclusion", condition: tag("jacka"), to: tag("jackor") },
      ],
      sortOrder: "PRICE_ASC",
      publish: [POS],
    });
    const after = target({
      sortOrder: "PRICE_ASC",
      publicationIds: [WEB, POS],
      source: {
        ...target().source!,
        inclusion: [
          { id: "cond-1", input: tag("jackor") },
          { id: "cond-2", input: tag("rea") },
        ],
      },
    });
    expect(hasWrites(resolveEdit(target(), change))).toBe(true);
    expect(hasWrites(resolveEdit(after, change))).toBe(false);
  });
});
