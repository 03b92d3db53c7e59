/** Deletes a collection (its products stay in the store). Used to undo a bulk create. */
export const COLLECTION_DELETE_MUTATION = `#graphql
  mutation CollectionDelete($id: ID!) {
    collectionDelete(input: { id: $id }) {
      deletedCollectionId
      userErrors {
        field
        message
      }
    }
  }
` as const;
