/** A campaign's featured collection as the storefront preview shows it (title and products). */
export const HOMEPAGE_PREVIEW_COLLECTION_QUERY = `#graphql
  query HomepagePreviewCollection($id: ID!, $first: Int!) {
    collection(id: $id) {
      title
      handle
      products(first: $first) {
        nodes {
          title
          handle
          status
          priceRangeV2 {
            minVariantPrice {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
` as const;
