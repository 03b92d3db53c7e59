/** What pre-flight checks need to know about a campaign's featured collection. */
export const HOMEPAGE_COLLECTION_CHECK_QUERY = `#graphql
  query HomepageCollectionCheck($id: ID!) {
    collection(id: $id) {
      id
      title
      handle
      productsCount {
        count
      }
      resourcePublications(first: 20) {
        nodes {
          publication {
            id
            catalog {
              title
            }
          }
        }
      }
      products(first: 50) {
        nodes {
          status
          totalInventory
          tracksInventory
        }
      }
    }
  }
` as const;

/** The scopes the installation holds (write_themes for template mode). */
export const HOMEPAGE_ACCESS_SCOPES_QUERY = `#graphql
  query HomepageAccessScopes {
    currentAppInstallation {
      accessScopes {
        handle
      }
    }
  }
` as const;
