import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Severity, themeCheckRun, type Offense } from "@shopify/theme-check-node";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Shopify's Theme Check over the campaign theme app extension, with the configuration Shopify CLI
 * uses for theme app extensions (`shopify app deploy` refuses an extension with errors).
 */

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const EXTENSION = path.join(repo, "extensions/merchdesk-campaigns");
const APP_CONFIG = path.join(
  repo,
  "node_modules/@shopify/theme-check-node/configs/theme-app-extension.yml",
);

const describeOffense = (o: Offense) =>
  `${o.check} ${path.relative(EXTENSION, fileURLToPath(o.uri))}:${o.start.line + 1} ${o.message}`;

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe("theme check on extensions/merchdesk-campaigns", () => {
  it("GIVEN the extension WHEN checked as a theme app extension THEN it reports no errors", async () => {
    const run = await themeCheckRun(EXTENSION, APP_CONFIG);
    expect(run.config.context).toBe("app");
    // Every block and snippet is checked (not an empty run that passes trivially).
    const checked = run.theme.map((file) => path.relative(EXTENSION, fileURLToPath(file.uri)));
    expect(checked).toEqual(
      expect.arrayContaining([
        "blocks/campaign.liquid",
        "blocks/campaign-collection.liquid",
        "blocks/campaign-products.liquid",
        "blocks/campaign-announcement.liquid",
        "snippets/merchdesk-campaign-entries.liquid",
        "snippets/merchdesk-campaign-part.liquid",
      ]),
    );
    const errors = run.offenses.filter((o) => o.severity === Severity.ERROR).map(describeOffense);
    expect(errors).toEqual([]);
    const warnings = run.offenses
      .filter((o) => o.severity === Severity.WARNING)
      .map(describeOffense);
    expect(warnings).toEqual([]);
  });

  it("GIVEN a copy with a block lacking its schema THEN the same check reports it", async () => {
    const copy = mkdtempSync(path.join(tmpdir(), "merchdesk-tae-"));
    scratch.push(copy);
    cpSync(EXTENSION, copy, { recursive: true });
    writeFileSync(path.join(copy, "blocks/broken.liquid"), "<p>{{ block.id }}</p>\n");
    const run = await themeCheckRun(copy, APP_CONFIG);
    const errors = run.offenses.filter((o) => o.severity === Severity.ERROR).map((o) => o.check);
    expect(errors).toContain("AppBlockMissingSchema");
  });
});
