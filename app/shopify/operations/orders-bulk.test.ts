import { NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../../../schema/admin-schema";
import { validateBulkQuery } from "../../../emulator/bulk/validate-query";
import { createdAtFilter, ORDERS_FOR_KPIS_BULK_QUERY, ordersForKpisBulkQuery } from "./orders-bulk";

const range = { from: new Date("2026-09-30T22:00:00Z"), before: new Date("2026-10-31T23:00:00Z") };

describe("OrdersForKpis bulk query", () => {
  it("GIVEN a created_at range THEN the built query filters on it and keeps test:false", () => {
    const query = ordersForKpisBulkQuery(range).replace(/\s+/g, " ");
    expect(query).toContain(
      `orders( query: "test:false created_at:>='2026-09-30T22:00:00.000Z' created_at:<'2026-10-31T23:00:00.000Z'" sortKey: CREATED_AT )`,
    );
    expect(query).toContain("discountedTotalSet(withCodeDiscounts: true)");
  });

  it("GIVEN the built query THEN it is valid, free of deprecations and acceptable as a bulk query", () => {
    for (const query of [ordersForKpisBulkQuery(range), ordersForKpisBulkQuery()]) {
      const errors = validate(adminSchema(), parse(query), [
        ...specifiedRules,
        NoDeprecatedCustomRule,
      ]);
      expect(errors.map((e) => e.message)).toEqual([]);
      expect(validateBulkQuery(adminSchema(), query).problem).toBeUndefined();
    }
  });

  it("GIVEN the constant THEN it is a static document (no interpolation)", () => {
    expect(ORDERS_FOR_KPIS_BULK_QUERY).not.toContain("${");
    expect(ORDERS_FOR_KPIS_BULK_QUERY.startsWith("#graphql")).toBe(true);
  });

  it("GIVEN an empty, reversed or invalid range THEN the filter refuses it", () => {
    expect(() => createdAtFilter({ from: range.before, before: range.from })).toThrow(RangeError);
    expect(() => createdAtFilter({ from: range.from, before: range.from })).toThrow(RangeError);
    expect(() => createdAtFilter({ from: new Date("nope"), before: range.before })).toThrow(
      RangeError,
    );
  });
});
