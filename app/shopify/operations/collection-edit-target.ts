/**
 * One collection as a bulk edit needs it: sort order, the channels it is published on, and each
 * conditions source's typed conditions (aliased: same-named fields differ in type) with whether
 * the source holds any manual picks.
 */
export const COLLECTION_EDIT_TARGET_QUERY = `#graphql
  query CollectionEditTarget($id: ID!) {
    collection(id: $id) {
      id
      title
      sortOrder
      productsCount {
        count
      }
      resourcePublications(first: 50, onlyPublished: true) {
        nodes {
          publication {
            id
          }
        }
      }
      sources {
        __typename
        id
        title
        ... on CollectionConditionsSource {
          inclusion {
            matchType
            conditions {
              __typename
              id
              ... on CollectionSourceInclusionConditionProductTag {
                tagMatch: matchType
                tagRelation: relation
                tagValues: values
              }
              ... on CollectionSourceInclusionConditionProductTitle {
                titleMatch: matchType
                titleRelation: relation
                titleValues: values
              }
              ... on CollectionSourceInclusionConditionProductType {
                typeMatch: matchType
                typeRelation: relation
                typeValues: values
              }
              ... on CollectionSourceInclusionConditionProductVendor {
                vendorMatch: matchType
                vendorRelation: relation
                vendorValues: values
              }
              ... on CollectionSourceInclusionConditionVariantTitle {
                variantTitleMatch: matchType
                variantTitleRelation: relation
                variantTitleValues: values
              }
              ... on CollectionSourceInclusionConditionProductStatus {
                statusMatch: matchType
                statusRelation: relation
                statusValues: values
              }
              ... on CollectionSourceInclusionConditionVariantPrice {
                priceRelation: relation
                priceValue: value {
                  amount
                  currencyCode
                }
              }
              ... on CollectionSourceInclusionConditionVariantCompareAtPrice {
                compareAtRelation: relation
                compareAtValue: value {
                  amount
                  currencyCode
                }
              }
              ... on CollectionSourceInclusionConditionVariantInventory {
                inventoryRelation: relation
                inventoryValue: value
              }
            }
            selections(first: 1) {
              nodes {
                product {
                  id
                }
              }
            }
          }
          exclusion {
            matchType
            conditions {
              __typename
              id
              ... on CollectionSourceExclusionConditionProductTag {
                exTagMatch: matchType
                exTagRelation: relation
                exTagValues: values
              }
              ... on CollectionSourceExclusionConditionProductType {
                exTypeMatch: matchType
                exTypeRelation: relation
                exTypeValues: values
              }
              ... on CollectionSourceExclusionConditionProductVendor {
                exVendorMatch: matchType
                exVendorRelation: relation
                exVendorValues: values
              }
            }
            selections(first: 1) {
              nodes {
                product {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
` as const;
