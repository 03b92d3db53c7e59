/** How many collections the shop has (capped by the platform unless `limit: null`). */
export const COLLECTIONS_COUNT_QUERY = `#graphql
  query CollectionsCount($limit: Int) {
    collectionsCount(limit: $limit) {
      count
      precision
    }
  }
` as const;
