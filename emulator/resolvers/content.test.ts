import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../graphql/schema";
import { contentResolvers } from "./content";

describe("contentResolvers", () => {
  it("GIVEN every registered resolver WHEN checked against the 2026-10 schema THEN each Type.field exists", () => {
    const schema = adminSchema();
    const missing: string[] = [];
    for (const [typeName, fields] of Object.entries(contentResolvers)) {
      const type = schema.getType(typeName);
      for (const field of Object.keys(fields)) {
        if (!isObjectType(type) || !type.getFields()[field]) missing.push(`${typeName}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
