/**
 * Collections with everything an export writes: fields, conditions of each conditions source
 * (typed; aliased because same-named fields differ in type) and a first page of manual picks.
 */
export const COLLECTIONS_EXPORT_QUERY = `#graphql
  query CollectionsExport($first: Int!, $after: String, $query: String) {
    collections(first: $first, after: $after, query: $query, sortKey: TITLE) {
      nodes {
        id
        title
        handle
        descriptionHtml
        sortOrder
        updatedAt
        seo {
          title
          description
        }
        productsCount {
          count
        }
        resourcePublicationsCount {
          count
        }
        sources {
          __typename
          id
          ... on CollectionConditionsSource {
            inclusion {
              matchType
              conditions {
                __typename
                ... on CollectionSourceInclusionConditionProductTag {
                  tagRelation: relation
                  tagValues: values
                }
                ... on CollectionSourceInclusionConditionProductTitle {
                  titleRelation: relation
                  titleValues: values
                }
                ... on CollectionSourceInclusionConditionProductType {
                  typeRelation: relation
                  typeValues: values
                }
                ... on CollectionSourceInclusionConditionProductVendor {
                  vendorRelation: relation
                  vendorValues: values
                }
                ... on CollectionSourceInclusionConditionVariantTitle {
                  variantTitleRelation: relation
                  variantTitleValues: values
                }
                ... on CollectionSourceInclusionConditionProductStatus {
                  statusRelation: relation
                  statusValues: values
                }
                ... on CollectionSourceInclusionConditionVariantPrice {
                  priceRelation: relation
                  priceValue: value {
                    amount
                  }
                }
                ... on CollectionSourceInclusionConditionVariantCompareAtPrice {
                  compareAtRelation: relation
                  compareAtValue: value {
                    amount
                  }
                }
                ... on CollectionSourceInclusionConditionVariantInventory {
                  inventoryRelation: relation
                  inventoryValue: value
                }
              }
              selections(first: 100) {
                nodes {
                  product {
                    id
                  }
                }
                pageInfo {
                  hasNextPage
                }
              }
            }
            exclusion {
              conditions {
                __typename
                ... on CollectionSourceExclusionConditionProductTag {
                  exTagRelation: relation
                  exTagValues: values
                }
                ... on CollectionSourceExclusionConditionProductType {
                  exTypeRelation: relation
                  exTypeValues: values
                }
                ... on CollectionSourceExclusionConditionProductVendor {
                  exVendorRelation: relation
                  exVendorValues: values
                }
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
` as const;
