/** A page of products for pickers: id and title, matching a search query. */
export const PRODUCT_SEARCH_QUERY = `#graphql
  query ProductSearch($query: String, $first: Int!) {
    products(first: $first, query: $query, sortKey: TITLE) {
      nodes {
        id
        title
      }
    }
  }
` as const;
