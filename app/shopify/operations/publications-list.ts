/** The store's sales channels (publications) with their names. */
export const PUBLICATIONS_LIST_QUERY = `#graphql
  query PublicationsList {
    publications(first: 50) {
      nodes {
        id
        supportsFuturePublishing
        catalog {
          title
        }
      }
    }
  }
` as const;
