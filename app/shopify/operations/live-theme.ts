/** The published (MAIN) theme. */
export const LIVE_THEME_QUERY = `#graphql
  query LiveTheme {
    themes(first: 1, roles: [MAIN]) {
      nodes {
        id
        name
        role
        updatedAt
      }
    }
  }
` as const;
