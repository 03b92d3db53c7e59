/** How many products match a search query (uncapped), to size a membership plan before reading. */
export const PRODUCTS_COUNT_QUERY = `#graphql
  query ProductsCount($query: String) {
    productsCount(query: $query, limit: null) {
      count
      precision
    }
  }
` as const;
