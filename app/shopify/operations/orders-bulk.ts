import { Kind, parse, print, visit } from "graphql";

/**
 * Orders with their line items for the daily sales KPIs (app/features/insights/kpi-ingest.ts),
 * run through `bulkOperationRunQuery` (no variables allowed there) and read back as JSONL.
 *
 * Field choices (definitions in app/features/insights/kpi-definitions.ts):
 * - order: `createdAt` (its day), `updatedAt` (to ignore webhooks older than the snapshot),
 *   `cancelledAt`, `test`, `currencyCode` (must be the shop currency), `totalDiscountsSet`, and
 *   `refunds { createdAt totalRefundedSet }` (the day returns are booked on; the amounts weigh a
 *   split when an order has several refunds). `refunds` is a plain list: refund line items are a
 *   connection, and a connection inside a list is not allowed in bulk queries.
 * - line item: `quantity` and `currentQuantity` (returned = the difference), `originalTotalSet`
 *   (gross), `discountedTotalSet(withCodeDiscounts: true)` (what the customer paid for the line;
 *   also gives the discounted unit price a return is valued at), `product { id }`.
 * - only `shopMoney`: every KPI is in the shop currency. Subtotals, `processedAt` and the unit
 *   prices are left out: the KPIs derive them or do not use them, and at a million orders every
 *   field costs ~50 MB of JSONL.
 * - `sortKey: CREATED_AT` keeps days together in the file; `test:false` drops test orders at the
 *   source (the ingest excludes them anyway, e.g. from webhooks).
 *
 * The constant's `query:` argument has a fixed shape. The `created_at` range for one run is set
 * by {@link ordersForKpisBulkQuery}, which parses this document, replaces that one string value
 * in the syntax tree and prints it again: no text is pasted into GraphQL, the range is validated
 * first, and the result is exactly as valid as this constant (checked by the contract test).
 */
export const ORDERS_FOR_KPIS_BULK_QUERY = `#graphql
  query OrdersForKpis {
    orders(query: "test:false", sortKey: CREATED_AT) {
      edges {
        node {
          id
          createdAt
          updatedAt
          cancelledAt
          test
          currencyCode
          totalDiscountsSet {
            shopMoney {
              amount
            }
          }
          refunds {
            createdAt
            totalRefundedSet {
              shopMoney {
                amount
              }
            }
          }
          lineItems {
            edges {
              node {
                id
                quantity
                currentQuantity
                originalTotalSet {
                  shopMoney {
                    amount
                  }
                }
                discountedTotalSet(withCodeDiscounts: true) {
                  shopMoney {
                    amount
                  }
                }
                product {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
` as const;

/** The search text of the constant's `orders(query:)`, kept in every built query. */
export const ORDERS_FOR_KPIS_BASE_FILTER = "test:false";

export interface CreatedAtRange {
  /** Inclusive lower bound (an instant; a shop-local day start from kpi-day.ts). */
  from: Date;
  /** Exclusive upper bound. */
  before: Date;
}

/** `created_at:>='…' created_at:<'…'` for the Admin API search syntax, from validated instants. */
export function createdAtFilter(range: CreatedAtRange): string {
  const from = range.from.getTime();
  const before = range.before.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(before)) {
    throw new RangeError("created_at range: invalid date");
  }
  if (from >= before) throw new RangeError("created_at range: `from` must be before `before`");
  // toISOString only ever yields digits, dashes, colons, a dot, T and Z: nothing to escape.
  const iso = (ms: number) => new Date(ms).toISOString();
  return `created_at:>='${iso(from)}' created_at:<'${iso(before)}'`;
}

/**
 * The bulk query for orders created in `range` (all orders when omitted): the constant with its
 * `orders(query:)` string replaced in the parsed document.
 */
export function ordersForKpisBulkQuery(range?: CreatedAtRange): string {
  const document = parse(ORDERS_FOR_KPIS_BULK_QUERY.replace(/^#graphql/, ""));
  if (!range) return print(document);
  const search = `${ORDERS_FOR_KPIS_BASE_FILTER} ${createdAtFilter(range)}`;
  let replaced = 0;
  const rewritten = visit(document, {
    Argument(node) {
      if (node.name.value !== "query" || node.value.kind !== Kind.STRING) return undefined;
      replaced++;
      return { ...node, value: { kind: Kind.STRING, value: search } };
    },
  });
  if (replaced !== 1) throw new Error("OrdersForKpis: expected exactly one query: argument");
  return print(rewritten);
}
