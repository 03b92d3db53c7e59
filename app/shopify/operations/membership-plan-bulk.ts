import { Kind, parse, print, visit } from "graphql";

/**
 * The chosen products of a membership change with the target collections each already belongs
 * to, run through `bulkOperationRunQuery` (app/features/collections/membership-live.server.ts)
 * and read back as JSONL: one line per product (`id`, `title`) and one per membership
 * (`id` of the collection, `__parentId` of the product; children need not follow their parent).
 *
 * `Product.collections(query:)` keeps only the target collections, so the file holds one line
 * per chosen product plus one per existing membership among the targets — never the rest of the
 * store's collections. Membership "any way" (manual pick, conditions, sub-collections) is what
 * the planner needs to skip products already in a collection.
 *
 * The two `query:` strings of the constant are placeholders: {@link membershipPlanBulkQuery}
 * parses this document, replaces those values in the syntax tree and prints it again, so no text
 * is pasted into GraphQL and the result is exactly as valid as this constant (contract test).
 */
export const MEMBERSHIP_PLAN_BULK_QUERY = `#graphql
  query MembershipPlanProducts {
    products(query: "status:active", sortKey: ID) {
      edges {
        node {
          id
          title
          collections(query: "id:0") {
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

/** `id:1 OR id:2` for `collections(query:)`, from collection GIDs (digits only reach the text). */
export function collectionIdsSearch(collectionIds: readonly string[]): string {
  if (collectionIds.length === 0) throw new RangeError("at least one collection is needed");
  return collectionIds
    .map((gid) => {
      const match = /^gid:\/\/shopify\/Collection\/(\d+)$/.exec(gid);
      if (!match) throw new RangeError(`not a collection id: ${gid}`);
      return `id:${match[1]}`;
    })
    .join(" OR ");
}

/**
 * The bulk query for products matching `productQuery` (Admin API search syntax) with their
 * memberships among `collectionIds`.
 */
export function membershipPlanBulkQuery(
  productQuery: string,
  collectionIds: readonly string[],
): string {
  const document = parse(MEMBERSHIP_PLAN_BULK_QUERY.replace(/^#graphql/, ""));
  const values: Record<string, string> = {
    products: productQuery,
    collections: collectionIdsSearch(collectionIds),
  };
  const replaced = new Set<string>();
  let parentField: string | null = null;
  const rewritten = visit(document, {
    Field: {
      enter(node) {
        if (node.name.value in values) parentField = node.name.value;
      },
    },
    Argument(node) {
      if (node.name.value !== "query" || node.value.kind !== Kind.STRING || !parentField) {
        return undefined;
      }
      replaced.add(parentField);
      return { ...node, value: { kind: Kind.STRING, value: values[parentField] } };
    },
  });
  if (replaced.size !== 2) throw new Error("MembershipPlanProducts: expected two query: arguments");
  return print(rewritten);
}
