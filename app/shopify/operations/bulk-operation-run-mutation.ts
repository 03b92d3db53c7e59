/** Runs a mutation once per line of a staged JSONL file (outside the cost bucket). */
export const BULK_OPERATION_RUN_MUTATION = `#graphql
  mutation BulkOperationRunMutation(
    $mutation: String!
    $stagedUploadPath: String!
    $clientIdentifier: String
  ) {
    bulkOperationRunMutation(
      mutation: $mutation
      stagedUploadPath: $stagedUploadPath
      clientIdentifier: $clientIdentifier
    ) {
      bulkOperation {
        id
        status
      }
      userErrors {
        code
        field
        message
      }
    }
  }
` as const;
