import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseThemeJson, themeJsonValidationError, writeThemeJson } from "./theme-json";

const FIXTURE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/themes/horizon-4.1.3",
);
const FIXTURE_FILES = [
  "templates/index.json",
  "templates/product.json",
  "templates/collection.json",
  "sections/header-group.json",
  "sections/footer-group.json",
  "config/settings_data.json",
];

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), "utf8");
}

describe("parseThemeJson / writeThemeJson", () => {
  it.each(FIXTURE_FILES)(
    "GIVEN Horizon's %s with the editor header WHEN parsed and written back unchanged THEN the bytes are identical",
    (name) => {
      const text = fixture(name);
      expect(writeThemeJson(parseThemeJson(text))).toBe(text);
    },
  );

  it("GIVEN the index template WHEN a section is removed and written THEN the header is kept byte for byte", () => {
    const text = fixture("templates/index.json");
    const document = parseThemeJson(text);
    const data = document.data as { sections: Record<string, unknown>; order: string[] };
    const [first, ...rest] = data.order;
    data.sections = Object.fromEntries(
      Object.entries(data.sections).filter(([id]) => id !== first),
    );
    data.order = rest;
    const written = writeThemeJson(document, data);
    expect(written.startsWith(document.prefix)).toBe(true);
    expect(document.prefix).toMatch(
      /^\/\*[\s\S]*IMPORTANT: The contents of this file are auto-generated[\s\S]*\*\/\n$/,
    );
    expect(JSON.parse(written.slice(document.prefix.length))).toEqual(data);
  });

  it("GIVEN a BOM before the header WHEN parsed THEN the BOM stays in the prefix", () => {
    const document = parseThemeJson('\uFEFF/* x */\n{"a": 1}\n');
    expect(document.prefix).toBe("\uFEFF/* x */\n");
    expect(document.data).toEqual({ a: 1 });
  });

  it("GIVEN text that is not JSON WHEN parsed THEN it throws", () => {
    expect(() => parseThemeJson("/* x */ {nope")).toThrow();
  });
});

describe("themeJsonValidationError", () => {
  it("GIVEN the real Horizon index template WHEN validated THEN it is accepted", () => {
    expect(
      themeJsonValidationError("templates/index.json", fixture("templates/index.json")),
    ).toBeNull();
  });

  it("GIVEN a template without order WHEN validated THEN the reason names order", () => {
    expect(themeJsonValidationError("templates/index.json", '{"sections": {}}')).toMatch(/order/);
  });

  it("GIVEN a section group without type WHEN validated THEN it is rejected", () => {
    expect(
      themeJsonValidationError(
        "sections/header-group.json",
        '{"name": "h", "sections": {}, "order": []}',
      ),
    ).toMatch(/type/);
  });

  it("GIVEN a liquid file WHEN validated THEN no JSON rules apply", () => {
    expect(themeJsonValidationError("sections/hero.liquid", "{% schema %}")).toBeNull();
  });
});
