import { describe, expect, it } from "vitest";
import { productFilterSchema, productIdsQuery, productSearchQuery } from "./product-filter";

describe("product filter", () => {
  it("GIVEN every criterion THEN the search query holds each, quoted, with explicit status", () => {
    const filter = productFilterSchema.parse({
      tag: "rea",
      vendor: 'Fjäll "Pro"',
      productType: "Skaljacka",
      title: "jacka",
      priceMin: "100",
      priceMax: "999.50",
      inventoryMin: "1",
      inventoryMax: "50",
      status: ["ACTIVE", "DRAFT"],
      createdFrom: "2026-01-01",
      createdTo: "2026-03-31",
    });
    expect(productSearchQuery(filter)).toBe(
      'tag:"rea" vendor:"Fjäll \\"Pro\\"" product_type:"Skaljacka" title:"jacka" price:>=100 ' +
        "price:<=999.50 inventory_total:>=1 inventory_total:<=50 " +
        "created_at:>='2026-01-01T00:00:00Z' created_at:<='2026-03-31T23:59:59Z' status:active,draft",
    );
  });

  it("GIVEN no status THEN every status is searched explicitly", () => {
    expect(productSearchQuery(productFilterSchema.parse({ tag: "ull" }))).toBe(
      'tag:"ull" status:active,draft,archived',
    );
  });

  it("GIVEN a price range upside down THEN the upper price is named as the error", () => {
    const result = productFilterSchema.safeParse({ priceMin: "500", priceMax: "100" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["priceMax"]);
  });

  it("GIVEN no criterion at all THEN it is refused", () => {
    expect(productFilterSchema.safeParse({}).success).toBe(false);
  });

  it("GIVEN picked ids THEN they become an OR of id filters", () => {
    expect(productIdsQuery(["gid://shopify/Product/1", "gid://shopify/Product/22"])).toBe(
      "(id:1 OR id:22)",
    );
  });
});
