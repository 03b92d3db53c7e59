import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  formatThemeJson,
  parseThemeJson,
  sectionTypes,
  ThemeJsonError,
  visibleAppBlocks,
} from "./theme-json";

const FIXTURE = new URL("../../../emulator/fixtures/themes/horizon-4.1.3/", import.meta.url);
const fixtureFiles = ["templates", "sections", "config"].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, FIXTURE))
    .filter((name) => name.endsWith(".json"))
    .map((name) => `${folder}/${name}`),
);
const read = (file: string) => readFileSync(new URL(file, FIXTURE), "utf8");

describe("theme JSON files as the editor writes them", () => {
  it.each(fixtureFiles)(
    "GIVEN %s THEN parse + format gives the file back byte for byte",
    (file) => {
      const text = read(file);
      expect(formatThemeJson(parseThemeJson(text))).toBe(text);
    },
  );

  it("GIVEN the editor's header THEN it is kept apart from the data", () => {
    const document = parseThemeJson(read("templates/index.json"));
    expect(document.header).toMatch(/^\/\*[\s\S]*IMPORTANT[\s\S]*\*\/\s*$/);
    expect(document.data).toHaveProperty("order");
  });

  it("GIVEN a BOM before the header THEN the file still parses and keeps it", () => {
    const text = `\uFEFF/* generated */\n{"sections": {}, "order": []}\n`;
    const document = parseThemeJson(text);
    expect(document.header.startsWith("\uFEFF")).toBe(true);
    expect(document.data).toEqual({ sections: {}, order: [] });
  });

  it("GIVEN an unclosed comment THEN a clear error says so", () => {
    expect(() => parseThemeJson("/* never closed {}")).toThrow(ThemeJsonError);
  });

  it("GIVEN a changed value THEN only the data changes and the header stays", () => {
    const document = parseThemeJson(read("templates/index.json"));
    const data = document.data as { order: string[] };
    data.order = [...data.order].reverse();
    const written = formatThemeJson(document);
    expect(written.startsWith(document.header)).toBe(true);
    expect(parseThemeJson(written).data).toEqual(data);
  });

  it("GIVEN the live template THEN its section files are listed", () => {
    expect(sectionTypes(parseThemeJson(read("templates/index.json")).data).length).toBeGreaterThan(
      0,
    );
  });

  it("GIVEN app blocks, one disabled THEN only the visible one of our app is found", () => {
    const template = {
      sections: {
        a: {
          type: "section",
          blocks: {
            x: { type: "shopify://apps/merchdesk/blocks/campaign/1" },
            y: { type: "shopify://apps/merchdesk/blocks/campaign-announcement/2", disabled: true },
            z: { type: "shopify://apps/other/blocks/reviews/3" },
          },
        },
      },
      order: ["a"],
    };
    expect(visibleAppBlocks(template, "merchdesk")).toEqual(["campaign"]);
  });
});
