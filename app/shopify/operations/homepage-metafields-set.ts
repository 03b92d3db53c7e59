/** Sets app-owned metafields (atomic: all or none). */
export const HOMEPAGE_METAFIELDS_SET = `#graphql
  mutation HomepageMetafieldsSet($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        key
        value
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
