import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import type { ShopState, Theme } from "../store/types";
import { themeResolvers } from "./themes";

const FIXTURE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../fixtures/themes/horizon-4.1.3",
);
const INDEX_JSON = fs.readFileSync(path.join(FIXTURE_DIR, "templates/index.json"), "utf8");
const T0 = "2026-10-01T00:00:00.000Z";

function addTheme(shop: ShopState, id: number, name: string, role: Theme["role"]): Theme {
  const theme: Theme = {
    id: `gid://shopify/OnlineStoreTheme/${id}`,
    name,
    role,
    createdAt: T0,
    updatedAt: T0,
    files: new Map([
      [
        "templates/index.json",
        {
          filename: "templates/index.json",
          content: INDEX_JSON,
          base64: false,
          createdAt: T0,
          updatedAt: T0,
        },
      ],
      [
        "assets/logo.png",
        {
          filename: "assets/logo.png",
          content: "iVBORw0KGgo=",
          base64: true,
          createdAt: T0,
          updatedAt: T0,
        },
      ],
    ]),
  };
  shop.themes.set(theme.id, theme);
  return theme;
}

function setup(exempt = true) {
  const harness = createTestHarness(themeResolvers, { themeWriteExemption: exempt });
  const main = addTheme(harness.shop, 1, "Horizon", "MAIN");
  const draft = addTheme(harness.shop, 2, "Horizon campaign", "UNPUBLISHED");
  return { ...harness, main, draft };
}

const READ_FILES = `query($id: ID!, $names: [String!]) {
  theme(id: $id) { id name role prefix processing
    files(filenames: $names) {
      nodes { filename checksumMd5 contentType size
        body { __typename ... on OnlineStoreThemeFileBodyText { content } ... on OnlineStoreThemeFileBodyBase64 { contentBase64 } } }
      userErrors { code filename } } } }`;

const UPSERT = `mutation($themeId: ID!, $files: [OnlineStoreThemeFilesUpsertFileInput!]!) {
  themeFilesUpsert(themeId: $themeId, files: $files) {
    job { id done } upsertedThemeFiles { filename checksumMd5 size }
    userErrors { code field filename message } } }`;

describe("themes query", () => {
  it("GIVEN a main and an unpublished theme WHEN filtering roles MAIN THEN only the live theme returns", async () => {
    const { run } = setup();
    const result = await run(`{ themes(first: 5, roles: [MAIN]) { nodes { id role } } }`);
    expect(result.data).toEqual({
      themes: { nodes: [{ id: "gid://shopify/OnlineStoreTheme/1", role: "MAIN" }] },
    });
  });

  it("GIVEN themes WHEN filtering names with a wildcard THEN names match case-insensitively", async () => {
    const { run } = setup();
    const result = await run(`{ themes(first: 5, names: ["*Campaign"]) { nodes { name } } }`);
    expect(result.data).toEqual({ themes: { nodes: [{ name: "Horizon campaign" }] } });
  });
});

describe("OnlineStoreTheme.files", () => {
  it("GIVEN the Horizon index template WHEN read THEN the body, hex MD5 and byte size are the real file's", async () => {
    const { run } = setup();
    const result = await run(READ_FILES, {
      id: "gid://shopify/OnlineStoreTheme/1",
      names: ["templates/index.json"],
    });
    const file = (result.data as { theme: { files: { nodes: Record<string, unknown>[] } } }).theme
      .files.nodes[0];
    expect(file).toEqual({
      filename: "templates/index.json",
      checksumMd5: createHash("md5").update(INDEX_JSON).digest("hex"),
      contentType: "application/json",
      size: Buffer.byteLength(INDEX_JSON),
      body: { __typename: "OnlineStoreThemeFileBodyText", content: INDEX_JSON },
    });
  });

  it("GIVEN a binary asset WHEN read THEN the body is the Base64 member of the union", async () => {
    const { run } = setup();
    const result = await run(READ_FILES, {
      id: "gid://shopify/OnlineStoreTheme/1",
      names: ["assets/*.png"],
    });
    const nodes = (result.data as { theme: { files: { nodes: { body: unknown }[] } } }).theme.files
      .nodes;
    expect(nodes.map((node) => node.body)).toEqual([
      { __typename: "OnlineStoreThemeFileBodyBase64", contentBase64: "iVBORw0KGgo=" },
    ]);
  });

  it("GIVEN a requested file that does not exist WHEN read THEN it is reported as NOT_FOUND in the connection", async () => {
    const { run } = setup();
    const result = await run(READ_FILES, {
      id: "gid://shopify/OnlineStoreTheme/1",
      names: ["templates/index.json", "templates/page.missing.json"],
    });
    const files = (result.data as { theme: { files: { userErrors: unknown[]; nodes: unknown[] } } })
      .theme.files;
    expect(files.userErrors).toEqual([
      { code: "NOT_FOUND", filename: "templates/page.missing.json" },
    ]);
    expect(files.nodes).toHaveLength(1);
  });

  it("GIVEN 51 filenames WHEN read THEN the request fails", async () => {
    const { run } = setup();
    const names = Array.from({ length: 51 }, (_, i) => `snippets/s${i}.liquid`);
    const result = await run(READ_FILES, { id: "gid://shopify/OnlineStoreTheme/1", names });
    expect(result.errors?.[0]?.message).toMatch(/filenames cannot exceed 50/);
  });
});

describe("themeFilesUpsert", () => {
  it("GIVEN the exemption WHEN a template with the editor header is upserted THEN it is stored and a job returned", async () => {
    const { run, draft, emitted } = setup();
    const content = INDEX_JSON.replace("Browse our latest products", "Summer sale");
    const result = await run(UPSERT, {
      themeId: draft.id,
      files: [{ filename: "templates/index.json", body: { type: "TEXT", value: content } }],
    });
    expect(result.data).toEqual({
      themeFilesUpsert: {
        job: { id: expect.any(String), done: false },
        upsertedThemeFiles: [
          {
            filename: "templates/index.json",
            checksumMd5: createHash("md5").update(content).digest("hex"),
            size: Buffer.byteLength(content),
          },
        ],
        userErrors: [],
      },
    });
    expect(draft.files.get("templates/index.json")?.content).toBe(content);
    expect(emitted).toEqual([]);
  });

  it("GIVEN a BASE64 liquid body WHEN upserted THEN the decoded text is stored", async () => {
    const { run, draft } = setup();
    await run(UPSERT, {
      themeId: draft.id,
      files: [
        {
          filename: "snippets/banner.liquid",
          body: { type: "BASE64", value: Buffer.from("<p>Hi</p>").toString("base64") },
        },
      ],
    });
    expect(draft.files.get("snippets/banner.liquid")).toMatchObject({
      content: "<p>Hi</p>",
      base64: false,
    });
  });

  it("GIVEN invalid JSON in a template WHEN upserted THEN FILE_VALIDATION_ERROR and nothing is written", async () => {
    const { run, draft } = setup();
    const result = await run(UPSERT, {
      themeId: draft.id,
      files: [
        { filename: "snippets/ok.liquid", body: { type: "TEXT", value: "ok" } },
        { filename: "templates/index.json", body: { type: "TEXT", value: "/* header */ {oops" } },
      ],
    });
    const payload = (
      result.data as { themeFilesUpsert: { userErrors: { code: string; filename: string }[] } }
    ).themeFilesUpsert;
    expect(payload.userErrors).toMatchObject([
      { code: "FILE_VALIDATION_ERROR", filename: "templates/index.json" },
    ]);
    expect(draft.files.has("snippets/ok.liquid")).toBe(false);
  });

  it("GIVEN a template whose order names a missing section WHEN upserted THEN FILE_VALIDATION_ERROR", async () => {
    const { run, draft } = setup();
    const value = JSON.stringify({ sections: { a: { type: "hero" } }, order: ["a", "b"] });
    const result = await run(UPSERT, {
      themeId: draft.id,
      files: [{ filename: "templates/index.json", body: { type: "TEXT", value } }],
    });
    expect(result.data).toMatchObject({
      themeFilesUpsert: { userErrors: [{ code: "FILE_VALIDATION_ERROR" }] },
    });
  });

  it("GIVEN the same filename twice WHEN upserted THEN DUPLICATE_FILE_INPUT", async () => {
    const { run, draft } = setup();
    const file = { filename: "snippets/a.liquid", body: { type: "TEXT", value: "a" } };
    const result = await run(UPSERT, { themeId: draft.id, files: [file, file] });
    expect(result.data).toMatchObject({
      themeFilesUpsert: {
        job: null,
        userErrors: [{ code: "DUPLICATE_FILE_INPUT", filename: "snippets/a.liquid" }],
      },
    });
  });

  it("GIVEN an unknown theme WHEN upserting THEN NOT_FOUND on themeId", async () => {
    const { run } = setup();
    const result = await run(UPSERT, {
      themeId: "gid://shopify/OnlineStoreTheme/999",
      files: [{ filename: "snippets/a.liquid", body: { type: "TEXT", value: "a" } }],
    });
    expect(result.data).toMatchObject({
      themeFilesUpsert: { userErrors: [{ code: "NOT_FOUND", field: ["themeId"] }] },
    });
  });

  it("GIVEN 51 files WHEN upserting THEN LESS_THAN_OR_EQUAL_TO", async () => {
    const { run, draft } = setup();
    const files = Array.from({ length: 51 }, (_, i) => ({
      filename: `snippets/s${i}.liquid`,
      body: { type: "TEXT", value: "x" },
    }));
    const result = await run(UPSERT, { themeId: draft.id, files });
    expect(result.data).toMatchObject({
      themeFilesUpsert: { userErrors: [{ code: "LESS_THAN_OR_EQUAL_TO", field: ["files"] }] },
    });
  });

  it("GIVEN write_themes but no exemption WHEN upserting THEN a top-level ACCESS_DENIED error", async () => {
    const { run, draft } = setup(false);
    const result = await run(UPSERT, {
      themeId: draft.id,
      files: [{ filename: "snippets/a.liquid", body: { type: "TEXT", value: "a" } }],
    });
    expect(result.errors?.[0]?.message).toMatch(
      /^Access denied for themeFilesUpsert field\. Required access: The user needs write_themes and an exemption from Shopify/,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "ACCESS_DENIED" });
    expect(draft.files.has("snippets/a.liquid")).toBe(false);
  });

  it("GIVEN a URL body WHEN upserting THEN the emulator fails loudly", async () => {
    const { run, draft } = setup();
    const result = await run(UPSERT, {
      themeId: draft.id,
      files: [
        { filename: "assets/a.png", body: { type: "URL", value: "https://example.com/a.png" } },
      ],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_EMULATED" });
  });
});

describe("themeFilesDelete", () => {
  it("GIVEN an existing file WHEN deleted THEN it is gone and reported", async () => {
    const { run, draft } = setup();
    const result = await run(
      `mutation($id: ID!) { themeFilesDelete(themeId: $id, files: ["assets/logo.png"]) { deletedThemeFiles { filename } userErrors { code } } }`,
      { id: draft.id },
    );
    expect(result.data).toEqual({
      themeFilesDelete: { deletedThemeFiles: [{ filename: "assets/logo.png" }], userErrors: [] },
    });
    expect(draft.files.has("assets/logo.png")).toBe(false);
  });
});

describe("themePublish", () => {
  it("GIVEN an unpublished theme WHEN published THEN it becomes MAIN, the old main UNPUBLISHED, and themes/publish fires", async () => {
    const { run, main, draft, emitted } = setup();
    const result = await run(
      `mutation($id: ID!) { themePublish(id: $id) { theme { id role } userErrors { code field message } } }`,
      { id: draft.id },
    );
    expect(result.data).toEqual({
      themePublish: { theme: { id: draft.id, role: "MAIN" }, userErrors: [] },
    });
    expect(main.role).toBe("UNPUBLISHED");
    expect(emitted).toEqual([
      {
        topic: "themes/publish",
        payload: expect.objectContaining({ id: 2, role: "main", admin_graphql_api_id: draft.id }),
      },
    ]);
  });

  it("GIVEN an unknown theme WHEN published THEN NOT_FOUND", async () => {
    const { run } = setup();
    const result = await run(
      `mutation { themePublish(id: "gid://shopify/OnlineStoreTheme/9") { theme { id } userErrors { code field } } }`,
    );
    expect(result.data).toEqual({
      themePublish: { theme: null, userErrors: [{ code: "NOT_FOUND", field: ["id"] }] },
    });
  });

  it("GIVEN no exemption WHEN publishing THEN ACCESS_DENIED and the roles are unchanged", async () => {
    const { run, draft } = setup(false);
    const result = await run(`mutation($id: ID!) { themePublish(id: $id) { theme { id } } }`, {
      id: draft.id,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "ACCESS_DENIED" });
    expect(draft.role).toBe("UNPUBLISHED");
  });
});

describe("themeDuplicate", () => {
  it("GIVEN the main theme WHEN duplicated with a name THEN an unpublished copy with the same files exists", async () => {
    const { run, shop, main } = setup();
    const result = await run(
      `mutation($id: ID!) { themeDuplicate(id: $id, name: "Campaign copy") { newTheme { id name role } userErrors { code } } }`,
      { id: main.id },
    );
    const newTheme = (
      result.data as { themeDuplicate: { newTheme: { id: string; name: string; role: string } } }
    ).themeDuplicate.newTheme;
    expect(newTheme).toMatchObject({ name: "Campaign copy", role: "UNPUBLISHED" });
    expect(shop.themes.get(newTheme.id)?.files.get("templates/index.json")?.content).toBe(
      INDEX_JSON,
    );
  });
});
