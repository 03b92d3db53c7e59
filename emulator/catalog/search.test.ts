import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./search";

const term = (field: string | null, value: string, extra: Record<string, unknown> = {}) => ({
  kind: "term",
  field,
  comparator: ":",
  value,
  quoted: false,
  prefix: false,
  ...extra,
});

describe("parseSearchQuery", () => {
  it("GIVEN an empty query WHEN parsed THEN it matches everything", () => {
    expect(parseSearchQuery("   ")).toEqual({ kind: "all" });
  });

  it("GIVEN terms separated by whitespace WHEN parsed THEN they are ANDed", () => {
    expect(parseSearchQuery("tag:summer vendor:Acme")).toEqual({
      kind: "and",
      children: [term("tag", "summer"), term("vendor", "Acme")],
    });
  });

  it("GIVEN an explicit AND WHEN parsed THEN it is the same as whitespace", () => {
    expect(parseSearchQuery("tag:a AND tag:b")).toEqual(parseSearchQuery("tag:a tag:b"));
  });

  it("GIVEN OR between conjunctions WHEN parsed THEN AND binds tighter", () => {
    expect(parseSearchQuery("tag:a OR tag:b tag:c")).toEqual({
      kind: "or",
      children: [term("tag", "a"), { kind: "and", children: [term("tag", "b"), term("tag", "c")] }],
    });
  });

  it("GIVEN a leading minus WHEN parsed THEN the term is negated", () => {
    expect(parseSearchQuery("-tag:sale")).toEqual({ kind: "not", child: term("tag", "sale") });
  });

  it("GIVEN NOT followed by whitespace WHEN parsed THEN the term is negated", () => {
    expect(parseSearchQuery("NOT tag:sale")).toEqual({ kind: "not", child: term("tag", "sale") });
  });

  it("GIVEN parentheses WHEN parsed THEN they group a sub-query", () => {
    expect(parseSearchQuery("-(tag:a OR tag:b) vendor:x")).toEqual({
      kind: "and",
      children: [
        { kind: "not", child: { kind: "or", children: [term("tag", "a"), term("tag", "b")] } },
        term("vendor", "x"),
      ],
    });
  });

  it.each([
    [":<", "price:<50"],
    [":>", "price:>50"],
    [":<=", "price:<=50"],
    [":>=", "price:>=50"],
  ])("GIVEN the comparator %s WHEN parsed THEN it is kept", (comparator, query) => {
    expect(parseSearchQuery(query)).toEqual(term("price", "50", { comparator }));
  });

  it("GIVEN a single-quoted date WHEN parsed THEN the value keeps its colons", () => {
    expect(parseSearchQuery("created_at:>'2026-01-01T00:00:00Z'")).toEqual(
      term("created_at", "2026-01-01T00:00:00Z", { comparator: ":>", quoted: true }),
    );
  });

  it("GIVEN a double-quoted phrase WHEN parsed THEN it is one value", () => {
    expect(parseSearchQuery('title:"green hoodie"')).toEqual(
      term("title", "green hoodie", { quoted: true }),
    );
  });

  it("GIVEN free text WHEN parsed THEN terms have no field", () => {
    expect(parseSearchQuery("Bob")).toEqual(term(null, "Bob"));
  });

  it("GIVEN a trailing star WHEN parsed THEN it is a prefix query", () => {
    expect(parseSearchQuery("title:snow*")).toEqual(term("title", "snow", { prefix: true }));
  });

  it("GIVEN backslash escapes WHEN parsed THEN special characters are literal", () => {
    expect(parseSearchQuery("title:a\\:b\\(c\\)")).toEqual(term("title", "a:b(c)"));
  });

  it("GIVEN a comma list WHEN parsed THEN the value is kept whole for the filter to split", () => {
    expect(parseSearchQuery("status:active,draft")).toEqual(term("status", "active,draft"));
  });

  it("GIVEN an upper-case field name WHEN parsed THEN the field is lower-cased", () => {
    expect(parseSearchQuery("Tag:x")).toEqual(term("tag", "x"));
  });

  it("GIVEN an unbalanced parenthesis WHEN parsed THEN the missing one is implied", () => {
    expect(parseSearchQuery("(tag:a OR tag:b")).toEqual({
      kind: "or",
      children: [term("tag", "a"), term("tag", "b")],
    });
  });
});
