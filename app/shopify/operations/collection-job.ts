/** Whether an asynchronous collection job (membership, reorder) has finished. */
export const COLLECTION_JOB_QUERY = `#graphql
  query CollectionJob($id: ID!) {
    job(id: $id) {
      id
      done
    }
  }
` as const;
