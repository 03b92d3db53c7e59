/** Creates a collection with its sources (2026-07+ model). New collections start unpublished. */
export const COLLECTION_CREATE_MUTATION = `#graphql
  mutation CollectionCreate($collection: CollectionCreateInput!) {
    collectionCreate(collection: $collection) {
      collection {
        id
        handle
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;
