import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_BY_HANDLE_QUERY } from "../../shopify/operations/collection-by-handle";
import { findShop } from "../shop/installation.server";
import { createPlannedChange } from "./changes.server";
import { parseCollectionsCsv, planCreate, type RowError } from "./csv-import";

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

export type ImportResult =
  { status: "planned"; changeId: string } | { status: "invalid"; rowErrors: RowError[] };

/**
 * Plans creating the collections of a CSV file: rows validated, handles checked against the store,
 * the valid rows stored as a plan (nothing is created until the merchant applies it).
 */
export async function planCsvCreate(
  gateway: ShopifyGateway,
  shop: string,
  actor: string,
  csv: string,
): Promise<ImportResult> {
  const currency = (await findShop(shop))?.currencyCode ?? "USD";
  const parsed = parseCollectionsCsv(csv, currency);
  const taken = new Set<string>();
  for (const row of parsed.rows) {
    const { collectionByIdentifier } = await gateway.query(COLLECTION_BY_HANDLE_QUERY, {
      handle: row.data.handle,
    });
    if (collectionByIdentifier) taken.add(row.data.handle);
  }
  const plan = planCreate(parsed, taken);
  if (plan.items.length === 0) {
    return { status: "invalid", rowErrors: plan.summary.rowErrors ?? [] };
  }
  const change = await createPlannedChange(shop, {
    kind: "create",
    request: { rows: parsed.rows.length + parsed.rowErrors.length },
    plan,
    createdBy: actor,
  });
  return { status: "planned", changeId: change.id };
}
