/** One page of products (id and title) matching a search query, for planning bulk changes. */
export const PRODUCT_IDS_QUERY = `#graphql
  query ProductIds($query: String, $first: Int!, $after: String) {
    products(first: $first, after: $after, query: $query, sortKey: ID) {
      nodes {
        id
        title
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
` as const;
