import { describe, expect, it } from "vitest";
import { compileSearch, parseSearchQuery } from "./search-query";

describe("parseSearchQuery", () => {
  it("GIVEN comparators, quotes, negation and OR WHEN parsed THEN groups and terms are structured", () => {
    expect(
      parseSearchQuery(`created_at:>='2026-01-01T00:00:00Z' -test:true OR title:"summer sale"`),
    ).toEqual({
      groups: [
        [
          { field: "created_at", comparator: ">=", value: "2026-01-01T00:00:00Z", negated: false },
          { field: "test", comparator: "=", value: "true", negated: true },
        ],
        [{ field: "title", comparator: "=", value: "summer sale", negated: false }],
      ],
    });
  });
});

describe("compileSearch", () => {
  const matcher = (item: { n: number }, term: { field: string | null; value: string }) =>
    term.field === "n" ? String(item.n) === term.value : undefined;

  it("GIVEN NOT before a term WHEN matched THEN the term is negated", () => {
    const matches = compileSearch("NOT n:1", "things", matcher);
    expect([matches({ n: 1 }), matches({ n: 2 })]).toEqual([false, true]);
  });

  it("GIVEN a filter the connection does not know WHEN matched THEN it throws instead of ignoring it", () => {
    const matches = compileSearch("colour:red", "things", matcher);
    expect(() => matches({ n: 1 })).toThrow(/not emulated: things search filter "colour"/);
  });
});
