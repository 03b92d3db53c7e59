import { describe, expect, it } from "vitest";
import { addManualCollection, addProduct } from "../catalog/testing-fixtures";
import { createTestHarness } from "../testing";
import { catalogResolvers } from "./catalog";

describe("node / nodes", () => {
  it("GIVEN ids of a collection, a product and nothing THEN nodes answers each in place, null for the unknown one", async () => {
    const harness = createTestHarness(catalogResolvers);
    const product = addProduct(harness.shop, { title: "Fleece" });
    const collection = addManualCollection(harness.shop, [product], { title: "Höst" });
    const result = await harness.run(
      `query($ids: [ID!]!) {
        nodes(ids: $ids) {
          __typename
          id
          ... on Collection { title productsCount { count } }
          ... on Product { title }
        }
        node(id: "gid://shopify/Collection/999999") { id }
      }`,
      { ids: [collection.id, product.id, "gid://shopify/Collection/999999"] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      nodes: [
        { __typename: "Collection", id: collection.id, title: "Höst", productsCount: { count: 1 } },
        { __typename: "Product", id: product.id, title: "Fleece" },
        null,
      ],
      node: null,
    });
  });
});
