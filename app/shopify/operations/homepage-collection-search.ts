/** Collections whose title matches, for the in-app collection picker (standalone demo). */
export const HOMEPAGE_COLLECTION_SEARCH_QUERY = `#graphql
  query HomepageCollectionSearch($query: String, $first: Int!) {
    collections(first: $first, query: $query, sortKey: TITLE) {
      nodes {
        id
        title
        handle
        image {
          url
        }
      }
    }
  }
` as const;
