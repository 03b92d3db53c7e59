/** The shop's analytics annotations (Shopify's, the merchant's apps', and Merchdesk's own). */
export const ANALYTICS_ANNOTATIONS_QUERY = `#graphql
  query AnalyticsAnnotations($after: String) {
    shop {
      analyticsAnnotations(first: 100, after: $after, sortKey: STARTED_AT) {
        nodes {
          id
          title
          description
          type
          startedAt
          endedAt
          source
          createdByApp {
            id
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
` as const;
