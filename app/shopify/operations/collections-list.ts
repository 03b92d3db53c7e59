/**
 * A page of collections for the list: what the merchant scans (title, handle, kind, size, sort
 * order, publication) — kind comes from the sources (2026-07+ model).
 */
export const COLLECTIONS_LIST_QUERY = `#graphql
  query CollectionsList(
    $first: Int
    $after: String
    $last: Int
    $before: String
    $query: String
    $sortKey: CollectionSortKeys
    $reverse: Boolean
  ) {
    collections(
      first: $first
      after: $after
      last: $last
      before: $before
      query: $query
      sortKey: $sortKey
      reverse: $reverse
    ) {
      nodes {
        id
        title
        handle
        sortOrder
        updatedAt
        productsCount {
          count
          precision
        }
        resourcePublicationsCount {
          count
        }
        sources {
          __typename
          id
          ... on CollectionConditionsSource {
            inclusion {
              conditions {
                id
              }
            }
            exclusion {
              conditions {
                id
              }
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
` as const;
