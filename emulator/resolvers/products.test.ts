import { beforeEach, describe, expect, it } from "vitest";
import { addManualCollection, addProduct, dig, pluck } from "../catalog/testing-fixtures";
import type { Product } from "../store/types";
import { createTestHarness } from "../testing";
import { catalogResolvers } from "./catalog";

describe("products, productsCount, product", () => {
  let harness: ReturnType<typeof createTestHarness>;
  let shirt: Product;

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const result = await harness.run(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  beforeEach(() => {
    harness = createTestHarness(catalogResolvers);
    shirt = addProduct(harness.shop, {
      title: "Shirt",
      vendor: "Zeta",
      descriptionHtml: "<p>Soft <b>cotton</b></p>",
      variants: [
        {
          title: "S",
          sku: "S-1",
          price: "20.00",
          compareAtPrice: "30.00",
          cost: "8.50",
          inventoryQuantity: 3,
        },
        { title: "L", sku: "L-1", price: "25.00", inventoryQuantity: 4 },
      ],
    });
    addProduct(harness.shop, {
      title: "Apron",
      vendor: "Alpha",
      variants: [{ inventoryQuantity: 50 }],
    });
    addProduct(harness.shop, { title: "Mug", vendor: "Mid", variants: [{ inventoryQuantity: 1 }] });
  });

  it("GIVEN products WHEN paging with first/after THEN pages follow id order", async () => {
    const first = await ok(
      `{ products(first: 2) { nodes { title } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(pluck(dig(first, "products", "nodes"), "title")).toEqual(["Shirt", "Apron"]);
    expect(dig(first, "products", "pageInfo", "hasNextPage")).toBe(true);
    const next = await ok(
      `query($after: String) { products(first: 2, after: $after) { nodes { title } pageInfo { hasNextPage } } }`,
      {
        after: dig(first, "products", "pageInfo", "endCursor"),
      },
    );
    expect(dig(next, "products")).toEqual({
      nodes: [{ title: "Mug" }],
      pageInfo: { hasNextPage: false },
    });
  });

  it.each([
    ["TITLE", false, ["Apron", "Mug", "Shirt"]],
    ["VENDOR", true, ["Shirt", "Mug", "Apron"]],
    ["INVENTORY_TOTAL", false, ["Mug", "Shirt", "Apron"]],
  ])(
    "GIVEN sortKey %s (reverse %s) WHEN listing THEN products follow it",
    async (sortKey, reverse, expected) => {
      const data = await ok(
        `query($k: ProductSortKeys, $r: Boolean) { products(first: 5, sortKey: $k, reverse: $r) { nodes { title } } }`,
        { k: sortKey, r: reverse },
      );
      expect(pluck(dig(data, "products", "nodes"), "title")).toEqual(expected);
    },
  );

  it("GIVEN more products than the limit WHEN counting THEN AT_LEAST the limit is reported", async () => {
    const data = await ok(
      `{ capped: productsCount(limit: 2) { count precision } all: productsCount(limit: null) { count precision } matched: productsCount(query: "vendor:Mid") { count precision } }`,
    );
    expect(data).toEqual({
      capped: { count: 2, precision: "AT_LEAST" },
      all: { count: 3, precision: "EXACT" },
      matched: { count: 1, precision: "EXACT" },
    });
  });

  it("GIVEN a product WHEN read by id THEN the app's fields resolve", async () => {
    const data = await ok(
      `query($id: ID!) { product(id: $id) { id legacyResourceId title vendor status totalInventory description
      priceRangeV2 { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
      variantsCount { count precision }
      variants(first: 5) { nodes { title sku price compareAtPrice inventoryQuantity position displayName product { id }
        inventoryItem { unitCost { amount currencyCode } } } } } }`,
      { id: shirt.id },
    );
    expect(dig(data, "product")).toEqual({
      id: shirt.id,
      legacyResourceId: shirt.id.split("/").at(-1),
      title: "Shirt",
      vendor: "Zeta",
      status: "ACTIVE",
      totalInventory: 7,
      description: "Soft cotton",
      priceRangeV2: {
        minVariantPrice: { amount: "20.00", currencyCode: "SEK" },
        maxVariantPrice: { amount: "25.00" },
      },
      variantsCount: { count: 2, precision: "EXACT" },
      variants: {
        nodes: [
          {
            title: "S",
            sku: "S-1",
            price: "20.00",
            compareAtPrice: "30.00",
            inventoryQuantity: 3,
            position: 1,
            displayName: "Shirt - S",
            product: { id: shirt.id },
            inventoryItem: { unitCost: { amount: "8.50", currencyCode: "SEK" } },
          },
          {
            title: "L",
            sku: "L-1",
            price: "25.00",
            compareAtPrice: null,
            inventoryQuantity: 4,
            position: 2,
            displayName: "Shirt - L",
            product: { id: shirt.id },
            inventoryItem: { unitCost: null },
          },
        ],
      },
    });
  });

  it("GIVEN an unknown id WHEN read THEN product is null", async () => {
    expect(await ok(`{ product(id: "gid://shopify/Product/1") { id } }`)).toEqual({
      product: null,
    });
  });

  it("GIVEN a product in a collection WHEN asked for collections and inCollection THEN membership is reported", async () => {
    const member = addManualCollection(harness.shop, [shirt], { title: "Tops" });
    const other = addManualCollection(harness.shop, [], { title: "Empty" });
    const data = await ok(
      `query($id: ID!, $in: ID!, $out: ID!) { product(id: $id) { collections(first: 5) { nodes { title } } a: inCollection(id: $in) b: inCollection(id: $out) } }`,
      {
        id: shirt.id,
        in: member.id,
        out: other.id,
      },
    );
    expect(dig(data, "product")).toEqual({
      collections: { nodes: [{ title: "Tops" }] },
      a: true,
      b: false,
    });
  });

  it("GIVEN a field the emulator lacks WHEN selected THEN the request fails loudly", async () => {
    const result = await harness.run(
      `query($id: ID!) { product(id: $id) { featuredMedia { id } } }`,
      { id: shirt.id },
    );
    expect(result.errors?.[0]?.message).toBe("not emulated: Product.featuredMedia");
  });
});
