/** A bulk operation's state; `url` is the JSONL result once COMPLETED (valid for 7 days). */
export const BULK_OPERATION_STATUS_QUERY = `#graphql
  query BulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) {
      id
      status
      errorCode
      objectCount
      rootObjectCount
      url
      partialDataUrl
      completedAt
    }
  }
` as const;
