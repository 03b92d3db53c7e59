import { MAX_CONDITIONS, parseExclusionCondition, parseInclusionCondition } from "./conditions";
import { parseCsv, restoreCell } from "./csv";
import type { Plan, PlanWarning } from "./plan-types";

/**
 * Bulk create from a CSV file: header columns, one collection per row, every row validated with
 * its row number (1 = the header) and reasons; the valid rows can go ahead. Pure.
 */
export const SORT_ORDERS = [
  "ALPHA_ASC",
  "ALPHA_DESC",
  "BEST_SELLING",
  "CREATED",
  "CREATED_DESC",
  "MANUAL",
  "MOST_RELEVANT",
  "PRICE_ASC",
  "PRICE_DESC",
] as const;

const FIELD_COLUMNS = [
  "title",
  "handle",
  "description",
  "seo_title",
  "seo_description",
  "sort_order",
  "published",
  "conditions_match",
  "products",
] as const;
/** Columns an export writes for information only; import ignores them. */
const INFO_COLUMNS = ["id", "kind", "products_count", "updated_at"];
const MAX_ROWS = 5_000;
const SOURCE_TITLE = "Merchdesk import";

export interface CreateCollectionData {
  title: string;
  handle: string;
  publish: boolean;
  /** CollectionCreateInput as JSON. */
  input: Record<string, unknown>;
}

export interface RowError {
  row: number;
  errors: string[];
}

export interface ParsedImport {
  rows: { row: number; data: CreateCollectionData }[];
  rowErrors: RowError[];
}

/** ASCII handle from a title (å ä → a, ö → o, other marks dropped), as Shopify derives one. */
export function handleFromTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/gi, "o")
    .replace(/æ/gi, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 255);
}

const HANDLE = /^[a-z0-9](?:[a-z0-9-]{0,253}[a-z0-9])?$/;
const YES = ["yes", "y", "true", "1", "ja", "j", "x"];
const NO = ["", "no", "n", "false", "0", "nej"];
const PRODUCT_ID = /^(?:gid:\/\/shopify\/Product\/)?(\d+)$/;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Parses and validates a CSV file; `currency` is the shop's (price conditions need it). */
export function parseCollectionsCsv(text: string, currency: string): ParsedImport {
  const table = parseCsv(text).map((row) => row.map((cell) => restoreCell(cell.trim())));
  const header = (table[0] ?? []).map((cell) => cell.toLowerCase());
  const rowErrors: RowError[] = [];
  const rows: ParsedImport["rows"] = [];
  if (!header.includes("title")) {
    return { rows, rowErrors: [{ row: 1, errors: ["the header has no “title” column"] }] };
  }
  const unknown = header.filter(
    (name) =>
      name !== "" &&
      !(FIELD_COLUMNS as readonly string[]).includes(name) &&
      !INFO_COLUMNS.includes(name) &&
      !/^(condition|exclude)_\d+$/.test(name),
  );
  if (unknown.length > 0) {
    rowErrors.push({ row: 1, errors: unknown.map((name) => `unknown column “${name}”`) });
  }
  const seenHandles = new Map<string, number>();
  const body = table.slice(1);
  if (body.length > MAX_ROWS) {
    rowErrors.push({ row: MAX_ROWS + 2, errors: [`at most ${MAX_ROWS} rows per file`] });
  }
  body.slice(0, MAX_ROWS).forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.every((cell) => cell === "")) return; // blank line
    const get = (name: string) => {
      const at = header.indexOf(name);
      return at >= 0 ? (cells[at] ?? "") : "";
    };
    const errors: string[] = [];
    const title = get("title");
    if (!title) errors.push("title is missing");
    else if (title.length > 255) errors.push("title is longer than 255 characters");
    const handle = (get("handle") || handleFromTitle(title)).toLowerCase();
    if (title && !HANDLE.test(handle)) {
      errors.push(`handle “${handle}” may only hold a–z, 0–9 and dashes`);
    } else if (handle && seenHandles.has(handle)) {
      errors.push(`handle “${handle}” is also on row ${seenHandles.get(handle)}`);
    }
    const sortText = get("sort_order")
      .toUpperCase()
      .replace(/[\s-]+/g, "_");
    const sortOrder = sortText || null;
    if (sortOrder && !(SORT_ORDERS as readonly string[]).includes(sortOrder)) {
      errors.push(`sort_order “${get("sort_order")}” is not one of ${SORT_ORDERS.join(", ")}`);
    }
    const publishedText = get("published").toLowerCase();
    if (!YES.includes(publishedText) && !NO.includes(publishedText)) {
      errors.push(`published “${get("published")}” is not yes or no`);
    }
    const matchText = get("conditions_match").toLowerCase() || "all";
    if (matchText !== "all" && matchText !== "any") {
      errors.push(`conditions_match “${get("conditions_match")}” is not all or any`);
    }
    const inclusion: Record<string, unknown>[] = [];
    const exclusion: Record<string, unknown>[] = [];
    header.forEach((name, at) => {
      const cell = cells[at] ?? "";
      if (!cell) return;
      if (name.startsWith("condition_")) {
        const result = parseInclusionCondition(cell, currency);
        if (result.ok) inclusion.push(result.input);
        else errors.push(`${name}: ${result.error}`);
      } else if (name.startsWith("exclude_")) {
        const result = parseExclusionCondition(cell);
        if (result.ok) exclusion.push(result.input);
        else errors.push(`${name}: ${result.error}`);
      }
    });
    if (inclusion.length + exclusion.length > MAX_CONDITIONS) {
      errors.push(`${inclusion.length + exclusion.length} conditions; at most ${MAX_CONDITIONS}`);
    }
    const productIds: string[] = [];
    for (const token of get("products")
      .split(/[\s,]+/)
      .filter(Boolean)) {
      const match = PRODUCT_ID.exec(token);
      if (match) productIds.push(`gid://shopify/Product/${match[1]}`);
      else errors.push(`products: “${token}” is not a product id`);
    }
    if (productIds.length > 250) errors.push("products: at most 250 per row");
    if (errors.length > 0) {
      rowErrors.push({ row: rowNumber, errors });
      return;
    }
    seenHandles.set(handle, rowNumber);
    const description = get("description");
    const seoTitle = get("seo_title");
    const seoDescription = get("seo_description");
    const hasSource = inclusion.length + exclusion.length + productIds.length > 0;
    rows.push({
      row: rowNumber,
      data: {
        title,
        handle,
        publish: YES.includes(publishedText),
        input: {
          title,
          handle,
          ...(description ? { descriptionHtml: `<p>${escapeHtml(description)}</p>` } : {}),
          ...(seoTitle || seoDescription
            ? { seo: { title: seoTitle || null, description: seoDescription || null } }
            : {}),
          ...(sortOrder ? { sortOrder } : {}),
          ...(hasSource
            ? {
                sources: [
                  {
                    source: {
                      title: SOURCE_TITLE,
                      inclusion: {
                        conditions: inclusion,
                        matchType: matchText === "any" ? "ANY" : "ALL",
                        selections: productIds.map((productId) => ({ productId })),
                      },
                      ...(exclusion.length > 0
                        ? { exclusion: { conditions: exclusion, matchType: "ANY" } }
                        : {}),
                    },
                  },
                ],
              }
            : {}),
        },
      },
    });
  });
  return { rows, rowErrors };
}

/**
 * The plan for creating the valid rows. `takenHandles` are handles already used in the store
 * (checked live): those rows become row errors too.
 */
export function planCreate(parsed: ParsedImport, takenHandles: ReadonlySet<string>): Plan {
  const rowErrors = [...parsed.rowErrors];
  const rows = parsed.rows.filter((row) => {
    if (!takenHandles.has(row.data.handle)) return true;
    rowErrors.push({ row: row.row, errors: [`handle “${row.data.handle}” is already in use`] });
    return false;
  });
  rowErrors.sort((a, b) => a.row - b.row);
  const warnings: PlanWarning[] = [];
  const skipped = rowErrors.filter((e) => e.row > 1).length;
  if (skipped > 0) warnings.push({ code: "skippedRows", vars: { count: skipped } });
  return {
    summary: {
      totals: { adds: 0, removes: 0, creates: rows.length, collections: rows.length },
      collections: [],
      sample: rows.slice(0, 20).map((row) => ({ id: row.data.handle, title: row.data.title })),
      warnings,
      rowErrors,
    },
    items: rows.map((row) => ({
      op: "create" as const,
      collectionId: null,
      productIds: [],
      data: { ...row.data, row: row.row },
    })),
    collectionIds: [],
    totalUnits: rows.length,
  };
}
