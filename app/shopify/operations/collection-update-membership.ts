/**
 * Adds/removes manual selections through a collection's sources (2026-07+ model; replaces the
 * deprecated collectionAddProducts/RemoveProducts). Membership may apply asynchronously: `job`.
 */
export const COLLECTION_UPDATE_MEMBERSHIP_MUTATION = `#graphql
  mutation CollectionUpdateMembership($collection: CollectionUpdateInput!) {
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
