import { afterEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../server";
import type { BulkOperation, Product, ShopState } from "../store/types";

let emulator: Emulator;

afterEach(async () => {
  await emulator?.close();
});

function start(): { em: Emulator; shop: ShopState } {
  emulator = createEmulator({
    apiKey: "k",
    appSecret: "s",
    seed: "empty",
    publicUrl: "http://emulator.test",
  });
  emulator.clock.freeze(new Date("2026-11-02T10:00:00Z"));
  return { em: emulator, shop: emulator.shops.get(emulator.defaultShopDomain)! };
}

function addProducts(shop: ShopState, count: number, variantsEach: number): void {
  const at = "2026-10-01T00:00:00.000Z";
  for (let i = 1; i <= count; i++) {
    const product: Product = {
      id: `gid://shopify/Product/${i}`,
      title: `Product ${i}`,
      handle: `product-${i}`,
      descriptionHtml: "",
      vendor: "Fjällvik",
      productType: "Jacket",
      tags: [],
      status: "ACTIVE",
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      publicationIds: [],
      variants: Array.from({ length: variantsEach }, (_, v) => ({
        id: `gid://shopify/ProductVariant/${i * 100 + v}`,
        title: `V${v}`,
        sku: `SKU-${i}-${v}`,
        price: "100.00",
        compareAtPrice: null,
        cost: null,
        inventoryQuantity: 5,
        weightGrams: 100,
        createdAt: at,
        updatedAt: at,
      })),
    };
    shop.products.set(product.id, product);
  }
}

async function graphql(
  em: Emulator,
  shop: ShopState,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const response = await em.handle(
    new Request(`https://${shop.domain}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-access-token": shop.app.accessToken,
      },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return (await response.json()) as {
    data?: Record<string, Record<string, unknown>>;
    errors?: unknown[];
  };
}

const RUN_QUERY = `mutation($q: String!, $g: Boolean!) {
  bulkOperationRunQuery(query: $q, groupObjects: $g) { bulkOperation { id status } userErrors { code field message } }
}`;
const READ_OP = `query($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount rootObjectCount fileSize url type } }`;

async function runBulkQuery(em: Emulator, shop: ShopState, query: string, groupObjects = false) {
  const started = await graphql(em, shop, RUN_QUERY, { q: query, g: groupObjects });
  const payload = started.data?.bulkOperationRunQuery as {
    bulkOperation: { id: string } | null;
    userErrors: unknown[];
  };
  return payload;
}

async function finishedOperation(em: Emulator, shop: ShopState, id: string) {
  await em.settle();
  const read = await graphql(em, shop, READ_OP, { id });
  return read.data?.bulkOperation as Record<string, string | null>;
}

async function download(em: Emulator, url: string): Promise<Record<string, unknown>[]> {
  const response = await em.handle(new Request(url));
  const text = await response.text();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const PRODUCTS_AND_VARIANTS = `{ products { edges { node { id title variants { edges { node { id sku } } } } } } }`;

describe("bulkOperationRunQuery", () => {
  it("GIVEN products with variants WHEN exported THEN one line per node and children carry __parentId", async () => {
    const { em, shop } = start();
    addProducts(shop, 3, 2);
    const { bulkOperation } = await runBulkQuery(em, shop, PRODUCTS_AND_VARIANTS);
    const op = await finishedOperation(em, shop, bulkOperation!.id);
    expect(op).toMatchObject({
      status: "COMPLETED",
      objectCount: "9",
      rootObjectCount: "3",
      type: "QUERY",
    });
    const lines = await download(em, String(op.url));
    expect(lines.filter((l) => !("__parentId" in l))).toEqual([
      { id: "gid://shopify/Product/1", title: "Product 1" },
      { id: "gid://shopify/Product/2", title: "Product 2" },
      { id: "gid://shopify/Product/3", title: "Product 3" },
    ]);
    expect(lines).toContainEqual({
      id: "gid://shopify/ProductVariant/101",
      sku: "SKU-1-1",
      __parentId: "gid://shopify/Product/1",
    });
    expect(Number(op.fileSize)).toBeGreaterThan(0);
  });

  it("GIVEN groupObjects false WHEN exported THEN some children do not directly follow their parent", async () => {
    const { em, shop } = start();
    addProducts(shop, 3, 2);
    const { bulkOperation } = await runBulkQuery(em, shop, PRODUCTS_AND_VARIANTS);
    const lines = await download(
      em,
      String((await finishedOperation(em, shop, bulkOperation!.id)).url),
    );
    const separated = lines.some((line, i) => {
      if (!line.__parentId) return false;
      const previous = lines[i - 1];
      return previous.id !== line.__parentId && previous.__parentId !== line.__parentId;
    });
    expect(separated).toBe(true);
  });

  it("GIVEN groupObjects true WHEN exported THEN every child follows its parent or a sibling", async () => {
    const { em, shop } = start();
    addProducts(shop, 3, 2);
    const { bulkOperation } = await runBulkQuery(em, shop, PRODUCTS_AND_VARIANTS, true);
    const lines = await download(
      em,
      String((await finishedOperation(em, shop, bulkOperation!.id)).url),
    );
    const adjacent = lines.every((line, i) => {
      if (!line.__parentId) return true;
      const previous = lines[i - 1];
      return previous.id === line.__parentId || previous.__parentId === line.__parentId;
    });
    expect(adjacent).toBe(true);
  });

  it("GIVEN more products than one page WHEN exported THEN every product is in the file once", async () => {
    const { em, shop } = start();
    addProducts(shop, 4500, 0);
    const { bulkOperation } = await runBulkQuery(em, shop, "{ products { nodes { id } } }");
    const op = await finishedOperation(em, shop, bulkOperation!.id);
    const lines = await download(em, String(op.url));
    expect(new Set(lines.map((l) => l.id)).size).toBe(4500);
    expect(op.rootObjectCount).toBe("4500");
  });

  it("GIVEN a query without a connection WHEN submitted THEN INVALID user error", async () => {
    const { em, shop } = start();
    const { bulkOperation, userErrors } = await runBulkQuery(em, shop, "{ shop { id } }");
    expect(bulkOperation).toBeNull();
    expect(userErrors).toEqual([
      {
        code: "INVALID",
        field: ["query"],
        message: "Bulk queries must contain at least one connection.",
      },
    ]);
  });

  it("GIVEN connections nested three deep WHEN submitted THEN INVALID", async () => {
    const { em, shop } = start();
    const query = `{ collections { nodes { products { nodes { collections { nodes { id } } } } } } }`;
    const { userErrors } = await runBulkQuery(em, shop, query);
    expect(userErrors).toEqual([
      expect.objectContaining({ code: "INVALID", message: expect.stringMatching(/nesting depth/) }),
    ]);
  });

  it("GIVEN five running query operations WHEN a sixth is submitted THEN LIMIT_REACHED", async () => {
    const { em, shop } = start();
    for (let i = 0; i < 5; i++) {
      const op: BulkOperation = {
        id: `gid://shopify/BulkOperation/${90 + i}`,
        type: "QUERY",
        status: "RUNNING",
        errorCode: null,
        query: "{ products { nodes { id } } }",
        createdAt: "2026-11-02T09:00:00.000Z",
        completedAt: null,
        objectCount: 0,
        rootObjectCount: 0,
        fileSize: null,
        resultKey: null,
        partialResultKey: null,
      };
      shop.bulkOperations.set(op.id, op);
    }
    const { bulkOperation, userErrors } = await runBulkQuery(
      em,
      shop,
      "{ products { nodes { id } } }",
    );
    expect(bulkOperation).toBeNull();
    expect(userErrors).toEqual([expect.objectContaining({ code: "LIMIT_REACHED" })]);
  });

  it("GIVEN a completed export WHEN 7 days and a minute pass THEN it is EXPIRED and the file is gone", async () => {
    const { em, shop } = start();
    addProducts(shop, 1, 0);
    const { bulkOperation } = await runBulkQuery(em, shop, "{ products { nodes { id } } }");
    const op = await finishedOperation(em, shop, bulkOperation!.id);
    em.clock.advance(7 * 86_400_000 + 60_000);
    const later = await graphql(em, shop, READ_OP, { id: bulkOperation!.id });
    expect(later.data?.bulkOperation).toMatchObject({ status: "EXPIRED", url: null });
    expect((await em.handle(new Request(String(op.url)))).status).toBe(403);
  });

  it("GIVEN a finished export WHEN it completes THEN bulk_operations/finish carries the documented fields", async () => {
    const { em, shop } = start();
    const { bulkOperation } = await runBulkQuery(em, shop, "{ products { nodes { id } } }");
    await em.settle();
    const delivery = em.webhooks
      .deliveries(shop.domain)
      .find((d) => d.topic === "bulk_operations/finish");
    expect(delivery?.payload).toEqual({
      admin_graphql_api_id: bulkOperation!.id,
      completed_at: "2026-11-02T10:00:00.000Z",
      created_at: "2026-11-02T10:00:00.000Z",
      error_code: null,
      status: "completed",
      type: "query",
    });
  });
});

describe("bulkOperations", () => {
  it("GIVEN operations of both types WHEN filtered by operation_type and status THEN only matches return", async () => {
    const { em, shop } = start();
    await runBulkQuery(em, shop, "{ products { nodes { id } } }");
    await em.settle();
    const result = await graphql(
      em,
      shop,
      `
        {
          done: bulkOperations(first: 5, query: "operation_type:query status:completed") {
            nodes {
              type
              status
            }
          }
          none: bulkOperations(first: 5, query: "status:running") {
            nodes {
              id
            }
          }
        }
      `,
    );
    expect(result.data).toEqual({
      done: { nodes: [{ type: "QUERY", status: "COMPLETED" }] },
      none: { nodes: [] },
    });
  });
});

describe("bulkOperationRunMutation", () => {
  it("GIVEN a staged JSONL upload WHEN run THEN each line's result carries its __lineNumber", async () => {
    const { em, shop } = start();
    const staged = await graphql(
      em,
      shop,
      `
        mutation {
          stagedUploadsCreate(
            input: [
              {
                resource: BULK_MUTATION_VARIABLES
                filename: "vars.jsonl"
                mimeType: "text/jsonl"
                httpMethod: POST
              }
            ]
          ) {
            stagedTargets {
              url
              parameters {
                name
                value
              }
            }
            userErrors {
              message
            }
          }
        }
      `,
    );
    const target = (
      staged.data?.stagedUploadsCreate.stagedTargets as {
        url: string;
        parameters: { name: string; value: string }[];
      }[]
    )[0];
    const form = new FormData();
    for (const p of target.parameters) form.append(p.name, p.value);
    const jsonl = `{"collection":{"title":"Summer"}}\n{"collection":{"title":5}}\n`;
    form.append("file", new Blob([jsonl], { type: "text/jsonl" }), "vars.jsonl");
    const upload = await em.handle(new Request(target.url, { method: "POST", body: form }));
    expect(upload.status).toBe(201);
    const key = target.parameters.find((p) => p.name === "key")!.value;

    const run = await graphql(
      em,
      shop,
      `
        mutation ($path: String!) {
          bulkOperationRunMutation(
            mutation: "mutation call($collection: CollectionCreateInput!) { collectionCreate(collection: $collection) { collection { title } userErrors { message } } }"
            stagedUploadPath: $path
          ) {
            bulkOperation {
              id
            }
            userErrors {
              code
              message
            }
          }
        }
      `,
      { path: key },
    );
    const id = (run.data?.bulkOperationRunMutation.bulkOperation as { id: string }).id;
    const op = await finishedOperation(em, shop, id);
    expect(op).toMatchObject({ status: "COMPLETED", type: "MUTATION", objectCount: "2" });
    const lines = await download(em, String(op.url));
    expect(lines[0]).toEqual({
      data: { collectionCreate: { collection: { title: "Summer" }, userErrors: [] } },
      __lineNumber: 0,
    });
    expect(lines[1]).toMatchObject({
      errors: [expect.objectContaining({ message: expect.any(String) })],
      __lineNumber: 1,
    });
  });

  it("GIVEN a path that was never uploaded WHEN run THEN NO_SUCH_FILE", async () => {
    const { em, shop } = start();
    const run = await graphql(
      em,
      shop,
      `
        mutation {
          bulkOperationRunMutation(
            mutation: "mutation { stagedUploadsCreate(input: []) { userErrors { message } } }"
            stagedUploadPath: "tmp/none"
          ) {
            bulkOperation {
              id
            }
            userErrors {
              code
              field
            }
          }
        }
      `,
    );
    expect(run.data?.bulkOperationRunMutation).toEqual({
      bulkOperation: null,
      userErrors: [{ code: "NO_SUCH_FILE", field: ["stagedUploadPath"] }],
    });
  });
});

describe("bulk query export order of nested connections", () => {
  const variantsOf = (lines: Record<string, unknown>[], parent: string) =>
    lines.filter((line) => line.__parentId === parent).map((line) => line.id);

  it("GIVEN groupObjects false THEN a parent's children do not come in connection order (none is promised); grouped they do", async () => {
    const { em, shop } = start();
    addProducts(shop, 2, 3);
    const inOrder = [100, 101, 102].map((n) => `gid://shopify/ProductVariant/${n}`);
    for (const grouped of [false, true]) {
      const { bulkOperation } = await runBulkQuery(em, shop, PRODUCTS_AND_VARIANTS, grouped);
      const op = await finishedOperation(em, shop, bulkOperation!.id);
      const children = variantsOf(await download(em, String(op.url)), "gid://shopify/Product/1");
      expect(new Set(children)).toEqual(new Set(inOrder));
      expect(children).toEqual(grouped ? inOrder : [...inOrder].reverse());
    }
  });
});
