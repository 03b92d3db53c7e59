import { beforeEach, describe, expect, it } from "vitest";
import { addManualCollection, addProduct, addPublications, dig } from "../catalog/testing-fixtures";
import type { Collection, Product, Publication } from "../store/types";
import { createTestHarness } from "../testing";
import { catalogResolvers } from "./catalog";

const PUBLISH = `mutation($id: ID!, $input: [PublicationInput!]!) {
  publishablePublish(id: $id, input: $input) {
    publishable { __typename ... on Collection { id publishedOnPublication(publicationId: "gid://shopify/Publication/1") }
      ... on Product { id publishedAt } }
    shop { id }
    userErrors { field message }
  }
}`;
const UNPUBLISH = PUBLISH.replace("publishablePublish", "publishableUnpublish").replace(
  "publishablePublish",
  "publishableUnpublish",
);

describe("publications and publishing", () => {
  let harness: ReturnType<typeof createTestHarness>;
  let onlineStore: Publication;
  let pos: Publication;
  let collection: Collection;
  let product: Product;

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const result = await harness.run(query, variables);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  beforeEach(() => {
    harness = createTestHarness(catalogResolvers);
    ({ onlineStore, pos } = addPublications(harness.shop));
    product = addProduct(harness.shop, { title: "Shirt" });
    collection = addManualCollection(harness.shop, [product]);
  });

  it("GIVEN publications WHEN listed THEN each has its catalog title", async () => {
    const data = await ok(
      `{ publications(first: 5) { nodes { id catalog { title } supportsFuturePublishing } } }`,
    );
    expect(dig(data, "publications", "nodes")).toEqual([
      { id: onlineStore.id, catalog: { title: "Online Store" }, supportsFuturePublishing: true },
      { id: pos.id, catalog: { title: "Point of Sale" }, supportsFuturePublishing: false },
    ]);
  });

  it("GIVEN a catalog type other than APP WHEN listing THEN no publication matches", async () => {
    expect(await ok(`{ publications(first: 5, catalogType: MARKET) { nodes { id } } }`)).toEqual({
      publications: { nodes: [] },
    });
  });

  it("GIVEN an unpublished collection WHEN published to the online store THEN it is published there", async () => {
    const data = await ok(PUBLISH, {
      id: collection.id,
      input: [{ publicationId: onlineStore.id }],
    });
    expect(dig(data, "publishablePublish")).toEqual({
      publishable: { __typename: "Collection", id: collection.id, publishedOnPublication: true },
      shop: { id: harness.shop.id },
      userErrors: [],
    });
    const read = await ok(
      `query($id: ID!) { collection(id: $id) { resourcePublicationsCount { count } unpublishedPublications(first: 5) { nodes { id } } } }`,
      { id: collection.id },
    );
    expect(dig(read, "collection")).toEqual({
      resourcePublicationsCount: { count: 1 },
      unpublishedPublications: { nodes: [{ id: pos.id }] },
    });
  });

  it("GIVEN a product WHEN published to the online store THEN publishedAt is set, and cleared when unpublished", async () => {
    const published = await ok(PUBLISH, {
      id: product.id,
      input: [{ publicationId: onlineStore.id }],
    });
    expect(dig(published, "publishablePublish", "publishable")).toEqual({
      __typename: "Product",
      id: product.id,
      publishedAt: "2026-11-02T10:00:00.000Z",
    });
    const unpublished = await ok(UNPUBLISH, {
      id: product.id,
      input: [{ publicationId: onlineStore.id }],
    });
    expect(dig(unpublished, "publishableUnpublish", "publishable", "publishedAt")).toBeNull();
    expect(harness.shop.products.get(product.id)?.publicationIds).toEqual([]);
  });

  it("GIVEN a published collection WHEN unpublished from one publication THEN only that one is removed", async () => {
    collection.publicationIds.push(onlineStore.id, pos.id);
    await ok(UNPUBLISH, { id: collection.id, input: [{ publicationId: pos.id }] });
    expect(collection.publicationIds).toEqual([onlineStore.id]);
  });

  it("GIVEN an unknown publication WHEN publishing THEN a UserError is returned and nothing changes", async () => {
    const data = await ok(PUBLISH, {
      id: collection.id,
      input: [{ publicationId: onlineStore.id }, { publicationId: "gid://shopify/Publication/99" }],
    });
    expect(dig(data, "publishablePublish", "userErrors")).toEqual([
      { field: ["input", "1", "publicationId"], message: "Publication does not exist" },
    ]);
    expect(dig(data, "publishablePublish", "publishable")).toBeNull();
    expect(collection.publicationIds).toEqual([]);
  });

  it("GIVEN an unknown resource WHEN publishing THEN a UserError is returned", async () => {
    const data = await ok(PUBLISH, {
      id: "gid://shopify/Collection/404",
      input: [{ publicationId: onlineStore.id }],
    });
    expect(dig(data, "publishablePublish", "userErrors")).toEqual([
      { field: ["id"], message: "Resource does not exist" },
    ]);
  });

  it("GIVEN a published collection WHEN filtering collections by published_status THEN it is found", async () => {
    await ok(PUBLISH, { id: collection.id, input: [{ publicationId: onlineStore.id }] });
    addManualCollection(harness.shop, [], { title: "Hidden" });
    const data = await ok(
      `{ p: collections(first: 5, query: "published_status:published") { nodes { id } } u: collections(first: 5, query: "published_status:unpublished") { nodes { title } } }`,
    );
    expect(data).toEqual({
      p: { nodes: [{ id: collection.id }] },
      u: { nodes: [{ title: "Hidden" }] },
    });
  });
});
