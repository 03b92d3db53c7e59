import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { inputLimitErrors } from "./limits";
import { adminSchema } from "./schema";

const check = (query: string, variables: Record<string, unknown> = {}) =>
  inputLimitErrors({ schema: adminSchema(), document: parse(query), variables }).map((e) =>
    e.toJSON(),
  );

const ids = (n: number) => Array.from({ length: n }, (_, i) => `gid://shopify/Product/${i + 1}`);

describe("inputLimitErrors", () => {
  it("GIVEN first: 251 WHEN checked THEN the platform's error names the field", () => {
    expect(check("{ products(first: 251) { nodes { id } } }")).toEqual([
      {
        message:
          "first cannot exceed 250. To query larger amounts of data with fewer limits, bulk operations should be used instead.",
        locations: [{ line: 1, column: 3 }],
        path: ["products"],
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
  });

  it("GIVEN last over 250 on a nested connection WHEN checked THEN the path leads to it", () => {
    const [error] = check(
      "{ products(first: 2) { nodes { variants(last: 300) { nodes { id } } } } }",
    );
    expect(error.message).toMatch(/^last cannot exceed 250\./);
    expect(error.path).toEqual(["products", "nodes", "variants"]);
  });

  it("GIVEN exactly 250 WHEN checked THEN it is allowed", () => {
    expect(check("{ products(first: 250) { nodes { id } } }")).toEqual([]);
  });

  it("GIVEN an input array of 251 from a variable WHEN checked THEN MAX_INPUT_SIZE_EXCEEDED with its path", () => {
    const query =
      "mutation($c: CollectionUpdateInput) { collectionUpdate(collection: $c) { userErrors { message } } }";
    const [error] = check(query, {
      c: { id: "gid://shopify/Collection/1", sourcesToDelete: ids(251) },
    });
    expect(error).toMatchObject({
      message: "The input array size of 251 is greater than the maximum allowed of 250.",
      path: ["collectionUpdate", "collection", "sourcesToDelete"],
      extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
    });
  });

  it("GIVEN a top-level list argument over 250 WHEN checked THEN it is rejected", () => {
    const [error] = check("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", { ids: ids(300) });
    expect(error.path).toEqual(["nodes", "ids"]);
  });
});
