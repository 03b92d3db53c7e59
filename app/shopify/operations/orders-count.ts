/** Orders matching a search query (e.g. a created_at range). */
export const ORDERS_COUNT_QUERY = `#graphql
  query OrdersCount($query: String) {
    ordersCount(query: $query, limit: null) {
      count
      precision
    }
  }
` as const;
