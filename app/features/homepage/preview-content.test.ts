import { describe, expect, it } from "vitest";
import { PREVIEW_PRODUCT_LIMIT, previewCampaign, previewCollection } from "./preview-content";

const product = (handle: string, status = "ACTIVE") => ({
  title: handle.toUpperCase(),
  handle,
  status,
  priceRangeV2: { minVariantPrice: { amount: "499.0", currencyCode: "SEK" } },
});

describe("preview content", () => {
  it("GIVEN a collection THEN only active products are listed, with storefront paths and prices", () => {
    const view = previewCollection({
      title: "Jackor & västar",
      handle: "jackor",
      products: { nodes: [product("a"), product("b", "DRAFT"), product("c d")] },
    });
    expect(view).toEqual({
      title: "Jackor & västar",
      handle: "jackor",
      url: "/collections/jackor",
      products: [
        {
          title: "A",
          handle: "a",
          url: "/products/a",
          price: { amount: "499.0", currencyCode: "SEK" },
        },
        {
          title: "C D",
          handle: "c d",
          url: "/products/c%20d",
          price: { amount: "499.0", currencyCode: "SEK" },
        },
      ],
    });
  });

  it("GIVEN more products than any block shows THEN the list stops at the block limit", () => {
    const nodes = Array.from({ length: 30 }, (_, i) => product(`p${i}`));
    expect(
      previewCollection({ title: "T", handle: "t", products: { nodes } })!.products,
    ).toHaveLength(PREVIEW_PRODUCT_LIMIT);
    expect(previewCollection(null)).toBeNull();
  });

  it("GIVEN a campaign THEN every block part has its field and the announcement is the heading", () => {
    const campaign = previewCampaign(
      {
        metaobjectHandle: "campaign-1",
        heading: "Rea",
        text: "Rad 1\nRad 2",
        buttonLabel: "Handla",
        buttonLink: "/collections/jackor",
        imageUrl: "https://cdn.example/rea.jpg",
      },
      null,
    );
    expect(campaign).toEqual({
      handle: "campaign-1",
      heading: "Rea",
      text: "Rad 1\nRad 2",
      buttonLabel: "Handla",
      buttonLink: "/collections/jackor",
      imageUrl: "https://cdn.example/rea.jpg",
      announcement: "Rea",
      collection: null,
    });
  });
});
