import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { actualQueryCost, requestedQueryCost } from "./cost";
import { adminSchema } from "./schema";

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  requestedQueryCost({ schema: adminSchema(), document: parse(query), variables });
const actual = (query: string, data: unknown, variables: Record<string, unknown> = {}) =>
  actualQueryCost({ schema: adminSchema(), document: parse(query), variables, data });

const PRODUCTS_WITH_VARIANTS = `{ products(first: 10) { nodes { id variants(first: 5) { nodes { id } } } } }`;

describe("requestedQueryCost", () => {
  it("GIVEN an object with scalar fields WHEN costed THEN it costs 1", () => {
    expect(cost("{ shop { id name currencyCode } }")).toBe(1);
  });

  it("GIVEN a connection of 10 WHEN costed THEN it costs 2 + 10 × 1", () => {
    expect(
      cost(
        "{ products(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage } } }",
      ),
    ).toBe(12);
  });

  it("GIVEN a nested connection WHEN costed THEN each item carries the child connection", () => {
    expect(cost(PRODUCTS_WITH_VARIANTS)).toBe(2 + 10 * (1 + 2 + 5));
  });

  it("GIVEN `first` from a variable WHEN costed THEN the variable sizes the connection", () => {
    expect(cost("query($n: Int) { products(first: $n) { nodes { id } } }", { n: 50 })).toBe(52);
  });

  it("GIVEN a mutation WHEN costed THEN the root field costs 10 and its payload objects nothing", () => {
    const mutation = `mutation { collectionCreate(collection: { title: "A" }) { collection { id title seo { title } } userErrors { field message } } }`;
    expect(cost(mutation)).toBe(10);
  });

  it("GIVEN @include(if: false) on a connection WHEN costed THEN the skipped part is free", () => {
    const query = `query($v: Boolean!) { products(first: 10) { nodes { id variants(first: 5) @include(if: $v) { nodes { id } } } } }`;
    expect(cost(query, { v: false })).toBe(12);
    expect(cost(query, { v: true })).toBe(82);
  });

  it("GIVEN an interface with type-specific selections WHEN costed THEN the most expensive type counts", () => {
    const query = `{ node(id: "gid://shopify/Product/1") { id ... on Product { variants(first: 3) { nodes { id } } } ... on Collection { title } } }`;
    expect(cost(query)).toBe(1 + 2 + 3);
  });

  it("GIVEN fragments selecting the same connection twice WHEN costed THEN it is counted once", () => {
    const query = `{ products(first: 4) { nodes { ...A ...B } } } fragment A on Product { id variants(first: 2) { nodes { id } } } fragment B on Product { variants(first: 2) { nodes { sku } } }`;
    expect(cost(query)).toBe(2 + 4 * (1 + 2 + 2));
  });
});

describe("actualQueryCost", () => {
  it("GIVEN fewer items than requested WHEN costed after execution THEN only returned items count", () => {
    const data = {
      products: {
        nodes: [1, 2, 3].map((i) => ({
          id: `p${i}`,
          variants: { nodes: [{ id: "a" }, { id: "b" }] },
        })),
      },
    };
    expect(actual(PRODUCTS_WITH_VARIANTS, data)).toBe(2 + 3 * (1 + 2 + 2));
  });

  it("GIVEN a null object WHEN costed after execution THEN it costs only itself", () => {
    expect(
      actual(
        `{ product(id: "gid://shopify/Product/9") { id variants(first: 5) { nodes { id } } } }`,
        { product: null },
      ),
    ).toBe(1);
  });

  it("GIVEN a mutation WHEN costed after execution THEN it still costs 10", () => {
    const mutation = `mutation { stagedUploadsCreate(input: []) { stagedTargets { url } userErrors { message } } }`;
    expect(actual(mutation, { stagedUploadsCreate: { stagedTargets: [], userErrors: [] } })).toBe(
      10,
    );
  });
});
