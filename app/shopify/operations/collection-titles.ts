/** Titles of given collections (for forms that act on a chosen set). */
export const COLLECTION_TITLES_QUERY = `#graphql
  query CollectionTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Collection {
        id
        title
        productsCount {
          count
        }
      }
    }
  }
` as const;
