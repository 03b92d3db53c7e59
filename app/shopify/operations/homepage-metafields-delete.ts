/** Deletes app-owned metafields (the live campaign when none should show). */
export const HOMEPAGE_METAFIELDS_DELETE = `#graphql
  mutation HomepageMetafieldsDelete($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        key
      }
      userErrors {
        field
        message
      }
    }
  }
` as const;
