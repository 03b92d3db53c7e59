import { beforeEach, describe, expect, it } from "vitest";
import { createShopState, nextGid } from "../store/shop";
import type {
  Collection,
  ConditionsSource,
  InclusionConditionKind,
  Product,
  ShopState,
  StoredCondition,
} from "../store/types";
import {
  collectionMembership,
  collectionProductIds,
  markCatalogChanged,
  sourceProductIds,
} from "./membership";
import { addCollection, addManualCollection, addProduct } from "./testing-fixtures";

function condition<K extends string>(
  kind: K,
  fields: Partial<StoredCondition<K>>,
): StoredCondition<K> {
  return {
    id: `gid://shopify/CollectionSourceCondition/${kind}`,
    kind,
    relation: null,
    matchType: "ANY",
    values: null,
    value: null,
    definitionId: null,
    ...fields,
  };
}

function conditionsSource(fields: Partial<ConditionsSource> = {}): ConditionsSource {
  return {
    kind: "conditions",
    id: "gid://shopify/CollectionConditionsSource/1",
    title: "Rules",
    description: null,
    targetType: "PRODUCTS",
    shareable: false,
    inclusion: { matchType: "ALL", conditions: [], selections: [] },
    exclusion: null,
    ...fields,
  };
}

describe("collection membership", () => {
  let shop: ShopState;
  let shirt: Product;
  let hat: Product;
  let board: Product;

  beforeEach(() => {
    shop = createShopState({ domain: "m.myshopify.com" });
    shirt = addProduct(shop, {
      title: "Green Shirt",
      vendor: "Acme",
      productType: "Shirts",
      tags: ["Summer"],
      createdAt: "2026-01-02T00:00:00Z",
      variants: [
        {
          title: "Small",
          price: "20.00",
          compareAtPrice: "25.00",
          inventoryQuantity: 0,
          weightGrams: 200,
        },
        { title: "Large", price: "30.00", inventoryQuantity: 8, weightGrams: 300 },
      ],
    });
    hat = addProduct(shop, {
      title: "Wool Hat",
      vendor: "Hatters",
      productType: "Hats",
      tags: ["winter"],
      status: "DRAFT",
      createdAt: "2026-01-03T00:00:00Z",
      variants: [{ title: "One size", price: "15.00", inventoryQuantity: 2, weightGrams: 1000 }],
    });
    board = addProduct(shop, {
      title: "Alpine Board",
      vendor: "Acme Boards",
      productType: "Boards",
      createdAt: "2026-01-01T00:00:00Z",
      variants: [
        { title: "Default Title", price: "400.00", inventoryQuantity: 1, weightGrams: 4000 },
      ],
    });
  });

  const membersOf = (...conditions: StoredCondition<InclusionConditionKind>[]) => {
    const collection = addCollection(shop, {
      sortOrder: "CREATED",
      sources: [conditionsSource({ inclusion: { matchType: "ALL", conditions, selections: [] } })],
    });
    return collectionProductIds(shop, collection);
  };

  it.each([
    [
      "productTag TAGGED_WITH (case-insensitive)",
      condition("productTag", { relation: "TAGGED_WITH", values: ["summer"] }),
      () => [shirt],
    ],
    [
      "productTag NOT_TAGGED_WITH",
      condition("productTag", { relation: "NOT_TAGGED_WITH", values: ["summer"] }),
      () => [board, hat],
    ],
    [
      "productTitle CONTAINS",
      condition("productTitle", { relation: "CONTAINS", values: ["shirt"] }),
      () => [shirt],
    ],
    [
      "productTitle STARTS_WITH",
      condition("productTitle", { relation: "STARTS_WITH", values: ["wool"] }),
      () => [hat],
    ],
    [
      "productTitle ENDS_WITH",
      condition("productTitle", { relation: "ENDS_WITH", values: ["board"] }),
      () => [board],
    ],
    [
      "productTitle DOES_NOT_CONTAIN",
      condition("productTitle", { relation: "DOES_NOT_CONTAIN", values: ["a"] }),
      () => [shirt],
    ],
    [
      "productType EQUALS",
      condition("productType", { relation: "EQUALS", values: ["hats"] }),
      () => [hat],
    ],
    [
      "productVendor NOT_EQUALS",
      condition("productVendor", { relation: "NOT_EQUALS", values: ["Acme"] }),
      () => [board, hat],
    ],
    [
      "productStatus EQUALS",
      condition("productStatus", { relation: "EQUALS", values: ["DRAFT"] }),
      () => [hat],
    ],
    [
      "variantTitle EQUALS",
      condition("variantTitle", { relation: "EQUALS", values: ["large"] }),
      () => [shirt],
    ],
    [
      "variantPrice GREATER_THAN",
      condition("variantPrice", {
        relation: "GREATER_THAN",
        value: { amount: "25.00", currencyCode: "SEK" },
      }),
      () => [board, shirt],
    ],
    [
      "variantPrice LESS_THAN",
      condition("variantPrice", {
        relation: "LESS_THAN",
        value: { amount: "16", currencyCode: "SEK" },
      }),
      () => [hat],
    ],
    [
      "variantCompareAtPrice IS_SET",
      condition("variantCompareAtPrice", { relation: "IS_SET" }),
      () => [shirt],
    ],
    [
      "variantCompareAtPrice IS_NOT_SET",
      condition("variantCompareAtPrice", { relation: "IS_NOT_SET" }),
      () => [board, shirt, hat],
    ],
    [
      "variantCompareAtPrice EQUALS",
      condition("variantCompareAtPrice", {
        relation: "EQUALS",
        value: { amount: "25.00", currencyCode: "SEK" },
      }),
      () => [shirt],
    ],
    [
      "variantInventory EQUALS",
      condition("variantInventory", { relation: "EQUALS", value: 0 }),
      () => [shirt],
    ],
    [
      "variantInventory GREATER_THAN",
      condition("variantInventory", { relation: "GREATER_THAN", value: 5 }),
      () => [shirt],
    ],
    [
      "variantWeight GREATER_THAN (unit conversion)",
      condition("variantWeight", {
        relation: "GREATER_THAN",
        value: { unit: "KILOGRAMS", value: 0.5 },
      }),
      () => [board, hat],
    ],
    [
      "variantWeight EQUALS",
      condition("variantWeight", { relation: "EQUALS", value: { unit: "GRAMS", value: 1000 } }),
      () => [hat],
    ],
  ])(
    "GIVEN a %s condition WHEN evaluated THEN exactly the matching products are members",
    (_name, rule, expected) => {
      expect(membersOf(rule)).toEqual(expected().map((p) => p.id));
    },
  );

  it("GIVEN a multi-value condition with matchType ALL WHEN evaluated THEN every value must hold", () => {
    shirt.tags.push("sale");
    markCatalogChanged(shop);
    const all = condition("productTag", {
      relation: "TAGGED_WITH",
      matchType: "ALL",
      values: ["summer", "sale"],
    });
    expect(membersOf(all)).toEqual([shirt.id]);
    const any = condition("productTag", {
      relation: "TAGGED_WITH",
      matchType: "ANY",
      values: ["summer", "winter"],
    });
    expect(membersOf(any)).toEqual([shirt.id, hat.id]);
  });

  it("GIVEN conditions with source matchType ANY WHEN evaluated THEN either condition admits", () => {
    const collection = addCollection(shop, {
      sortOrder: "CREATED",
      sources: [
        conditionsSource({
          inclusion: {
            matchType: "ANY",
            conditions: [
              condition("productType", { relation: "EQUALS", values: ["Hats"] }),
              condition("productVendor", { relation: "EQUALS", values: ["Acme Boards"] }),
            ],
            selections: [],
          },
        }),
      ],
    });
    expect(collectionProductIds(shop, collection)).toEqual([board.id, hat.id]);
  });

  it("GIVEN a PRODUCTS source with ALL variant conditions WHEN different variants satisfy each THEN the product matches", () => {
    const price = condition("variantPrice", {
      relation: "LESS_THAN",
      value: { amount: "25", currencyCode: "SEK" },
    });
    const stock = condition("variantInventory", { relation: "GREATER_THAN", value: 5 });
    expect(membersOf(price, stock)).toEqual([shirt.id]);
  });

  it("GIVEN a VARIANTS source WHEN one variant must satisfy all conditions THEN only such products join, with those variants", () => {
    const source = conditionsSource({
      targetType: "VARIANTS",
      inclusion: {
        matchType: "ALL",
        conditions: [
          condition("variantPrice", {
            relation: "GREATER_THAN",
            value: { amount: "25", currencyCode: "SEK" },
          }),
          condition("variantInventory", { relation: "GREATER_THAN", value: 0 }),
        ],
        selections: [],
      },
    });
    const collection = addCollection(shop, { sources: [source] });
    const membership = collectionMembership(shop, collection);
    expect(membership.joinOrder).toEqual([shirt.id, board.id]);
    expect(membership.variantIds.get(shirt.id)).toEqual([shirt.variants[1].id]);
  });

  it("GIVEN manual selections and conditions WHEN combined THEN members are their union in join order", () => {
    const source = conditionsSource({
      inclusion: {
        matchType: "ALL",
        conditions: [condition("productType", { relation: "EQUALS", values: ["Shirts"] })],
        selections: [{ productId: board.id, variantIds: null }],
      },
    });
    const collection = addCollection(shop, { sortOrder: "MANUAL", sources: [source] });
    expect(collectionProductIds(shop, collection)).toEqual([board.id, shirt.id]);
  });

  it("GIVEN exclusion selections and conditions WHEN evaluated THEN those products are removed", () => {
    const source = conditionsSource({
      inclusion: {
        matchType: "ALL",
        conditions: [
          condition("variantPrice", {
            relation: "GREATER_THAN",
            value: { amount: "1", currencyCode: "SEK" },
          }),
        ],
        selections: [],
      },
      exclusion: {
        matchType: "ANY",
        conditions: [condition("productTag", { relation: "TAGGED_WITH", values: ["winter"] })],
        selections: [{ productId: board.id }],
      },
    });
    const collection = addCollection(shop, { sources: [source] });
    expect(collectionProductIds(shop, collection)).toEqual([shirt.id]);
  });

  it("GIVEN exclusion conditions with matchType ALL WHEN only one holds THEN nothing is excluded", () => {
    const source = conditionsSource({
      inclusion: {
        matchType: null,
        conditions: [],
        selections: [shirt, hat].map((p) => ({ productId: p.id, variantIds: null })),
      },
      exclusion: {
        matchType: "ALL",
        conditions: [
          condition("productTag", { relation: "TAGGED_WITH", values: ["winter"] }),
          condition("productVendor", { relation: "EQUALS", values: ["Acme"] }),
        ],
        selections: [],
      },
    });
    const collection = addCollection(shop, { sources: [source] });
    expect(collectionProductIds(shop, collection)).toEqual([shirt.id, hat.id]);
  });

  it("GIVEN a collection exclusion WHEN evaluated THEN members of the excluded collection are removed", () => {
    const excluded = addManualCollection(shop, [hat]);
    const source = conditionsSource({
      inclusion: {
        matchType: null,
        conditions: [],
        selections: [shirt, hat].map((p) => ({ productId: p.id, variantIds: null })),
      },
      exclusion: {
        matchType: null,
        conditions: [condition("collection", { values: [excluded.id] })],
        selections: [],
      },
    });
    const collection = addCollection(shop, { sources: [source] });
    expect(collectionProductIds(shop, collection)).toEqual([shirt.id]);
    expect(sourceProductIds(shop, source)).toEqual([shirt.id]);
  });

  it("GIVEN a sub-collections source WHEN evaluated THEN members are the union of the referenced collections", () => {
    const a = addManualCollection(shop, [hat]);
    const b = addManualCollection(shop, [board, hat]);
    const parent = addCollection(shop, {
      sources: [
        {
          kind: "subCollections",
          id: nextGid(shop, "CollectionSubCollectionsSource"),
          title: "Subs",
          description: null,
          collectionIds: [a.id, b.id],
        },
      ],
    });
    expect(collectionProductIds(shop, parent)).toEqual([hat.id, board.id]);
  });

  it("GIVEN several sources WHEN evaluated THEN members are their union", () => {
    const collection = addCollection(shop, {
      sources: [
        conditionsSource({
          inclusion: {
            matchType: null,
            conditions: [],
            selections: [{ productId: hat.id, variantIds: null }],
          },
        }),
        conditionsSource({
          id: "gid://shopify/CollectionConditionsSource/2",
          inclusion: {
            matchType: "ALL",
            conditions: [condition("productType", { relation: "EQUALS", values: ["Boards"] })],
            selections: [],
          },
        }),
      ],
    });
    expect(collectionProductIds(shop, collection)).toEqual([hat.id, board.id]);
  });

  it("GIVEN collections referencing each other WHEN evaluated THEN the cycle contributes nothing instead of recursing", () => {
    const a = addCollection(shop, { id: "gid://shopify/Collection/1" });
    const b = addCollection(shop, { id: "gid://shopify/Collection/2" });
    a.sources = [
      conditionsSource({
        inclusion: {
          matchType: null,
          conditions: [],
          selections: [{ productId: shirt.id, variantIds: null }],
        },
      }),
      {
        kind: "subCollections",
        id: "gid://shopify/CollectionSubCollectionsSource/1",
        title: "B",
        description: null,
        collectionIds: [b.id],
      },
    ];
    b.sources = [
      {
        kind: "subCollections",
        id: "gid://shopify/CollectionSubCollectionsSource/2",
        title: "A",
        description: null,
        collectionIds: [a.id],
      },
    ];
    markCatalogChanged(shop);
    expect(collectionProductIds(shop, a)).toEqual([shirt.id]);
  });

  it("GIVEN a metafield condition WHEN evaluated THEN it fails loudly as not emulated", () => {
    expect(() =>
      membersOf(condition("metafieldBoolean", { relation: "EQUALS", value: true })),
    ).toThrow("not emulated: collection condition `metafieldBoolean`");
  });

  it("GIVEN a cached membership WHEN a product changes and the catalog is marked changed THEN the result follows", () => {
    const rule = condition("productTag", { relation: "TAGGED_WITH", values: ["new"] });
    const collection = addCollection(shop, {
      sources: [
        conditionsSource({ inclusion: { matchType: "ALL", conditions: [rule], selections: [] } }),
      ],
    });
    expect(collectionProductIds(shop, collection)).toEqual([]);
    hat.tags.push("new");
    markCatalogChanged(shop);
    expect(collectionProductIds(shop, collection)).toEqual([hat.id]);
  });

  it("GIVEN a cached membership WHEN an Admin API mutation is logged THEN the cache is recomputed", () => {
    const rule = condition("variantPrice", {
      relation: "GREATER_THAN",
      value: { amount: "100", currencyCode: "SEK" },
    });
    const collection = addCollection(shop, {
      sources: [
        conditionsSource({ inclusion: { matchType: "ALL", conditions: [rule], selections: [] } }),
      ],
    });
    expect(collectionProductIds(shop, collection)).toEqual([board.id]);
    hat.variants[0].price = "150.00";
    shop.mutationLog.push({
      at: "2026-11-02T10:00:00Z",
      operationName: null,
      fields: ["productVariantsBulkUpdate"],
      variables: {},
    });
    expect(collectionProductIds(shop, collection)).toEqual([hat.id, board.id]);
  });

  describe("sort orders", () => {
    const sorted = (fields: Partial<Collection>) =>
      collectionProductIds(shop, addManualCollection(shop, [hat, board, shirt], fields));

    it.each([
      ["ALPHA_ASC", () => [board, shirt, hat]],
      ["ALPHA_DESC", () => [hat, shirt, board]],
      ["PRICE_ASC", () => [hat, shirt, board]],
      ["PRICE_DESC", () => [board, shirt, hat]],
      ["CREATED", () => [board, shirt, hat]],
      ["CREATED_DESC", () => [hat, shirt, board]],
      ["MOST_RELEVANT", () => [hat, board, shirt]],
    ] as const)(
      "GIVEN sortOrder %s WHEN listing THEN products follow it",
      (sortOrder, expected) => {
        expect(sorted({ sortOrder })).toEqual(expected().map((p) => p.id));
      },
    );

    it("GIVEN sortOrder MANUAL WHEN some members are not in manualOrder THEN they follow in join order", () => {
      expect(sorted({ sortOrder: "MANUAL", manualOrder: [shirt.id] })).toEqual([
        shirt.id,
        hat.id,
        board.id,
      ]);
    });

    it("GIVEN sortOrder BEST_SELLING WHEN orders exist THEN most units sold come first", () => {
      const line = (productId: string, quantity: number) => ({
        id: nextGid(shop, "LineItem"),
        productId,
        variantId: null,
        title: "x",
        quantity,
        price: "1.00",
        discount: "0.00",
      });
      shop.orders.push({
        id: "gid://shopify/Order/1",
        name: "#1",
        createdAt: "2026-02-01T00:00:00Z",
        processedAt: "2026-02-01T00:00:00Z",
        updatedAt: "2026-02-01T00:00:00Z",
        cancelledAt: null,
        test: false,
        currencyCode: "SEK",
        subtotal: "0",
        totalDiscounts: "0",
        totalShipping: "0",
        totalTax: "0",
        total: "0",
        lineItems: [line(board.id, 5), line(hat.id, 2)],
        refunds: [],
      });
      expect(sorted({ sortOrder: "BEST_SELLING" })).toEqual([board.id, hat.id, shirt.id]);
    });
  });

  it("GIVEN 100,000 products and dozens of collections WHEN membership is computed THEN it completes with the right members", () => {
    const big = createShopState({ domain: "big.myshopify.com" });
    for (let i = 0; i < 100_000; i++) {
      addProduct(big, {
        title: `Item ${i}`,
        tags: [`t${i % 40}`],
        variants: [{ price: String(i % 100), inventoryQuantity: i % 7 }],
      });
    }
    const collections = Array.from({ length: 40 }, (_, n) =>
      addCollection(big, {
        sortOrder: "PRICE_ASC",
        sources: [
          conditionsSource({
            inclusion: {
              matchType: "ALL",
              conditions: [
                condition("productTag", { relation: "TAGGED_WITH", values: [`t${n}`] }),
                condition("variantInventory", { relation: "GREATER_THAN", value: 0 }),
              ],
              selections: [],
            },
          }),
        ],
      }),
    );
    const counts = collections.map((c) => collectionProductIds(big, c).length);
    // Tag t{n} holds 2,500 products; inventory i % 7 === 0 drops every seventh of them.
    const expected = (n: number) => {
      let count = 0;
      for (let i = n; i < 100_000; i += 40) if (i % 7 !== 0) count++;
      return count;
    };
    expect(counts).toEqual(collections.map((_, n) => expected(n)));
    expect(collectionProductIds(big, collections[0])).toBe(
      collectionProductIds(big, collections[0]),
    );
  }, 60_000);
});
