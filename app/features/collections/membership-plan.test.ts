import { describe, expect, it } from "vitest";
import { planMembership, type MembershipTarget } from "./membership-plan";

const product = (n: number) => ({ id: `gid://shopify/Product/${n}`, title: `Product ${n}` });

function target(overrides: Partial<MembershipTarget> = {}): MembershipTarget {
  return {
    id: "gid://shopify/Collection/1",
    title: "Jackor",
    productsCount: 2,
    managedSourceId: "gid://shopify/CollectionConditionsSource/1",
    hasRules: false,
    membersAmongChosen: new Set(),
    selectedAmongChosen: new Set(),
    ...overrides,
  };
}

describe("planMembership", () => {
  it("GIVEN products of which one is already a member WHEN adding THEN only the others are planned and a warning says so", () => {
    const plan = planMembership({
      operation: "add",
      products: [product(1), product(2), product(3)],
      targets: [target({ membersAmongChosen: new Set([product(2).id]) })],
    });
    expect(plan.items).toEqual([
      {
        op: "add",
        collectionId: "gid://shopify/Collection/1",
        productIds: [product(1).id, product(3).id],
      },
    ]);
    expect(plan.summary.collections[0]).toMatchObject({ before: 2, adds: 2, after: 4 });
    expect(plan.summary.warnings).toEqual([
      { code: "alreadyMember", vars: { count: 1, collection: "Jackor" } },
    ]);
  });

  it("GIVEN 600 products THEN items are batches of at most 250", () => {
    const products = Array.from({ length: 600 }, (_, i) => product(i + 1));
    const plan = planMembership({ operation: "add", products, targets: [target()] });
    expect(plan.items.map((item) => item.productIds.length)).toEqual([250, 250, 100]);
    expect(plan.totalUnits).toBe(600);
  });

  it("GIVEN a member only through conditions WHEN removing THEN it is not planned and a warning explains why", () => {
    const plan = planMembership({
      operation: "remove",
      products: [product(1), product(2)],
      targets: [
        target({
          hasRules: true,
          membersAmongChosen: new Set([product(1).id, product(2).id]),
          selectedAmongChosen: new Set([product(1).id]),
        }),
      ],
    });
    expect(plan.items[0]!.productIds).toEqual([product(1).id]);
    expect(plan.summary.warnings).toContainEqual({
      code: "viaConditions",
      vars: { count: 1, collection: "Jackor" },
    });
  });

  it("GIVEN removing every product of a manual collection THEN the plan warns it will be empty", () => {
    const plan = planMembership({
      operation: "remove",
      products: [product(1), product(2)],
      targets: [target({ selectedAmongChosen: new Set([product(1).id, product(2).id]) })],
    });
    expect(plan.summary.warnings).toContainEqual({
      code: "emptyAfter",
      vars: { collection: "Jackor" },
    });
  });

  it("GIVEN a collection without a manual source WHEN adding THEN the plan says one will be added", () => {
    const plan = planMembership({
      operation: "add",
      products: [product(1)],
      targets: [target({ managedSourceId: null })],
    });
    expect(plan.summary.warnings).toContainEqual({
      code: "newSource",
      vars: { collection: "Jackor" },
    });
  });

  it("GIVEN 100,000 products and 10 collections THEN the plan has every add", () => {
    const products = Array.from({ length: 100_000 }, (_, i) => product(i + 1));
    const targets = Array.from({ length: 10 }, (_, i) =>
      target({ id: `gid://shopify/Collection/${i + 1}` }),
    );
    const plan = planMembership({ operation: "add", products, targets });
    expect(plan.summary.totals.adds).toBe(1_000_000);
    expect(plan.items).toHaveLength(4_000);
    expect(plan.summary.sample).toHaveLength(20);
  });
});
