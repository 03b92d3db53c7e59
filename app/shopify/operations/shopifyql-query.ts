/** A ShopifyQL query (analytics: `FROM sessions`, `FROM sales`); rows are objects of strings. */
export const SHOPIFYQL_QUERY = `#graphql
  query ShopifyqlTable($query: String!) {
    shopifyqlQuery(query: $query) {
      tableData {
        columns {
          name
          dataType
        }
        rows
      }
      parseErrors
    }
  }
` as const;
