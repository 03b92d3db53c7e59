/** Updates one of Merchdesk's own annotations (others answer NOT_FOUND). */
export const ANALYTICS_ANNOTATION_UPDATE = `#graphql
  mutation AnalyticsAnnotationUpdate($id: ID!, $input: AnalyticsAnnotationUpdateInput!) {
    analyticsAnnotationUpdate(id: $id, input: $input) {
      analyticsAnnotation {
        id
      }
      userErrors {
        code
        field
        message
      }
    }
  }
` as const;
