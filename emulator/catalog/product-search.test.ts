import { beforeEach, describe, expect, it } from "vitest";
import { catalogResolvers } from "../resolvers/catalog";
import { createTestHarness } from "../testing";
import { takeSearchExtensions } from "./search-extensions";
import { addManualCollection, addProduct, addPublications } from "./testing-fixtures";

const QUERY = `query($q: String) { products(first: 50, query: $q) { nodes { title } } }`;

describe("products(query:) filters", () => {
  let harness: ReturnType<typeof createTestHarness>;
  const titles = async (q: string) => {
    const result = await harness.run(QUERY, { q });
    expect(result.errors).toBeUndefined();
    const data = result.data as { products: { nodes: { title: string }[] } };
    return data.products.nodes.map((n) => n.title);
  };

  beforeEach(() => {
    harness = createTestHarness(catalogResolvers);
    const { shop } = harness;
    const { onlineStore } = addPublications(shop);
    const shirt = addProduct(shop, {
      id: "gid://shopify/Product/1",
      title: "Green Summer Shirt",
      handle: "green-shirt",
      vendor: "Acme",
      productType: "Shirts",
      tags: ["summer", "sale"],
      status: "ACTIVE",
      createdAt: "2026-01-10T00:00:00Z",
      updatedAt: "2026-10-30T00:00:00Z",
      publicationIds: [onlineStore.id],
      variants: [
        {
          title: "S",
          sku: "SHIRT-S",
          price: "20.00",
          compareAtPrice: "25.00",
          inventoryQuantity: 3,
        },
        { title: "L", sku: "SHIRT-L", price: "30.00", inventoryQuantity: 4 },
      ],
    });
    addProduct(shop, {
      id: "gid://shopify/Product/2",
      title: "Wool Hat",
      handle: "wool-hat",
      vendor: "Hatters",
      productType: "Hats",
      tags: ["winter"],
      status: "DRAFT",
      createdAt: "2025-06-01T00:00:00Z",
      updatedAt: "2025-06-01T00:00:00Z",
      variants: [{ sku: "HAT-1", price: "55.00", inventoryQuantity: 0 }],
    });
    addProduct(shop, {
      id: "gid://shopify/Product/3",
      title: "Snowboard Pro",
      handle: "snowboard-pro",
      vendor: "Acme",
      productType: "Boards",
      tags: [],
      status: "ARCHIVED",
      createdAt: "2026-10-31T00:00:00Z",
      updatedAt: "2026-11-01T00:00:00Z",
      variants: [{ sku: "SB-1", price: "400.00", inventoryQuantity: 200 }],
    });
    addManualCollection(shop, [shirt], { id: "gid://shopify/Collection/77" });
  });

  it.each([
    ["tag:summer", ["Green Summer Shirt"]],
    ["tag_not:summer", ["Wool Hat", "Snowboard Pro"]],
    ["vendor:acme", ["Green Summer Shirt", "Snowboard Pro"]],
    ["product_type:Hats,Boards", ["Wool Hat", "Snowboard Pro"]],
    ["price:>=50", ["Wool Hat", "Snowboard Pro"]],
    ["price:30", ["Green Summer Shirt"]],
    ["inventory_total:0", ["Wool Hat"]],
    ["inventory_total:>150", ["Snowboard Pro"]],
    ["status:active,draft", ["Green Summer Shirt", "Wool Hat"]],
    ["created_at:>'2026-01-01T00:00:00Z'", ["Green Summer Shirt", "Snowboard Pro"]],
    ["created_at:<='2025'", ["Wool Hat"]],
    ["updated_at:>-7d", ["Green Summer Shirt", "Snowboard Pro"]],
    ["updated_at:<now", ["Green Summer Shirt", "Wool Hat", "Snowboard Pro"]],
    ["title:hat", ["Wool Hat"]],
    ["title:'summer shirt'", ["Green Summer Shirt"]],
    ["title:snow*", ["Snowboard Pro"]],
    ["handle:wool-hat,snowboard-pro", ["Wool Hat", "Snowboard Pro"]],
    ["id:>=2", ["Wool Hat", "Snowboard Pro"]],
    ["id:1", ["Green Summer Shirt"]],
    ["sku:HAT-1", ["Wool Hat"]],
    ["variant_title:L", ["Green Summer Shirt"]],
    ["is_price_reduced:true", ["Green Summer Shirt"]],
    ["collection_id:77", ["Green Summer Shirt"]],
    ["published_status:published", ["Green Summer Shirt"]],
    ["published_status:unpublished", ["Wool Hat", "Snowboard Pro"]],
    ["published_status:online_store_channel", ["Green Summer Shirt", "Wool Hat", "Snowboard Pro"]],
    ["published_status:1-published", ["Green Summer Shirt"]],
    ["published_status:unavailable", ["Wool Hat", "Snowboard Pro"]],
  ])(
    "GIVEN the catalog WHEN filtering with %s THEN only the matching products return",
    async (q, expected) => {
      expect(await titles(q)).toEqual(expected);
    },
  );

  it("GIVEN OR and negation WHEN combined THEN boolean logic applies", async () => {
    expect(await titles("(vendor:Hatters OR tag:sale) -status:draft")).toEqual([
      "Green Summer Shirt",
    ]);
  });

  it("GIVEN free text WHEN searched THEN words match title, vendor, type and tags by prefix", async () => {
    expect(await titles("snowb")).toEqual(["Snowboard Pro"]);
    expect(await titles("hatters")).toEqual(["Wool Hat"]);
  });

  it("GIVEN no status filter WHEN listing THEN products of every status are returned", async () => {
    expect(await titles("")).toHaveLength(3);
  });

  it("GIVEN an unknown filter WHEN searching THEN it is ignored and reported as a search warning", async () => {
    expect(await titles("tag:summer colour:green")).toEqual(["Green Summer Shirt"]);
    expect(takeSearchExtensions(harness.ctx)).toEqual([
      {
        path: ["products"],
        query: "tag:summer colour:green",
        parsed: {
          and: [
            { field: "tag", match_all: "summer" },
            { field: "colour", match_all: "green" },
          ],
        },
        warnings: [
          {
            field: "colour",
            message: "Invalid search field for this query.",
            code: "invalid_field",
          },
        ],
      },
    ]);
  });

  it("GIVEN a platform filter the emulator lacks WHEN searching THEN the request fails loudly", async () => {
    const result = await harness.run(QUERY, { q: "barcode:123" });
    expect(result.errors?.[0]?.message).toBe("not emulated: products search filter `barcode`");
  });
});
