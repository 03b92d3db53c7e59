/**
 * A collection as a membership change sees it: its sources (which one holds manual selections,
 * whether any has conditions) and one page of each conditions source's manual selections.
 */
export const COLLECTION_MEMBERSHIP_TARGET_QUERY = `#graphql
  query CollectionMembershipTarget($id: ID!, $after: String) {
    collection(id: $id) {
      id
      title
      handle
      sortOrder
      productsCount {
        count
      }
      sources {
        __typename
        id
        ... on CollectionConditionsSource {
          targetType
          inclusion {
            conditions {
              id
            }
            selections(first: 250, after: $after) {
              nodes {
                product {
                  id
                }
              }
              pageInfo {
                hasNextPage
                endCursor
              }
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
  }
` as const;
