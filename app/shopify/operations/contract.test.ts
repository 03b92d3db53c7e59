import fs from "node:fs";
import path from "node:path";
import { Kind, NoDeprecatedCustomRule, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { adminSchema } from "../../../schema/admin-schema";

/**
 * The Admin schema as a contract: every GraphQL document in the app is valid against the vendored
 * 2026-10 schema and uses nothing deprecated, and every one lives in app/shopify/operations/.
 */
const APP_DIR = path.resolve(__dirname, "../..");
const OPERATIONS_DIR = path.resolve(__dirname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "types" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface FoundDocument {
  file: string;
  text: string;
}

function graphqlDocuments(): FoundDocument[] {
  return sourceFiles(APP_DIR).flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(/`#graphql([\s\S]*?)`/g)].map((match) => ({
      file: path.relative(APP_DIR, file),
      text: match[1],
    })),
  );
}

const documents = graphqlDocuments();

describe("Admin API 2026-10 contract", () => {
  it("GIVEN the app's source THEN it holds GraphQL operations to check", () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  it.each(documents.map((d) => [d.file, d] as const))(
    "%s: valid against the schema, no deprecated field, argument or enum value",
    (_file, document) => {
      expect(document.text, "operations are static strings (no interpolation)").not.toContain("${");
      const ast = parse(document.text);
      const errors = validate(adminSchema(), ast, [...specifiedRules, NoDeprecatedCustomRule]);
      expect(errors.map((error) => error.message)).toEqual([]);
    },
  );

  it("GIVEN every #graphql string THEN it lives in app/shopify/operations/", () => {
    const outside = documents.filter(
      (d) => !path.resolve(APP_DIR, d.file).startsWith(OPERATIONS_DIR + path.sep),
    );
    expect(outside.map((d) => d.file)).toEqual([]);
  });

  it("GIVEN every operation THEN it is named, and each name is used once", () => {
    const names = documents.flatMap((d) =>
      parse(d.text).definitions.flatMap((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION
          ? [definition.name?.value ?? "(anonymous)"]
          : [],
      ),
    );
    expect(names).not.toContain("(anonymous)");
    expect(new Set(names).size).toBe(names.length);
  });

  it("GIVEN a query using a deprecated field THEN the contract rejects it (the check can fail)", () => {
    const ast = parse('query Legacy { collectionByHandle(handle: "x") { id } }');
    const errors = validate(adminSchema(), ast, [...specifiedRules, NoDeprecatedCustomRule]);
    expect(errors.map((error) => error.message).join("\n")).toMatch(
      /collectionByHandle.*deprecated/,
    );
  });
});
