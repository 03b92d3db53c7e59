/**
 * Moves products of a MANUAL-sorted collection: at most 250 moves, applied in order, each to a
 * 0-based position counted after the previous moves. Always answered with an async `job`.
 */
export const COLLECTION_REORDER_PRODUCTS_MUTATION = `#graphql
  mutation CollectionReorderProducts($id: ID!, $moves: [MoveInput!]!) {
    collectionReorderProducts(id: $id, moves: $moves) {
      job {
        id
        done
      }
      userErrors {
        code
        field
        message
      }
    }
  }
` as const;
