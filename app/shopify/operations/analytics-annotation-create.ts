/** Writes an action to Shopify's analytics timeline (title ≤ 75, description ≤ 150 characters). */
export const ANALYTICS_ANNOTATION_CREATE = `#graphql
  mutation AnalyticsAnnotationCreate($input: AnalyticsAnnotationCreateInput!) {
    analyticsAnnotationCreate(input: $input) {
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
