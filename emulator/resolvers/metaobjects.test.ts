import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import { metaobjectResolvers } from "./metaobjects";

const DEFINE = `mutation {
  metaobjectDefinitionCreate(definition: {
    type: "$app:campaign", name: "Campaign", displayNameKey: "title",
    access: { storefront: PUBLIC_READ },
    fieldDefinitions: [
      { key: "title", type: "single_line_text_field", required: true },
      { key: "starts_at", type: "date_time" },
      { key: "note", type: "multi_line_text_field" } ] }) {
    metaobjectDefinition { id type name access { storefront } fieldDefinitions { key required type { name } } }
    userErrors { code field message } } }`;

const UPSERT = `mutation($handle: MetaobjectHandleInput!, $metaobject: MetaobjectUpsertInput, $values: JSON) {
  metaobjectUpsert(handle: $handle, metaobject: $metaobject, values: $values) {
    metaobject { id handle type displayName values fields { key value } field(key: "title") { value } capabilities { publishable { status } } }
    userErrors { code field message elementKey } } }`;

const HANDLE = { type: "$app:campaign", handle: "summer" };

async function setup() {
  const harness = createTestHarness(metaobjectResolvers);
  await harness.run(DEFINE);
  return harness;
}

interface UpsertPayload {
  metaobjectUpsert: {
    metaobject: { id: string; values: Record<string, string | null>; displayName: string } | null;
    userErrors: { code: string; field: string[]; elementKey: string | null }[];
  };
}

async function upsert(
  run: Awaited<ReturnType<typeof setup>>["run"],
  variables: Record<string, unknown>,
) {
  const result = await run(UPSERT, { handle: HANDLE, ...variables });
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as UpsertPayload).metaobjectUpsert;
}

describe("metaobjectDefinitionCreate", () => {
  it("GIVEN a $app: type WHEN created THEN it is stored as app--<app id>--campaign", async () => {
    const { run } = createTestHarness(metaobjectResolvers);
    const result = await run(DEFINE);
    expect(result.data).toMatchObject({
      metaobjectDefinitionCreate: {
        metaobjectDefinition: {
          type: "app--1001--campaign",
          name: "Campaign",
          access: { storefront: "PUBLIC_READ" },
          fieldDefinitions: [
            { key: "title", required: true, type: { name: "single_line_text_field" } },
            { key: "starts_at", required: false, type: { name: "date_time" } },
            { key: "note", required: false, type: { name: "multi_line_text_field" } },
          ],
        },
        userErrors: [],
      },
    });
  });

  it("GIVEN the type already exists WHEN created again THEN TAKEN", async () => {
    const { run } = await setup();
    const result = await run(DEFINE);
    expect(result.data).toMatchObject({
      metaobjectDefinitionCreate: { metaobjectDefinition: null, userErrors: [{ code: "TAKEN" }] },
    });
  });

  it("GIVEN a definition WHEN read by its $app type THEN it is found", async () => {
    const { run } = await setup();
    const result = await run(`{ metaobjectDefinitionByType(type: "$app:campaign") { type } }`);
    expect(result.data).toEqual({ metaobjectDefinitionByType: { type: "app--1001--campaign" } });
  });
});

describe("metaobjectUpsert", () => {
  it("GIVEN no entry WHEN upserted with values THEN it is created with those values", async () => {
    const { run } = await setup();
    const payload = await upsert(run, { values: { title: "Summer", note: "hello" } });
    expect(payload.userErrors).toEqual([]);
    expect(payload.metaobject).toMatchObject({
      handle: "summer",
      type: "app--1001--campaign",
      displayName: "Summer",
      values: { title: "Summer", starts_at: null, note: "hello" },
      field: { value: "Summer" },
      capabilities: { publishable: { status: "ACTIVE" } },
    });
  });

  it("GIVEN an entry WHEN upserted with values omitting a key THEN that key is cleared (full replacement)", async () => {
    const { run } = await setup();
    await upsert(run, { values: { title: "Summer", note: "hello" } });
    const payload = await upsert(run, { values: { title: "Summer 2" } });
    expect(payload.metaobject?.values).toEqual({ title: "Summer 2", starts_at: null, note: null });
  });

  it("GIVEN an entry WHEN upserted with metaobject.fields THEN only the named fields change (partial)", async () => {
    const { run } = await setup();
    await upsert(run, { values: { title: "Summer", note: "hello" } });
    const payload = await upsert(run, {
      metaobject: { fields: [{ key: "starts_at", value: "2026-11-01T00:00:00Z" }] },
    });
    expect(payload.metaobject?.values).toEqual({
      title: "Summer",
      starts_at: "2026-11-01T00:00:00Z",
      note: "hello",
    });
  });

  it("GIVEN both values and metaobject WHEN upserted THEN INVALID and nothing is stored", async () => {
    const { run, shop } = await setup();
    const payload = await upsert(run, {
      values: { title: "A" },
      metaobject: { fields: [{ key: "title", value: "B" }] },
    });
    expect(payload.userErrors).toMatchObject([{ code: "INVALID", field: ["values"] }]);
    expect(shop.metaobjects.size).toBe(0);
  });

  it("GIVEN a new entry without its required field WHEN upserted THEN OBJECT_FIELD_REQUIRED", async () => {
    const { run } = await setup();
    const payload = await upsert(run, { values: { note: "x" } });
    expect(payload.userErrors).toMatchObject([
      { code: "OBJECT_FIELD_REQUIRED", elementKey: "title" },
    ]);
  });

  it("GIVEN an unknown field key WHEN upserted THEN UNDEFINED_OBJECT_FIELD", async () => {
    const { run } = await setup();
    const payload = await upsert(run, { metaobject: { fields: [{ key: "nope", value: "x" }] } });
    expect(payload.userErrors).toMatchObject([
      { code: "UNDEFINED_OBJECT_FIELD", elementKey: "nope" },
    ]);
  });

  it("GIVEN a value that does not fit the field type WHEN upserted THEN INVALID_VALUE", async () => {
    const { run } = await setup();
    const payload = await upsert(run, { values: { title: "A", starts_at: "tomorrow" } });
    expect(payload.userErrors).toMatchObject([{ code: "INVALID_VALUE", elementKey: "starts_at" }]);
  });

  it("GIVEN a type without a definition WHEN upserted THEN UNDEFINED_OBJECT_TYPE", async () => {
    const { run } = await setup();
    const result = await run(UPSERT, {
      handle: { type: "$app:nope", handle: "x" },
      values: { title: "A" },
    });
    expect(result.data).toMatchObject({
      metaobjectUpsert: {
        metaobject: null,
        userErrors: [{ code: "UNDEFINED_OBJECT_TYPE", field: ["handle", "type"] }],
      },
    });
  });

  it("GIVEN a DRAFT status in capabilities WHEN upserted THEN the entry is DRAFT", async () => {
    const { run, shop } = await setup();
    await upsert(run, {
      metaobject: {
        fields: [{ key: "title", value: "A" }],
        capabilities: { publishable: { status: "DRAFT" } },
      },
    });
    expect([...shop.metaobjects.values()][0]?.status).toBe("DRAFT");
  });
});

describe("metaobject reads", () => {
  it("GIVEN two entries WHEN listed by $app type and read by handle and id THEN each read finds them", async () => {
    const { run } = await setup();
    const created = await upsert(run, { values: { title: "Summer" } });
    await run(UPSERT, {
      handle: { type: "$app:campaign", handle: "winter" },
      values: { title: "Winter" },
    });
    const result = await run(
      `query($id: ID!) {
        metaobjects(type: "$app:campaign", first: 10) { nodes { handle } }
        metaobjectByHandle(handle: { type: "$app:campaign", handle: "winter" }) { displayName }
        metaobject(id: $id) { handle } }`,
      { id: created.metaobject?.id },
    );
    expect(result.data).toEqual({
      metaobjects: { nodes: [{ handle: "summer" }, { handle: "winter" }] },
      metaobjectByHandle: { displayName: "Winter" },
      metaobject: { handle: "summer" },
    });
  });
});
