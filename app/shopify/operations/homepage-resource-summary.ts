/**
 * The items chosen in the campaign form's resource pickers: each must exist and be the expected
 * kind (the query by id answers null otherwise); the form shows their title and image.
 */
export const HOMEPAGE_COLLECTION_SUMMARY_QUERY = `#graphql
  query HomepageCollectionSummary($id: ID!) {
    collection(id: $id) {
      id
      title
      handle
      image {
        url
      }
    }
  }
` as const;

export const HOMEPAGE_PRODUCT_SUMMARY_QUERY = `#graphql
  query HomepageProductSummary($id: ID!) {
    product(id: $id) {
      id
      title
      handle
    }
  }
` as const;
