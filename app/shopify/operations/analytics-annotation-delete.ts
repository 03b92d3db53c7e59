/** Deletes one of Merchdesk's own annotations (others answer NOT_FOUND). */
export const ANALYTICS_ANNOTATION_DELETE = `#graphql
  mutation AnalyticsAnnotationDelete($id: ID!) {
    analyticsAnnotationDelete(id: $id) {
      deletedId
      userErrors {
        code
        field
        message
      }
    }
  }
` as const;
