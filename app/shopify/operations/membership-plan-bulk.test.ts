import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../../../schema/admin-schema";
import { validateBulkQuery } from "../../../emulator/bulk/validate-query";
import { collectionIdsSearch, membershipPlanBulkQuery } from "./membership-plan-bulk";

const targets = ["gid://shopify/Collection/11", "gid://shopify/Collection/12"];

describe("MembershipPlanProducts bulk query", () => {
  it("GIVEN a product search and targets THEN both query: arguments carry them", () => {
    const query = membershipPlanBulkQuery('tag:"sommar rea" status:active', targets).replace(
      /\s+/g,
      " ",
    );
    expect(query).toContain('products(query: "tag:\\"sommar rea\\" status:active", sortKey: ID)');
    expect(query).toContain('collections(query: "id:11 OR id:12")');
  });

  it("GIVEN the built query THEN it is valid, free of deprecations and acceptable as a bulk query", () => {
    const query = membershipPlanBulkQuery("status:active", targets);
    const errors = validate(adminSchema(), parse(query), [
      ...specifiedRules,
      NoDeprecatedCustomRule,
    ]);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(validateBulkQuery(adminSchema(), query).problem).toBeUndefined();
  });

  it("GIVEN something other than collection GIDs THEN the collection search refuses it", () => {
    expect(() => collectionIdsSearch([])).toThrow(RangeError);
    expect(() => collectionIdsSearch(['gid://shopify/Collection/1" OR title:x'])).toThrow(
      RangeError,
    );
    expect(() => collectionIdsSearch(["gid://shopify/Product/1"])).toThrow(RangeError);
  });
});
