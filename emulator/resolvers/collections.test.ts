import { beforeEach, describe, expect, it } from "vitest";
import {
  addCollection,
  addManualCollection,
  addProduct,
  addPublications,
  dig,
  pluck,
} from "../catalog/testing-fixtures";
import type { Product } from "../store/types";
import { createTestHarness } from "../testing";
import { catalogResolvers } from "./catalog";

type Harness = ReturnType<typeof createTestHarness>;

async function ok(
  harness: Harness,
  query: string,
  variables?: Record<string, unknown>,
): Promise<unknown> {
  const result = await harness.run(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const CREATE = `mutation($c: CollectionCreateInput!) {
  collectionCreate(collection: $c) {
    collection { id title handle sortOrder templateSuffix seo { title description }
      publishedOnPublication(publicationId: "gid://shopify/Publication/1")
      productsCount { count precision } products(first: 10) { nodes { id } } }
    userErrors { field message }
  }
}`;

const UPDATE = `mutation($c: CollectionUpdateInput!) {
  collectionUpdate(collection: $c) {
    collection { id title updatedAt products(first: 20) { nodes { id } } }
    job { id done }
    userErrors { field message }
  }
}`;

describe("collection mutations and queries", () => {
  let harness: Harness;
  let p1: Product;
  let p2: Product;
  let p3: Product;

  beforeEach(() => {
    harness = createTestHarness(catalogResolvers);
    addPublications(harness.shop);
    p1 = addProduct(harness.shop, { title: "Alpha", tags: ["summer"] });
    p2 = addProduct(harness.shop, { title: "Bravo", tags: ["winter"] });
    p3 = addProduct(harness.shop, { title: "Charlie", tags: ["summer"] });
  });

  const create = (c: Record<string, unknown>) => ok(harness, CREATE, { c });
  const update = (c: Record<string, unknown>) => ok(harness, UPDATE, { c });
  const manualSource = (products: Product[]) => ({
    source: {
      title: "Manual",
      inclusion: { selections: products.map((p) => ({ productId: p.id })) },
    },
  });

  describe("collectionCreate", () => {
    it("GIVEN a title and sources WHEN created THEN the collection is stored unpublished with its members", async () => {
      const data = await create({
        title: "Summer Sale",
        sortOrder: "MANUAL",
        templateSuffix: "campaign",
        seo: { title: "Sale" },
        sources: [
          manualSource([p2]),
          {
            source: {
              title: "Tagged",
              inclusion: {
                matchType: "ANY",
                conditions: [
                  { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["summer"] } },
                ],
              },
            },
          },
        ],
      });
      const collection = dig(data, "collectionCreate", "collection");
      expect(dig(data, "collectionCreate", "userErrors")).toEqual([]);
      expect(collection).toMatchObject({
        title: "Summer Sale",
        handle: "summer-sale",
        sortOrder: "MANUAL",
        templateSuffix: "campaign",
        seo: { title: "Sale", description: null },
        publishedOnPublication: false,
        productsCount: { count: 3, precision: "EXACT" },
      });
      expect(pluck(dig(collection, "products", "nodes"), "id")).toEqual([p2.id, p1.id, p3.id]);
      expect(harness.shop.collections.get(String(dig(collection, "id")))?.publicationIds).toEqual(
        [],
      );
    });

    it("GIVEN a new collection WHEN created THEN collections/create fires with the REST payload", async () => {
      const data = await create({ title: "Hats", sortOrder: "PRICE_DESC" });
      const id = String(dig(data, "collectionCreate", "collection", "id"));
      expect(harness.emitted).toEqual([
        {
          topic: "collections/create",
          payload: {
            id: Number(id.split("/").at(-1)),
            handle: "hats",
            title: "Hats",
            updated_at: "2026-11-02T10:00:00.000Z",
            body_html: "",
            published_at: null,
            sort_order: "price-desc",
            template_suffix: null,
            published_scope: "web",
            admin_graphql_api_id: id,
          },
        },
      ]);
    });

    it("GIVEN a blank title WHEN creating THEN a UserError is returned and nothing is stored", async () => {
      const data = await create({ title: "  " });
      expect(dig(data, "collectionCreate")).toEqual({
        collection: null,
        userErrors: [{ field: ["collection", "title"], message: "Title can't be blank" }],
      });
      expect(harness.shop.collections.size).toBe(0);
      expect(harness.emitted).toEqual([]);
    });

    it("GIVEN a title whose handle is taken WHEN creating THEN a numbered handle is generated", async () => {
      await create({ title: "Summer" });
      const data = await create({ title: "Summer!" });
      expect(dig(data, "collectionCreate", "collection", "handle")).toBe("summer-1");
    });

    it("GIVEN an explicit handle WHEN creating THEN it is normalized", async () => {
      const data = await create({ title: "X", handle: "My Great Handle" });
      expect(dig(data, "collectionCreate", "collection", "handle")).toBe("my-great-handle");
    });

    it("GIVEN an explicit handle already in use WHEN creating THEN a UserError is returned", async () => {
      await create({ title: "Summer" });
      const data = await create({ title: "Other", handle: "summer" });
      expect(dig(data, "collectionCreate", "userErrors")).toEqual([
        {
          field: ["collection", "handle"],
          message: "Handle 'summer' already in use. Please provide a new handle.",
        },
      ]);
    });

    it("GIVEN a handle with no usable characters WHEN creating THEN a UserError is returned", async () => {
      const data = await create({ title: "X", handle: "!!!" });
      expect(dig(data, "collectionCreate", "userErrors")).toEqual([
        { field: ["collection", "handle"], message: "Handle is invalid" },
      ]);
    });

    it("GIVEN a selection of a product that does not exist WHEN creating THEN a UserError names it", async () => {
      const data = await create({
        title: "X",
        sources: [
          {
            source: {
              title: "Manual",
              inclusion: { selections: [{ productId: "gid://shopify/Product/999" }] },
            },
          },
        ],
      });
      expect(dig(data, "collectionCreate", "userErrors")).toEqual([
        {
          field: [
            "collection",
            "sources",
            "0",
            "source",
            "inclusion",
            "selections",
            "0",
            "productId",
          ],
          message: "Product does not exist",
        },
      ]);
    });

    it("GIVEN more than 60 conditions in a source WHEN creating THEN a UserError is returned", async () => {
      const conditions = Array.from({ length: 61 }, (_, i) => ({
        productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: [`t${i}`] },
      }));
      const data = await create({
        title: "X",
        sources: [{ source: { title: "Rules", inclusion: { conditions } } }],
      });
      expect(dig(data, "collectionCreate", "userErrors")).toEqual([
        {
          field: ["collection", "sources", "0", "source"],
          message: "A source can have at most 60 conditions",
        },
      ]);
    });

    it("GIVEN IS_SET with a value WHEN creating THEN the compare-at condition is refused", async () => {
      const data = await create({
        title: "X",
        sources: [
          {
            source: {
              title: "R",
              inclusion: {
                conditions: [
                  {
                    variantCompareAtPrice: {
                      relation: "IS_SET",
                      value: { amount: "1", currencyCode: "SEK" },
                    },
                  },
                ],
              },
            },
          },
        ],
      });
      expect(dig(data, "collectionCreate", "userErrors", 0, "message")).toBe(
        "Value must be absent when the relation is IS_SET or IS_NOT_SET",
      );
    });

    it("GIVEN a sub-collections source WHEN created THEN it takes the members of the referenced collections", async () => {
      const child = addManualCollection(harness.shop, [p3]);
      const data = await create({
        title: "Parent",
        sources: [{ subCollections: { title: "Kids", collectionIds: [child.id] } }],
      });
      expect(dig(data, "collectionCreate", "collection", "products", "nodes")).toEqual([
        { id: p3.id },
      ]);
    });

    it("GIVEN a sub-collection reference to an unknown collection WHEN creating THEN INVALID_COLLECTION_REFERENCE is reported", async () => {
      const data = await create({
        title: "P",
        sources: [
          { subCollections: { title: "Kids", collectionIds: ["gid://shopify/Collection/424242"] } },
        ],
      });
      expect(dig(data, "collectionCreate", "userErrors")).toEqual([
        {
          field: ["collection", "sources", "0", "subCollections", "collectionIds", "0"],
          message:
            "Collection gid://shopify/Collection/424242 does not exist (INVALID_COLLECTION_REFERENCE)",
        },
      ]);
    });

    it("GIVEN a reference to a collection that itself has sub-collections WHEN creating THEN CHAIN_REFERENCE is reported", async () => {
      const leaf = addManualCollection(harness.shop, [p1]);
      const middle = addCollection(harness.shop, {
        sources: [
          {
            kind: "subCollections",
            id: "gid://shopify/CollectionSubCollectionsSource/9",
            title: "L",
            description: null,
            collectionIds: [leaf.id],
          },
        ],
      });
      const data = await create({
        title: "Top",
        sources: [{ subCollections: { title: "M", collectionIds: [middle.id] } }],
      });
      expect(dig(data, "collectionCreate", "userErrors", 0, "message")).toMatch(/CHAIN_REFERENCE/);
    });

    it("GIVEN the deprecated input argument WHEN creating THEN the request fails loudly", async () => {
      const result = await harness.run(
        `mutation { collectionCreate(input: { title: "Old" }) { userErrors { message } } }`,
      );
      expect(result.errors?.[0]?.message).toMatch(/^not emulated: collectionCreate\(input:\)/);
    });
  });

  describe("collectionUpdate", () => {
    const sourceIdOf = (collectionId: string) =>
      harness.shop.collections.get(collectionId)!.sources[0].id;

    it("GIVEN a manual source WHEN selectionsToAdd runs THEN the product joins and a pending job is returned", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      harness.clock.advance(60_000);
      const data = await update({
        id: collection.id,
        sourcesToUpdate: [
          {
            condition: {
              id: sourceIdOf(collection.id),
              inclusion: { selectionsToAdd: [{ productId: p2.id }] },
            },
          },
        ],
      });
      const payload = dig(data, "collectionUpdate");
      expect(dig(payload, "userErrors")).toEqual([]);
      expect(dig(payload, "collection", "products", "nodes")).toEqual([
        { id: p1.id },
        { id: p2.id },
      ]);
      expect(dig(payload, "collection", "updatedAt")).toBe("2026-11-02T10:01:00.000Z");
      expect(dig(payload, "job", "done")).toBe(false);
      const job = harness.shop.jobs.get(String(dig(payload, "job", "id")))!;
      expect(Date.parse(job.doneAt)).toBeGreaterThan(harness.clock.now().getTime());
    });

    it("GIVEN a batch of selections WHEN added in one call THEN collections/update fires exactly once", async () => {
      const collection = addManualCollection(harness.shop, []);
      await update({
        id: collection.id,
        sourcesToUpdate: [
          {
            condition: {
              id: sourceIdOf(collection.id),
              inclusion: { selectionsToAdd: [{ productId: p2.id }, { productId: p3.id }] },
            },
          },
        ],
      });
      expect(harness.emitted.map((e) => e.topic)).toEqual(["collections/update"]);
    });

    it("GIVEN selectionsToRemove WHEN applied THEN the product leaves the collection", async () => {
      const collection = addManualCollection(harness.shop, [p1, p2]);
      const data = await update({
        id: collection.id,
        sourcesToUpdate: [
          {
            condition: {
              id: sourceIdOf(collection.id),
              inclusion: { selectionsToRemove: [{ productId: p1.id }] },
            },
          },
        ],
      });
      expect(dig(data, "collectionUpdate", "collection", "products", "nodes")).toEqual([
        { id: p2.id },
      ]);
    });

    it("GIVEN only a new title WHEN updated THEN no job is returned but the update webhook fires", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await update({ id: collection.id, title: "Renamed" });
      expect(dig(data, "collectionUpdate", "job")).toBeNull();
      expect(dig(data, "collectionUpdate", "collection", "title")).toBe("Renamed");
      expect(harness.emitted).toHaveLength(1);
    });

    it("GIVEN an unknown collection id WHEN updating THEN a UserError is returned", async () => {
      const data = await update({ id: "gid://shopify/Collection/31337", title: "X" });
      expect(dig(data, "collectionUpdate", "userErrors")).toEqual([
        { field: ["collection", "id"], message: "Collection does not exist" },
      ]);
    });

    it("GIVEN an unknown source id WHEN updating THEN a UserError is returned", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await update({
        id: collection.id,
        sourcesToUpdate: [
          {
            condition: {
              id: "gid://shopify/CollectionConditionsSource/5",
              inclusion: { selectionsToAdd: [{ productId: p2.id }] },
            },
          },
        ],
      });
      expect(dig(data, "collectionUpdate", "userErrors")).toEqual([
        {
          field: ["collection", "sourcesToUpdate", "0", "condition", "id"],
          message: "Source does not exist",
        },
      ]);
    });

    it("GIVEN one bad product among good ones WHEN updating THEN nothing changes (atomic)", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await update({
        id: collection.id,
        title: "Changed",
        sourcesToUpdate: [
          {
            condition: {
              id: sourceIdOf(collection.id),
              inclusion: {
                selectionsToAdd: [{ productId: p2.id }, { productId: "gid://shopify/Product/1" }],
              },
            },
          },
        ],
      });
      expect(dig(data, "collectionUpdate", "userErrors")).toEqual([
        {
          field: [
            "collection",
            "sourcesToUpdate",
            "0",
            "condition",
            "inclusion",
            "selectionsToAdd",
            "1",
            "productId",
          ],
          message: "Product does not exist",
        },
      ]);
      const stored = harness.shop.collections.get(collection.id)!;
      expect(stored.title).not.toBe("Changed");
      expect(stored.sources[0]).toMatchObject({
        inclusion: { selections: [{ productId: p1.id }] },
      });
      expect(harness.emitted).toEqual([]);
    });

    it("GIVEN conditions to create, update and delete WHEN applied THEN the source's rules change accordingly", async () => {
      const created = await create({
        title: "Rules",
        sources: [
          {
            source: {
              title: "R",
              inclusion: {
                matchType: "ALL",
                conditions: [
                  { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["summer"] } },
                  { productTitle: { matchType: "ANY", relation: "CONTAINS", values: ["zzz"] } },
                ],
              },
            },
          },
        ],
      });
      const id = String(dig(created, "collectionCreate", "collection", "id"));
      const [tag, title] =
        harness.shop.collections.get(id)!.sources[0].kind === "conditions"
          ? (
              harness.shop.collections.get(id)!.sources[0] as {
                inclusion: { conditions: { id: string }[] };
              }
            ).inclusion.conditions
          : [];
      const data = await update({
        id,
        sourcesToUpdate: [
          {
            condition: {
              id: sourceIdOf(id),
              inclusion: {
                conditionsToDelete: [title.id],
                conditionsToUpdate: [
                  { id: tag.id, condition: { productTag: { values: ["winter"] } } },
                ],
                conditionsToCreate: [
                  { productTitle: { matchType: "ANY", relation: "STARTS_WITH", values: ["b"] } },
                ],
              },
            },
          },
        ],
      });
      expect(dig(data, "collectionUpdate", "userErrors")).toEqual([]);
      expect(dig(data, "collectionUpdate", "collection", "products", "nodes")).toEqual([
        { id: p2.id },
      ]);
    });

    it("GIVEN an update of a condition to another kind WHEN applied THEN a UserError is returned", async () => {
      const created = await create({
        title: "Rules",
        sources: [
          {
            source: {
              title: "R",
              inclusion: {
                conditions: [
                  { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["a"] } },
                ],
              },
            },
          },
        ],
      });
      const id = String(dig(created, "collectionCreate", "collection", "id"));
      const source = harness.shop.collections.get(id)!.sources[0];
      const conditionId = source.kind === "conditions" ? source.inclusion.conditions[0].id : "";
      const data = await update({
        id,
        sourcesToUpdate: [
          {
            condition: {
              id: source.id,
              inclusion: {
                conditionsToUpdate: [
                  { id: conditionId, condition: { productVendor: { values: ["x"] } } },
                ],
              },
            },
          },
        ],
      });
      expect(dig(data, "collectionUpdate", "userErrors", 0, "message")).toBe(
        "The condition is a productTag condition; its type can't change",
      );
    });

    it("GIVEN sourcesToDelete WHEN applied THEN the source and its members go", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await update({
        id: collection.id,
        sourcesToDelete: [sourceIdOf(collection.id)],
      });
      expect(dig(data, "collectionUpdate", "collection", "products", "nodes")).toEqual([]);
      expect(dig(data, "collectionUpdate", "job")).not.toBeNull();
    });

    it("GIVEN an unknown source to delete WHEN updating THEN a UserError is returned", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await update({
        id: collection.id,
        sourcesToDelete: ["gid://shopify/CollectionConditionsSource/4"],
      });
      expect(dig(data, "collectionUpdate", "userErrors")).toEqual([
        { field: ["collection", "sourcesToDelete", "0"], message: "Source does not exist" },
      ]);
    });

    it("GIVEN a sub-collection source that references its own collection WHEN updating THEN SELF_REFERENCE is reported", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await update({
        id: collection.id,
        sourcesToCreate: [{ subCollections: { title: "Me", collectionIds: [collection.id] } }],
      });
      expect(dig(data, "collectionUpdate", "userErrors", 0, "message")).toBe(
        "A collection can't reference itself (SELF_REFERENCE)",
      );
    });

    it("GIVEN a collection referenced by another WHEN it gains a sub-collection source THEN CHAIN_REFERENCE is reported", async () => {
      const leaf = addManualCollection(harness.shop, [p1]);
      const middle = addManualCollection(harness.shop, [p2]);
      addCollection(harness.shop, {
        sources: [
          {
            kind: "subCollections",
            id: "gid://shopify/CollectionSubCollectionsSource/7",
            title: "M",
            description: null,
            collectionIds: [middle.id],
          },
        ],
      });
      const data = await update({
        id: middle.id,
        sourcesToCreate: [{ subCollections: { title: "Leaf", collectionIds: [leaf.id] } }],
      });
      expect(dig(data, "collectionUpdate", "userErrors", 0, "message")).toMatch(
        /referenced by another collection.*CHAIN_REFERENCE/,
      );
    });

    it("GIVEN a collection exclusion WHEN added THEN the excluded collection's products leave", async () => {
      const winter = addManualCollection(harness.shop, [p2]);
      const collection = addManualCollection(harness.shop, [p1, p2]);
      const data = await update({
        id: collection.id,
        sourcesToUpdate: [
          {
            condition: {
              id: sourceIdOf(collection.id),
              exclusion: { conditionsToCreate: [{ collection: { values: [winter.id] } }] },
            },
          },
        ],
      });
      expect(dig(data, "collectionUpdate", "collection", "products", "nodes")).toEqual([
        { id: p1.id },
      ]);
    });

    it("GIVEN a switch to MANUAL WHEN updated THEN the previous order becomes the manual order", async () => {
      const collection = addManualCollection(harness.shop, [p3, p1, p2], {
        sortOrder: "ALPHA_DESC",
      });
      await update({ id: collection.id, sortOrder: "MANUAL" });
      expect(harness.shop.collections.get(collection.id)!.manualOrder).toEqual([
        p3.id,
        p2.id,
        p1.id,
      ]);
    });
  });

  describe("collectionDelete", () => {
    it("GIVEN a collection WHEN deleted THEN its id is returned, it is gone and collections/delete fires", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await ok(
        harness,
        `mutation($id: ID!) { collectionDelete(input: { id: $id }) { deletedCollectionId shop { id } userErrors { field message } } }`,
        { id: collection.id },
      );
      expect(dig(data, "collectionDelete")).toEqual({
        deletedCollectionId: collection.id,
        shop: { id: harness.shop.id },
        userErrors: [],
      });
      expect(harness.shop.collections.has(collection.id)).toBe(false);
      expect(harness.emitted[0]).toMatchObject({
        topic: "collections/delete",
        payload: { admin_graphql_api_id: collection.id },
      });
      expect(harness.shop.products.has(p1.id)).toBe(true);
    });

    it("GIVEN an unknown id WHEN deleting THEN a UserError is returned", async () => {
      const data = await ok(
        harness,
        `mutation { collectionDelete(input: { id: "gid://shopify/Collection/9" }) { deletedCollectionId userErrors { field message } } }`,
      );
      expect(dig(data, "collectionDelete")).toEqual({
        deletedCollectionId: null,
        userErrors: [{ field: ["input", "id"], message: "Collection does not exist" }],
      });
    });
  });

  describe("collectionReorderProducts", () => {
    const REORDER = `mutation($id: ID!, $moves: [MoveInput!]!) {
      collectionReorderProducts(id: $id, moves: $moves) { job { id done } userErrors { code field message } }
    }`;
    const productIds = async (id: string) => {
      const data = await ok(
        harness,
        `query($id: ID!) { collection(id: $id) { products(first: 10) { nodes { title } } } }`,
        { id },
      );
      return pluck(dig(data, "collection", "products", "nodes"), "title");
    };

    it("GIVEN [A,B,C,D,E] WHEN E moves to 1 then C to 4 THEN the order is [A,E,B,D,C] and a job is returned", async () => {
      const [a, b, c, d, e] = ["A", "B", "C", "D", "E"].map((title) =>
        addProduct(harness.shop, { title }),
      );
      const collection = addManualCollection(harness.shop, [a, b, c, d, e]);
      const data = await ok(harness, REORDER, {
        id: collection.id,
        moves: [
          { id: e.id, newPosition: "1" },
          { id: c.id, newPosition: "4" },
        ],
      });
      expect(dig(data, "collectionReorderProducts", "userErrors")).toEqual([]);
      expect(dig(data, "collectionReorderProducts", "job", "done")).toBe(false);
      expect(await productIds(collection.id)).toEqual(["A", "E", "B", "D", "C"]);
      expect(harness.emitted.map((x) => x.topic)).toEqual(["collections/update"]);
    });

    it("GIVEN a position past the end WHEN moving THEN the product goes last", async () => {
      const collection = addManualCollection(harness.shop, [p1, p2, p3]);
      await ok(harness, REORDER, { id: collection.id, moves: [{ id: p1.id, newPosition: "99" }] });
      expect(await productIds(collection.id)).toEqual(["Bravo", "Charlie", "Alpha"]);
    });

    it("GIVEN a collection not sorted manually WHEN reordering THEN MANUALLY_SORTED_COLLECTION is returned", async () => {
      const collection = addManualCollection(harness.shop, [p1, p2], { sortOrder: "ALPHA_ASC" });
      const data = await ok(harness, REORDER, {
        id: collection.id,
        moves: [{ id: p1.id, newPosition: "1" }],
      });
      expect(dig(data, "collectionReorderProducts")).toEqual({
        job: null,
        userErrors: [
          {
            code: "MANUALLY_SORTED_COLLECTION",
            field: ["id"],
            message: "Can't reorder products unless collection is manually sorted.",
          },
        ],
      });
    });

    it("GIVEN an unknown collection WHEN reordering THEN COLLECTION_NOT_FOUND is returned", async () => {
      const data = await ok(harness, REORDER, { id: "gid://shopify/Collection/5", moves: [] });
      expect(dig(data, "collectionReorderProducts", "userErrors", 0, "code")).toBe(
        "COLLECTION_NOT_FOUND",
      );
    });

    it("GIVEN a product outside the collection WHEN reordering THEN INVALID_MOVE is returned", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await ok(harness, REORDER, {
        id: collection.id,
        moves: [{ id: p2.id, newPosition: "0" }],
      });
      expect(dig(data, "collectionReorderProducts", "userErrors")).toEqual([
        {
          code: "INVALID_MOVE",
          field: ["moves", "0", "id"],
          message: "Product is not in the collection.",
        },
      ]);
    });

    it("GIVEN more than 250 moves WHEN reordering THEN INVALID_MOVE is returned", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const moves = Array.from({ length: 251 }, () => ({ id: p1.id, newPosition: "0" }));
      const data = await ok(harness, REORDER, { id: collection.id, moves });
      expect(dig(data, "collectionReorderProducts", "userErrors", 0)).toMatchObject({
        code: "INVALID_MOVE",
        field: ["moves"],
      });
    });
  });

  describe("queries", () => {
    it("GIVEN smart and custom collections WHEN filtering by collection_type THEN each kind is found", async () => {
      addManualCollection(harness.shop, [p1], { title: "Custom" });
      await create({
        title: "Smart",
        sources: [
          {
            source: {
              title: "R",
              inclusion: {
                conditions: [
                  { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["summer"] } },
                ],
              },
            },
          },
        ],
      });
      const data = await ok(
        harness,
        `{ smart: collections(first: 5, query: "collection_type:smart") { nodes { title } } custom: collections(first: 5, query: "collection_type:custom") { nodes { title } } }`,
      );
      expect(dig(data, "smart", "nodes")).toEqual([{ title: "Smart" }]);
      expect(dig(data, "custom", "nodes")).toEqual([{ title: "Custom" }]);
    });

    it("GIVEN collections WHEN filtering by product_id and title THEN matching ones return", async () => {
      addManualCollection(harness.shop, [p1], { title: "Has Alpha" });
      addManualCollection(harness.shop, [p2], { title: "Has Bravo" });
      const numeric = p2.id.split("/").at(-1);
      const data = await ok(
        harness,
        `{ a: collections(first: 5, query: "product_id:${numeric}") { nodes { title } } b: collections(first: 5, query: "title:alpha") { nodes { title } } }`,
      );
      expect(dig(data, "a", "nodes")).toEqual([{ title: "Has Bravo" }]);
      expect(dig(data, "b", "nodes")).toEqual([{ title: "Has Alpha" }]);
    });

    it("GIVEN collections WHEN sorted by TITLE reversed THEN the order is descending", async () => {
      for (const title of ["b", "c", "a"]) addManualCollection(harness.shop, [], { title });
      const data = await ok(
        harness,
        `{ collections(first: 5, sortKey: TITLE, reverse: true) { nodes { title } } }`,
      );
      expect(pluck(dig(data, "collections", "nodes"), "title")).toEqual(["c", "b", "a"]);
    });

    it("GIVEN more collections than the limit WHEN counting THEN AT_LEAST the limit is reported; limit null counts all", async () => {
      for (let i = 0; i < 3; i++) addManualCollection(harness.shop, []);
      const data = await ok(
        harness,
        `{ capped: collectionsCount(limit: 2) { count precision } all: collectionsCount(limit: null) { count precision } dflt: collectionsCount { count precision } }`,
      );
      expect(data).toEqual({
        capped: { count: 2, precision: "AT_LEAST" },
        all: { count: 3, precision: "EXACT" },
        dflt: { count: 3, precision: "EXACT" },
      });
    });

    it("GIVEN a handle WHEN looked up by identifier THEN the collection is returned", async () => {
      const collection = addManualCollection(harness.shop, [], { handle: "summer" });
      const data = await ok(
        harness,
        `{ collectionByIdentifier(identifier: { handle: "summer" }) { id legacyResourceId } }`,
      );
      expect(dig(data, "collectionByIdentifier")).toEqual({
        id: collection.id,
        legacyResourceId: collection.id.split("/").at(-1),
      });
    });

    it("GIVEN a collection WHEN reading products by sortKey THEN COLLECTION_DEFAULT follows sortOrder and TITLE sorts by title", async () => {
      const collection = addManualCollection(harness.shop, [p3, p1, p2], {
        sortOrder: "ALPHA_DESC",
      });
      const data = await ok(
        harness,
        `query($id: ID!) { collection(id: $id) { byDefault: products(first: 5) { nodes { title } } byTitle: products(first: 5, sortKey: TITLE) { nodes { title } } manual: products(first: 5, sortKey: MANUAL) { nodes { title } } } }`,
        { id: collection.id },
      );
      const titles = (key: string) => pluck(dig(data, "collection", key, "nodes"), "title");
      expect(titles("byDefault")).toEqual(["Charlie", "Bravo", "Alpha"]);
      expect(titles("byTitle")).toEqual(["Alpha", "Bravo", "Charlie"]);
      expect(titles("manual")).toEqual(["Charlie", "Alpha", "Bravo"]);
    });

    it("GIVEN a collection WHEN asked hasProduct THEN membership is answered", async () => {
      const collection = addManualCollection(harness.shop, [p1]);
      const data = await ok(
        harness,
        `query($id: ID!, $a: ID!, $b: ID!) { collection(id: $id) { a: hasProduct(id: $a) b: hasProduct(id: $b) } }`,
        { id: collection.id, a: p1.id, b: p2.id },
      );
      expect(dig(data, "collection")).toEqual({ a: true, b: false });
    });

    it("GIVEN typed conditions WHEN reading sources THEN each condition has its concrete type and fields", async () => {
      const excluded = addManualCollection(harness.shop, [p2]);
      const created = await create({
        title: "Typed",
        sources: [
          {
            source: {
              title: "R",
              targetType: "VARIANTS",
              inclusion: {
                matchType: "ALL",
                conditions: [
                  { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["summer"] } },
                  {
                    variantPrice: {
                      relation: "GREATER_THAN",
                      value: { amount: "5.00", currencyCode: "SEK" },
                    },
                  },
                  { variantCompareAtPrice: { relation: "IS_NOT_SET" } },
                ],
              },
              exclusion: { conditions: [{ collection: { values: [excluded.id] } }] },
            },
          },
        ],
      });
      const id = dig(created, "collectionCreate", "collection", "id");
      const data = await ok(
        harness,
        `query($id: ID!) { collection(id: $id) { sources { __typename title ... on CollectionConditionsSource { shareable targetType
        inclusion { matchType conditions { __typename
          ... on CollectionSourceInclusionConditionProductTag { tagRelation: relation values matchType }
          ... on CollectionSourceInclusionConditionVariantPrice { priceRelation: relation value { amount currencyCode } }
          ... on CollectionSourceInclusionConditionVariantCompareAtPrice { compareRelation: relation compareValue: value { amount } } } }
        exclusion { matchType conditions { __typename ... on CollectionSourceExclusionConditionCollection { values { id } } } } } } } }`,
        { id },
      );
      expect(dig(data, "collection", "sources")).toEqual([
        {
          __typename: "CollectionConditionsSource",
          title: "R",
          shareable: false,
          targetType: "VARIANTS",
          inclusion: {
            matchType: "ALL",
            conditions: [
              {
                __typename: "CollectionSourceInclusionConditionProductTag",
                tagRelation: "TAGGED_WITH",
                values: ["summer"],
                matchType: "ANY",
              },
              {
                __typename: "CollectionSourceInclusionConditionVariantPrice",
                priceRelation: "GREATER_THAN",
                value: { amount: "5.00", currencyCode: "SEK" },
              },
              {
                __typename: "CollectionSourceInclusionConditionVariantCompareAtPrice",
                compareRelation: "IS_NOT_SET",
                compareValue: null,
              },
            ],
          },
          exclusion: {
            matchType: "ANY",
            conditions: [
              {
                __typename: "CollectionSourceExclusionConditionCollection",
                values: [{ id: excluded.id }],
              },
            ],
          },
        },
      ]);
    });

    it("GIVEN a collection with sub-collections WHEN asked subCollectionEligibility THEN CHAIN_REFERENCE is the reason", async () => {
      const leaf = addManualCollection(harness.shop, [p1]);
      const parent = addCollection(harness.shop, {
        sources: [
          {
            kind: "subCollections",
            id: "gid://shopify/CollectionSubCollectionsSource/3",
            title: "L",
            description: null,
            collectionIds: [leaf.id],
          },
        ],
      });
      const data = await ok(
        harness,
        `query($a: ID!, $b: ID!) { a: collection(id: $a) { subCollectionEligibility { inclusion { eligible ineligibleReason } } } b: collection(id: $b) { subCollectionEligibility { exclusion { eligible ineligibleReason } } sources { ... on CollectionSubCollectionsSource { collections { id } } } } }`,
        { a: leaf.id, b: parent.id },
      );
      expect(dig(data, "a", "subCollectionEligibility", "inclusion")).toEqual({
        eligible: true,
        ineligibleReason: null,
      });
      expect(dig(data, "b", "subCollectionEligibility", "exclusion")).toEqual({
        eligible: false,
        ineligibleReason: "CHAIN_REFERENCE",
      });
      expect(dig(data, "b", "sources")).toEqual([{ collections: [{ id: leaf.id }] }]);
    });

    it("GIVEN a deprecated membership mutation WHEN called THEN it fails loudly as not emulated", async () => {
      const collection = addManualCollection(harness.shop, []);
      const result = await harness.run(
        `mutation($id: ID!, $p: ID!) { collectionAddProducts(id: $id, productIds: [$p]) { userErrors { message } } }`,
        { id: collection.id, p: p1.id },
      );
      expect(result.errors?.[0]?.message).toBe("not emulated: Mutation.collectionAddProducts");
    });
  });
});
