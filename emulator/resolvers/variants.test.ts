import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import type { Product, Variant } from "../store/types";
import { variantResolvers } from "./variants";

const T0 = "2026-10-01T00:00:00.000Z";

function variant(n: number, price: string, compareAtPrice: string | null = null): Variant {
  return {
    id: `gid://shopify/ProductVariant/${n}`,
    title: `V${n}`,
    sku: `SKU-${n}`,
    price,
    compareAtPrice,
    cost: null,
    inventoryQuantity: 5,
    weightGrams: 100,
    createdAt: T0,
    updatedAt: T0,
  };
}

function product(n: number, variants: Variant[]): Product {
  return {
    id: `gid://shopify/Product/${n}`,
    title: `Product ${n}`,
    handle: `product-${n}`,
    descriptionHtml: "",
    vendor: "Acme",
    productType: "Tee",
    tags: [],
    status: "ACTIVE",
    createdAt: T0,
    updatedAt: T0,
    publishedAt: T0,
    publicationIds: [],
    variants,
  };
}

function setup() {
  const harness = createTestHarness(variantResolvers);
  harness.shop.products.set(
    "gid://shopify/Product/1",
    product(1, [variant(11, "20.00"), variant(12, "25.00", "30.00")]),
  );
  harness.shop.products.set("gid://shopify/Product/2", product(2, [variant(21, "9.00")]));
  return harness;
}

const UPDATE = `mutation($productId: ID!, $variants: [ProductVariantsBulkInput!]!, $partial: Boolean) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants, allowPartialUpdates: $partial) {
    product { id } productVariants { id price compareAtPrice }
    userErrors { code field message } } }`;

interface UpdatePayload {
  productVariantsBulkUpdate: {
    product: { id: string } | null;
    productVariants: { id: string; price: string; compareAtPrice: string | null }[] | null;
    userErrors: { code: string; field: string[] }[];
  };
}

async function update(run: ReturnType<typeof setup>["run"], variables: Record<string, unknown>) {
  const result = await run(UPDATE, { productId: "gid://shopify/Product/1", ...variables });
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as UpdatePayload).productVariantsBulkUpdate;
}

function priceOf(shop: ReturnType<typeof setup>["shop"], variantNumber: number) {
  const productId = variantNumber >= 20 ? "gid://shopify/Product/2" : "gid://shopify/Product/1";
  return shop.products.get(productId)?.variants.find((v) => v.id.endsWith(`/${variantNumber}`));
}

describe("productVariantsBulkUpdate", () => {
  it("GIVEN a sale price WHEN updated THEN price and compareAtPrice are stored with 2 decimals and products/update fires", async () => {
    const { run, shop, emitted } = setup();
    const payload = await update(run, {
      variants: [{ id: "gid://shopify/ProductVariant/11", price: "15", compareAtPrice: "20.00" }],
    });
    expect(payload).toEqual({
      product: { id: "gid://shopify/Product/1" },
      productVariants: [
        { id: "gid://shopify/ProductVariant/11", price: "15.00", compareAtPrice: "20.00" },
      ],
      userErrors: [],
    });
    expect(priceOf(shop, 11)?.updatedAt).toBe("2026-11-02T10:00:00.000Z");
    expect(emitted).toEqual([
      {
        topic: "products/update",
        payload: expect.objectContaining({
          admin_graphql_api_id: "gid://shopify/Product/1",
          variants: expect.arrayContaining([
            expect.objectContaining({ id: 11, price: "15.00", compare_at_price: "20.00" }),
          ]),
        }),
      },
    ]);
  });

  it("GIVEN compareAtPrice null WHEN updated THEN the compare-at price is cleared and the price kept", async () => {
    const { run, shop } = setup();
    await update(run, {
      variants: [{ id: "gid://shopify/ProductVariant/12", compareAtPrice: null }],
    });
    expect(priceOf(shop, 12)).toMatchObject({ price: "25.00", compareAtPrice: null });
  });

  it("GIVEN an unknown product WHEN updated THEN PRODUCT_DOES_NOT_EXIST", async () => {
    const { run } = setup();
    const result = await run(UPDATE, {
      productId: "gid://shopify/Product/404",
      variants: [{ id: "gid://shopify/ProductVariant/11", price: "1" }],
    });
    expect(result.data).toMatchObject({
      productVariantsBulkUpdate: {
        product: null,
        userErrors: [{ code: "PRODUCT_DOES_NOT_EXIST", field: ["productId"] }],
      },
    });
  });

  it.each([
    [
      "a variant that does not exist",
      { id: "gid://shopify/ProductVariant/404", price: "1" },
      "PRODUCT_VARIANT_DOES_NOT_EXIST",
      ["variants", "1", "id"],
    ],
    [
      "another product's variant",
      { id: "gid://shopify/ProductVariant/21", price: "1" },
      "MUST_BE_FOR_THIS_PRODUCT",
      ["variants", "1", "id"],
    ],
    [
      "a negative price",
      { id: "gid://shopify/ProductVariant/12", price: "-1.00" },
      "NEGATIVE_PRICE_VALUE",
      ["variants", "1", "price"],
    ],
    ["a missing id", { price: "1.00" }, "PRODUCT_VARIANT_ID_MISSING", ["variants", "1", "id"]],
  ])(
    "GIVEN %s WHEN updated without partial updates THEN %s and no variant changes",
    async (_name, bad, code, field) => {
      const { run, shop, emitted } = setup();
      const payload = await update(run, {
        variants: [{ id: "gid://shopify/ProductVariant/11", price: "15.00" }, bad],
      });
      expect(payload.productVariants).toBeNull();
      expect(payload.userErrors).toEqual([expect.objectContaining({ code, field })]);
      expect(priceOf(shop, 11)?.price).toBe("20.00");
      expect(emitted).toEqual([]);
    },
  );

  it("GIVEN allowPartialUpdates WHEN one variant is invalid THEN the valid one is written and the error reported", async () => {
    const { run, shop } = setup();
    const payload = await update(run, {
      partial: true,
      variants: [
        { id: "gid://shopify/ProductVariant/11", price: "15.00" },
        { id: "gid://shopify/ProductVariant/12", price: "-1.00" },
      ],
    });
    expect(payload.productVariants?.map((v) => v.id)).toEqual(["gid://shopify/ProductVariant/11"]);
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: "NEGATIVE_PRICE_VALUE" })]);
    expect(priceOf(shop, 11)?.price).toBe("15.00");
    expect(priceOf(shop, 12)?.price).toBe("25.00");
  });

  it("GIVEN a field beyond prices WHEN updated THEN the emulator fails loudly", async () => {
    const { run } = setup();
    const result = await run(UPDATE, {
      productId: "gid://shopify/Product/1",
      variants: [{ id: "gid://shopify/ProductVariant/11", barcode: "123" }],
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_EMULATED" });
  });
});
