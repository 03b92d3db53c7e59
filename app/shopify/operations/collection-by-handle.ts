/** A collection by its handle (e.g. to check a handle is free, or that a create already ran). */
export const COLLECTION_BY_HANDLE_QUERY = `#graphql
  query CollectionByHandle($handle: String!) {
    collectionByIdentifier(identifier: { handle: $handle }) {
      id
      handle
      title
    }
  }
` as const;
