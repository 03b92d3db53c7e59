import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import { mergeResolvers } from "../graphql/merge";
import type { Resolvers } from "../graphql/context";
import { metafieldResolvers } from "./metafields";

const SHOP_ID = "gid://shopify/Shop/1";
const INSTALLATION_ID = "gid://shopify/AppInstallation/1";

/** The shop-resolver owner provides these roots; a stand-in keeps this test self-contained. */
const roots: Resolvers = {
  QueryRoot: {
    shop: (_source, _args, ctx) => ({ id: ctx.shop.id }),
    currentAppInstallation: (_source, _args, ctx) => ({ id: ctx.shop.app.installationId }),
  },
};

function setup() {
  return createTestHarness(mergeResolvers(metafieldResolvers, roots));
}

const SET = `mutation($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value jsonValue compareDigest ownerType }
    userErrors { code elementIndex field message } } }`;

interface SetPayload {
  metafieldsSet: {
    metafields: { namespace: string; compareDigest: string; value: string }[] | null;
    userErrors: { code: string; elementIndex: number | null; field: string[] }[];
  };
}

async function set(run: ReturnType<typeof setup>["run"], metafields: Record<string, unknown>[]) {
  const result = await run(SET, { metafields });
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as SetPayload).metafieldsSet;
}

describe("metafieldsSet", () => {
  it("GIVEN no namespace WHEN setting app data THEN it is stored under app--<app id> with a JSON value", async () => {
    const { run } = setup();
    const payload = await set(run, [
      { ownerId: INSTALLATION_ID, key: "schedule", type: "json", value: '{"a":1}' },
    ]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.metafields).toMatchObject([
      {
        namespace: "app--1001",
        key: "schedule",
        type: "json",
        jsonValue: { a: 1 },
        ownerType: "API_PERMISSION",
      },
    ]);
  });

  it("GIVEN a $app:sub namespace WHEN set THEN it resolves to app--<app id>--sub", async () => {
    const { run } = setup();
    const payload = await set(run, [
      {
        ownerId: SHOP_ID,
        namespace: "$app:settings",
        key: "mode",
        type: "single_line_text_field",
        value: "on",
      },
    ]);
    expect(payload.metafields?.[0]?.namespace).toBe("app--1001--settings");
  });

  it("GIVEN a metafield WHEN read through currentAppInstallation.metafield without namespace THEN the app namespace is used", async () => {
    const { run } = setup();
    await set(run, [{ ownerId: INSTALLATION_ID, key: "schedule", type: "json", value: "[1]" }]);
    const result = await run(
      `{ currentAppInstallation { metafield(key: "schedule") { value jsonValue } metafields(first: 5) { nodes { key } } } }`,
    );
    expect(result.data).toEqual({
      currentAppInstallation: {
        metafield: { value: "[1]", jsonValue: [1] },
        metafields: { nodes: [{ key: "schedule" }] },
      },
    });
  });

  it("GIVEN a shop metafield WHEN read through shop.metafield with its namespace THEN it is found", async () => {
    const { run } = setup();
    await set(run, [
      { ownerId: SHOP_ID, namespace: "custom", key: "flag", type: "boolean", value: "true" },
    ]);
    const result = await run(
      `{ shop { metafield(namespace: "custom", key: "flag") { jsonValue } } }`,
    );
    expect(result.data).toEqual({ shop: { metafield: { jsonValue: true } } });
  });

  it("GIVEN no type and no existing metafield WHEN set THEN BLANK on type with the element index", async () => {
    const { run } = setup();
    const payload = await set(run, [
      { ownerId: SHOP_ID, key: "ok", type: "json", value: "{}" },
      { ownerId: SHOP_ID, key: "notype", value: "x" },
    ]);
    expect(payload.metafields).toBeNull();
    expect(payload.userErrors).toEqual([
      expect.objectContaining({
        code: "BLANK",
        elementIndex: 1,
        field: ["metafields", "1", "type"],
      }),
    ]);
  });

  it("GIVEN one invalid entry WHEN set THEN nothing is written (atomic)", async () => {
    const { run, shop } = setup();
    await set(run, [
      { ownerId: SHOP_ID, key: "good", type: "json", value: "{}" },
      { ownerId: SHOP_ID, key: "bad", type: "number_integer", value: "1.5" },
    ]);
    expect(shop.metafields.size).toBe(0);
  });

  it("GIVEN a one-character key WHEN set THEN TOO_SHORT", async () => {
    const { run } = setup();
    const payload = await set(run, [{ ownerId: SHOP_ID, key: "k", type: "json", value: "{}" }]);
    expect(payload.userErrors[0]).toMatchObject({
      code: "TOO_SHORT",
      field: ["metafields", "0", "key"],
    });
  });

  it("GIVEN a two-character namespace WHEN set THEN TOO_SHORT on namespace", async () => {
    const { run } = setup();
    const payload = await set(run, [
      { ownerId: SHOP_ID, namespace: "ab", key: "key", type: "json", value: "{}" },
    ]);
    expect(payload.userErrors[0]).toMatchObject({
      code: "TOO_SHORT",
      field: ["metafields", "0", "namespace"],
    });
  });

  it("GIVEN another app's reserved namespace WHEN set THEN APP_NOT_AUTHORIZED", async () => {
    const { run } = setup();
    const payload = await set(run, [
      { ownerId: SHOP_ID, namespace: "app--42", key: "key", type: "json", value: "{}" },
    ]);
    expect(payload.userErrors[0]?.code).toBe("APP_NOT_AUTHORIZED");
  });

  it("GIVEN 26 entries WHEN set THEN LESS_THAN_OR_EQUAL_TO", async () => {
    const { run } = setup();
    const entries = Array.from({ length: 26 }, (_, i) => ({
      ownerId: SHOP_ID,
      key: `k${i}`,
      type: "json",
      value: "{}",
    }));
    const payload = await set(run, entries);
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: "LESS_THAN_OR_EQUAL_TO", field: ["metafields"] }),
    ]);
  });

  it("GIVEN an owner that does not exist WHEN set THEN INVALID on ownerId", async () => {
    const { run } = setup();
    const payload = await set(run, [
      { ownerId: "gid://shopify/Product/404", key: "key", type: "json", value: "{}" },
    ]);
    expect(payload.userErrors[0]).toMatchObject({
      code: "INVALID",
      field: ["metafields", "0", "ownerId"],
    });
  });
});

describe("metafieldsSet compareDigest (compare-and-set)", () => {
  const base = { ownerId: INSTALLATION_ID, key: "state", type: "json" };

  it("GIVEN the current digest WHEN set THEN the write succeeds", async () => {
    const { run } = setup();
    const first = await set(run, [{ ...base, value: '{"v":1}' }]);
    const payload = await set(run, [
      { ...base, value: '{"v":2}', compareDigest: first.metafields?.[0]?.compareDigest },
    ]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.metafields?.[0]?.value).toBe('{"v":2}');
  });

  it("GIVEN a digest from before a concurrent write WHEN set THEN STALE_OBJECT and the newer value stays", async () => {
    const { run, shop } = setup();
    const first = await set(run, [{ ...base, value: '{"v":1}' }]);
    await set(run, [{ ...base, value: '{"v":2}' }]);
    const payload = await set(run, [
      { ...base, value: '{"v":3}', compareDigest: first.metafields?.[0]?.compareDigest },
    ]);
    expect(payload.userErrors[0]).toMatchObject({ code: "STALE_OBJECT", elementIndex: 0 });
    expect([...shop.metafields.values()][0]?.value).toBe('{"v":2}');
  });

  it("GIVEN compareDigest null and no metafield WHEN set THEN it is created", async () => {
    const { run } = setup();
    const payload = await set(run, [{ ...base, value: "{}", compareDigest: null }]);
    expect(payload.userErrors).toEqual([]);
  });

  it("GIVEN compareDigest null and an existing metafield WHEN set THEN STALE_OBJECT", async () => {
    const { run } = setup();
    await set(run, [{ ...base, value: "{}" }]);
    const payload = await set(run, [{ ...base, value: "[]", compareDigest: null }]);
    expect(payload.userErrors[0]?.code).toBe("STALE_OBJECT");
  });

  it("GIVEN a malformed digest WHEN set THEN INVALID_COMPARE_DIGEST", async () => {
    const { run } = setup();
    await set(run, [{ ...base, value: "{}" }]);
    const payload = await set(run, [{ ...base, value: "[]", compareDigest: "not-a-digest" }]);
    expect(payload.userErrors[0]?.code).toBe("INVALID_COMPARE_DIGEST");
  });
});

describe("metafieldsDelete", () => {
  it("GIVEN an app metafield WHEN deleted with $app THEN it is gone and identified", async () => {
    const { run, shop } = setup();
    await set(run, [{ ownerId: INSTALLATION_ID, key: "state", type: "json", value: "{}" }]);
    const result = await run(
      `mutation { metafieldsDelete(metafields: [{ ownerId: "${INSTALLATION_ID}", namespace: "$app", key: "state" }]) { deletedMetafields { key namespace } userErrors { message } } }`,
    );
    expect(result.data).toEqual({
      metafieldsDelete: {
        deletedMetafields: [{ key: "state", namespace: "app--1001" }],
        userErrors: [],
      },
    });
    expect(shop.metafields.size).toBe(0);
  });
});
