import { describe, expect, it } from "vitest";
import { preflightWarnings, type PreflightFacts } from "./preflight";

const now = new Date("2026-11-01T00:00:00Z");
const base: PreflightFacts = {
  mode: "APP_BLOCK",
  startsAt: new Date("2026-11-20T00:00:00Z"),
  now,
  blockPlaced: true,
};
const collection = {
  title: "Jackor",
  productsCount: 10,
  onOnlineStore: true,
  buyableProducts: 4,
  activeProducts: 10,
};
const codes = (facts: PreflightFacts) => preflightWarnings(facts).map((w) => w.code);

describe("pre-flight checks", () => {
  it("GIVEN a healthy campaign THEN there are no warnings", () => {
    expect(codes({ ...base, collection })).toEqual([]);
  });
  it("GIVEN an empty collection THEN it is flagged", () => {
    expect(codes({ ...base, collection: { ...collection, productsCount: 0 } })).toEqual([
      "COLLECTION_EMPTY",
    ]);
  });
  it("GIVEN every product sold out THEN it is flagged", () => {
    expect(codes({ ...base, collection: { ...collection, buyableProducts: 0 } })).toEqual([
      "COLLECTION_SOLD_OUT",
    ]);
  });
  it("GIVEN a collection not on the Online Store THEN it is flagged", () => {
    expect(codes({ ...base, collection: { ...collection, onOnlineStore: false } })).toEqual([
      "COLLECTION_UNPUBLISHED",
    ]);
  });
  it("GIVEN a deleted collection THEN it is flagged", () => {
    expect(codes({ ...base, collection: null })).toEqual(["COLLECTION_DELETED"]);
  });
  it("GIVEN the block not on the live theme THEN it is flagged", () => {
    expect(codes({ ...base, blockPlaced: false })).toEqual(["BLOCK_NOT_PLACED"]);
  });
  it("GIVEN template mode without theme permission THEN it is flagged", () => {
    expect(codes({ ...base, mode: "TEMPLATE", canWriteThemes: false })).toEqual([
      "THEME_PERMISSION_MISSING",
    ]);
  });
  it("GIVEN a start in the past THEN it is flagged", () => {
    expect(codes({ ...base, startsAt: new Date("2026-10-01T00:00:00Z") })).toEqual([
      "START_IN_PAST",
    ]);
  });
});
