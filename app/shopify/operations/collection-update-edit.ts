/**
 * A bulk edit of one collection in one call: its sort order and its conditions (created, updated
 * or deleted in one conditions source, or a new source). Conditions may re-match members
 * asynchronously: `job`.
 */
export const COLLECTION_UPDATE_EDIT_MUTATION = `#graphql
  mutation CollectionUpdateEdit($collection: CollectionUpdateInput!) {
    collectionUpdate(collection: $collection) {
      collection {
        id
      }
      job {
        id
        done
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;
