import type { EmulatorContext, Resolvers } from "../graphql/context";
import { resolveRange, runKpiQuery, semanticErrors } from "../analytics/kpis";
import { parseShopifyql } from "../analytics/shopifyql-parser";
import { requireAnyScope } from "./content-access";

function failure(parseErrors: string[]) {
  return { tableData: null, parseErrors, parseWarnings: [], analyticsTargets: [] };
}

/**
 * `shopifyqlQuery` (§5.2): rows are objects keyed by column name with string values, and
 * `rowMetadata[i]` belongs to `rows[i]`. Anything the emulator cannot answer is a parse error.
 */
function shopifyqlQuery(_source: unknown, args: Record<string, unknown>, ctx: EmulatorContext) {
  const { shop } = ctx;
  requireAnyScope(shop, "QueryRoot", "shopifyqlQuery", ["read_reports"]);
  const parsed = parseShopifyql(args.query as string);
  if (!parsed.ok) return failure(parsed.errors);
  const range = resolveRange(parsed.query, ctx.clock.now().getTime(), shop.ianaTimezone);
  const errors = semanticErrors(parsed.query, range);
  if (errors.length || typeof range === "string") return failure(errors);
  const table = runKpiQuery(shop, parsed.query, range);
  return {
    tableData: {
      columns: table.columns.map((column) => ({
        ...column,
        subType: null,
        shortDisplayName: null,
        columnOrigin: "REQUESTED",
        dynamicColumnMetadata: null,
      })),
      rows: table.rows,
      rowMetadata: table.rows.map(() => ({
        nullCellTranslations: [],
        rawResourceIds: [],
        topNRemainderColumnNames: [],
      })),
    },
    parseErrors: [],
    parseWarnings: [],
    analyticsTargets: [],
  };
}

export const shopifyqlResolvers: Resolvers = { QueryRoot: { shopifyqlQuery } };
