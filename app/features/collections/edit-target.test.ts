import { describe, expect, it } from "vitest";
import { conditionText, toEditTarget, type LiveCollectionShape } from "./edit-target";

const none = { nodes: [] };

describe("toEditTarget", () => {
  it("GIVEN a manual source then a rules source THEN edits go to the rules source, typed conditions become inputs and unknown kinds stay opaque", () => {
    const live: LiveCollectionShape = {
      id: "gid://shopify/Collection/1",
      title: "Rea",
      sortOrder: "MANUAL",
      productsCount: { count: 4 },
      resourcePublications: { nodes: [{ publication: { id: "gid://shopify/Publication/1" } }] },
      sources: [
        {
          __typename: "CollectionConditionsSource",
          id: "s1",
          title: "Manual selection",
          inclusion: { conditions: [], selections: { nodes: [{}] } },
          exclusion: null,
        },
        {
          __typename: "CollectionConditionsSource",
          id: "s2",
          title: "Regler",
          inclusion: {
            conditions: [
              {
                __typename: "CollectionSourceInclusionConditionProductTag",
                id: "c1",
                tagMatch: "ANY",
                tagRelation: "TAGGED_WITH",
                tagValues: ["rea"],
              },
              {
                __typename: "CollectionSourceInclusionConditionVariantPrice",
                id: "c2",
                priceRelation: "LESS_THAN",
                priceValue: { amount: "500.0", currencyCode: "SEK" },
              },
              { __typename: "CollectionSourceInclusionConditionMetafieldBoolean", id: "c3" },
            ],
            selections: none,
          },
          exclusion: {
            conditions: [
              {
                __typename: "CollectionSourceExclusionConditionProductVendor",
                id: "x1",
                exVendorMatch: "ANY",
                exVendorRelation: "CONTAINS",
                exVendorValues: ["Acme"],
              },
            ],
            selections: none,
          },
        },
        { __typename: "CollectionSubCollectionsSource", id: "s3", title: "Under" },
      ],
    };
    const target = toEditTarget(live);
    expect(target).toMatchObject({
      sortOrder: "MANUAL",
      productsCount: 4,
      publicationIds: ["gid://shopify/Publication/1"],
      otherConditionsSources: 1,
      subCollectionSources: 1,
    });
    expect(target.source).toEqual({
      id: "s2",
      title: "Regler",
      hasSelections: false,
      inclusion: [
        {
          id: "c1",
          input: { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: ["rea"] } },
        },
        {
          id: "c2",
          input: {
            variantPrice: {
              relation: "LESS_THAN",
              value: { amount: "500.0", currencyCode: "SEK" },
            },
          },
        },
        { id: "c3", input: null },
      ],
      exclusion: [
        {
          id: "x1",
          input: { productVendor: { matchType: "ANY", relation: "CONTAINS", values: ["Acme"] } },
        },
      ],
    });
    expect(conditionText(target.source!.inclusion[1]!.input!)).toBe("price < 500");
    expect(conditionText(target.source!.exclusion[0]!.input!)).toBe("vendor contains Acme");
  });
});
