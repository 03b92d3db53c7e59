/** A collection's sources (ids, kinds, whether they hold conditions), without their selections. */
export const COLLECTION_SOURCES_QUERY = `#graphql
  query CollectionSources($id: ID!) {
    collection(id: $id) {
      id
      title
      sortOrder
      productsCount {
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
        }
      }
    }
  }
` as const;
