/**
 * One page of a collection's products in the order the storefront shows them (for a MANUAL
 * collection: the merchant's order), with the collection's sort order and size. `reverse` reads
 * from the end (a removal snapshot reads both ends until it has seen the removed products).
 */
export const COLLECTION_PRODUCT_ORDER_QUERY = `#graphql
  query CollectionProductOrder(
    $id: ID!
    $first: Int!
    $after: String
    $reverse: Boolean = false
  ) {
    collection(id: $id) {
      id
      title
      handle
      sortOrder
      productsCount {
        count
      }
      products(first: $first, after: $after, reverse: $reverse, sortKey: COLLECTION_DEFAULT) {
        nodes {
          id
          title
          status
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
` as const;
