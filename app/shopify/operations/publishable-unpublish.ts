/** Takes a collection (or product) off the given publications (sales channels). */
export const PUBLISHABLE_UNPUBLISH_MUTATION = `#graphql
  mutation PublishableUnpublish($id: ID!, $input: [PublicationInput!]!) {
    publishableUnpublish(id: $id, input: $input) {
      userErrors {
        field
        message
      }
    }
  }
` as const;
