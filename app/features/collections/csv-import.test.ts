import { describe, expect, it } from "vitest";
import { parseCollectionsCsv, planCreate, handleFromTitle } from "./csv-import";
import { exportTable, type ExportCollection } from "./csv-export";
import { writeCsv } from "./csv";

describe("parseCollectionsCsv", () => {
  it("GIVEN a semicolon CSV with a BOM THEN a row becomes a collection with its condition and sort order", () => {
    const { rows, rowErrors } = parseCollectionsCsv(
      "\ufefftitle;sort_order;published;condition_1\r\nVinterrea;price-asc;ja;price > 499,50\r\n",
      "SEK",
    );
    expect(rowErrors).toEqual([]);
    expect(rows[0]!.data).toEqual({
      title: "Vinterrea",
      handle: "vinterrea",
      publish: true,
      input: {
        title: "Vinterrea",
        handle: "vinterrea",
        sortOrder: "PRICE_ASC",
        sources: [
          {
            source: {
              title: "Merchdesk import",
              inclusion: {
                conditions: [
                  {
                    variantPrice: {
                      relation: "GREATER_THAN",
                      value: { amount: "499.50", currencyCode: "SEK" },
                    },
                  },
                ],
                matchType: "ALL",
                selections: [],
              },
            },
          },
        ],
      },
    });
  });

  it("GIVEN bad rows THEN each is reported with its row number and reason, and valid rows go ahead", () => {
    const csv = [
      "title,handle,sort_order,condition_1",
      ",missing-title,,",
      "Jackor,jackor,,",
      "Jackor igen,jackor,,",
      "Fel,Fel Handle!,,",
      "Sortering,,sideways,",
      "Okänd kolumn,,,colour = red",
      "Relation,,,tag contains rea",
      "Bra,,,vendor contains Fjäll",
    ].join("\n");
    const { rows, rowErrors } = parseCollectionsCsv(csv, "SEK");
    expect(rows.map((r) => r.row)).toEqual([3, 9]);
    expect(rowErrors).toEqual([
      { row: 2, errors: ["title is missing"] },
      { row: 4, errors: ["handle “jackor” is also on row 3"] },
      { row: 5, errors: ["handle “fel handle!” may only hold a–z, 0–9 and dashes"] },
      {
        row: 6,
        errors: [
          "sort_order “sideways” is not one of ALPHA_ASC, ALPHA_DESC, BEST_SELLING, CREATED, CREATED_DESC, MANUAL, MOST_RELEVANT, PRICE_ASC, PRICE_DESC",
        ],
      },
      { row: 7, errors: ["condition_1: unknown condition column “colour”"] },
      { row: 8, errors: ["condition_1: unknown relation “contains” for tag"] },
    ]);
  });

  it("GIVEN more than 60 conditions THEN the row is refused", () => {
    const header = ["title", ...Array.from({ length: 61 }, (_, i) => `condition_${i + 1}`)];
    const row = ["Många", ...Array.from({ length: 61 }, (_, i) => `tag = t${i}`)];
    const { rowErrors } = parseCollectionsCsv(`${header.join(",")}\n${row.join(",")}`, "SEK");
    expect(rowErrors[0]!.errors).toEqual(["61 conditions; at most 60"]);
  });

  it("GIVEN Swedish letters THEN the handle is ASCII", () => {
    expect(handleFromTitle("Sovsäckar & liggunderlag – Höst")).toBe("sovsackar-liggunderlag-host");
  });

  it("GIVEN a handle already in the store THEN planCreate turns the row into an error", () => {
    const parsed = parseCollectionsCsv("title\nJackor\nByxor", "SEK");
    const plan = planCreate(parsed, new Set(["jackor"]));
    expect(plan.items.map((i) => i.data?.handle)).toEqual(["byxor"]);
    expect(plan.summary.rowErrors).toEqual([
      { row: 2, errors: ["handle “jackor” is already in use"] },
    ]);
    expect(plan.summary.warnings).toEqual([{ code: "skippedRows", vars: { count: 1 } }]);
  });
});

describe("export re-imports cleanly", () => {
  it("GIVEN an exported collection with conditions, picks and a formula-like title THEN importing gives the same collection", () => {
    const collection: ExportCollection = {
      id: "7",
      title: "=Rea & fynd",
      handle: "rea-fynd",
      kind: "conditions",
      productsCount: 3,
      descriptionHtml: "<p>Bästa priserna; nu</p>",
      seoTitle: "Rea",
      seoDescription: null,
      sortOrder: "PRICE_ASC",
      published: true,
      updatedAt: "2026-11-01T00:00:00Z",
      matchType: "ANY",
      inclusion: [
        { kind: "productTag", relation: "TAGGED_WITH", values: ["rea", "outlet"] },
        { kind: "variantCompareAtPrice", relation: "IS_SET", value: null },
      ],
      exclusion: [{ kind: "productVendor", relation: "EQUALS", values: ["Acme"] }],
      productIds: ["gid://shopify/Product/11"],
    };
    const csv = writeCsv(exportTable([collection]), ";");
    expect(csv).toContain(";'=Rea & fynd;");
    const { rows, rowErrors } = parseCollectionsCsv(csv, "SEK");
    expect(rowErrors).toEqual([]);
    expect(rows[0]!.data).toEqual({
      title: "=Rea & fynd",
      handle: "rea-fynd",
      publish: true,
      input: {
        title: "=Rea & fynd",
        handle: "rea-fynd",
        descriptionHtml: "<p>Bästa priserna; nu</p>",
        seo: { title: "Rea", description: null },
        sortOrder: "PRICE_ASC",
        sources: [
          {
            source: {
              title: "Merchdesk import",
              inclusion: {
                conditions: [
                  {
                    productTag: {
                      matchType: "ANY",
                      relation: "TAGGED_WITH",
                      values: ["rea", "outlet"],
                    },
                  },
                  { variantCompareAtPrice: { relation: "IS_SET" } },
                ],
                matchType: "ANY",
                selections: [{ productId: "gid://shopify/Product/11" }],
              },
              exclusion: {
                conditions: [
                  { productVendor: { matchType: "ANY", relation: "EQUALS", values: ["Acme"] } },
                ],
                matchType: "ANY",
              },
            },
          },
        ],
      },
    });
  });
});
