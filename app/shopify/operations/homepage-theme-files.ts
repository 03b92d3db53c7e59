/** The live (MAIN) theme with the named files (e.g. templates/index.json). */
export const HOMEPAGE_LIVE_THEME_FILES_QUERY = `#graphql
  query HomepageLiveThemeFiles($filenames: [String!]!) {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        files(filenames: $filenames, first: 50) {
          nodes {
            filename
            checksumMd5
            body {
              ... on OnlineStoreThemeFileBodyText {
                content
              }
            }
          }
          userErrors {
            filename
            code
          }
        }
      }
    }
  }
` as const;

/** One theme with the named files (snapshotting a draft theme's home page). */
export const HOMEPAGE_THEME_FILES_QUERY = `#graphql
  query HomepageThemeFiles($id: ID!, $filenames: [String!]!) {
    theme(id: $id) {
      id
      name
      role
      files(filenames: $filenames, first: 50) {
        nodes {
          filename
          checksumMd5
          body {
            ... on OnlineStoreThemeFileBodyText {
              content
            }
          }
        }
        userErrors {
          filename
          code
        }
      }
    }
  }
` as const;

/** The store's themes (to pick a home-page source and to link previews). */
export const HOMEPAGE_THEMES_QUERY = `#graphql
  query HomepageThemes {
    themes(first: 50) {
      nodes {
        id
        name
        role
        updatedAt
      }
    }
  }
` as const;

/** Writes theme files (needs write_themes plus Shopify's exemption). */
export const HOMEPAGE_THEME_FILES_UPSERT = `#graphql
  mutation HomepageThemeFilesUpsert($themeId: ID!, $files: [OnlineStoreThemeFilesUpsertFileInput!]!) {
    themeFilesUpsert(themeId: $themeId, files: $files) {
      upsertedThemeFiles {
        filename
        checksumMd5
      }
      userErrors {
        field
        message
        code
        filename
      }
    }
  }
` as const;
