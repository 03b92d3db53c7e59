/**
 * Every collection with its products, for the per-collection KPIs (app/features/insights/
 * collection-sales.server.ts), run through `bulkOperationRunQuery`: one JSONL line per collection
 * and one per product with `__parentId` (children need not follow their parent). Only ids and
 * the title: at 10,000 collections × their products every field adds megabytes.
 */
export const COLLECTION_MEMBERS_BULK_QUERY = `#graphql
  query CollectionMembersForKpis {
    collections {
      edges {
        node {
          id
          title
          products {
            edges {
              node {
                id
              }
            }
          }
        }
      }
    }
  }
` as const;
