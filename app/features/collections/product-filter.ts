import { z } from "zod";
import { quoteSearchValue } from "./browse";

/**
 * Choosing products by filter (tag, vendor, type, price range, inventory, status, created date,
 * title) and turning the choice into the Admin API's product search syntax. Pure.
 */
const text = z.string().trim().max(255).optional();
const decimal = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,2})?$/, "must be an amount like 199 or 199.50")
  .optional();
const integer = z.coerce.number().int().min(0).max(1_000_000_000).optional();
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-01-31")
  .optional();
export const PRODUCT_STATUSES = ["ACTIVE", "DRAFT", "ARCHIVED"] as const;

const filterFields = z.object({
  tag: text,
  vendor: text,
  productType: text,
  title: text,
  priceMin: decimal,
  priceMax: decimal,
  inventoryMin: integer,
  inventoryMax: integer,
  status: z.array(z.enum(PRODUCT_STATUSES)).default([]),
  createdFrom: date,
  createdTo: date,
});

export const productFilterSchema = filterFields
  .refine((f) => !f.priceMin || !f.priceMax || Number(f.priceMin) <= Number(f.priceMax), {
    path: ["priceMax"],
    message: "must not be below the lower price",
  })
  .refine(
    (f) => f.inventoryMin == null || f.inventoryMax == null || f.inventoryMin <= f.inventoryMax,
    { path: ["inventoryMax"], message: "must not be below the lower inventory" },
  )
  .refine((f) => !f.createdFrom || !f.createdTo || f.createdFrom <= f.createdTo, {
    path: ["createdTo"],
    message: "must not be before the start date",
  })
  .refine((f) => hasAnyCriterion(f), {
    path: ["tag"],
    message: "set at least one filter",
  });

export type ProductFilter = z.infer<typeof productFilterSchema>;

function hasAnyCriterion(f: z.infer<typeof filterFields>) {
  return (
    [f.tag, f.vendor, f.productType, f.title, f.priceMin, f.priceMax, f.createdFrom, f.createdTo]
      .filter((v) => v !== undefined && v !== "")
      .concat(f.status.length > 0 ? ["status"] : []).length > 0 ||
    f.inventoryMin != null ||
    f.inventoryMax != null
  );
}

/** The `query:` string for `products`. Status is always explicit (the API may default it). */
export function productSearchQuery(filter: ProductFilter): string {
  const terms: string[] = [];
  if (filter.tag) terms.push(`tag:${quoteSearchValue(filter.tag)}`);
  if (filter.vendor) terms.push(`vendor:${quoteSearchValue(filter.vendor)}`);
  if (filter.productType) terms.push(`product_type:${quoteSearchValue(filter.productType)}`);
  if (filter.title) terms.push(`title:${quoteSearchValue(filter.title)}`);
  if (filter.priceMin) terms.push(`price:>=${filter.priceMin}`);
  if (filter.priceMax) terms.push(`price:<=${filter.priceMax}`);
  if (filter.inventoryMin != null) terms.push(`inventory_total:>=${filter.inventoryMin}`);
  if (filter.inventoryMax != null) terms.push(`inventory_total:<=${filter.inventoryMax}`);
  if (filter.createdFrom) terms.push(`created_at:>='${filter.createdFrom}T00:00:00Z'`);
  if (filter.createdTo) terms.push(`created_at:<='${filter.createdTo}T23:59:59Z'`);
  const statuses = filter.status.length > 0 ? filter.status : PRODUCT_STATUSES;
  terms.push(`status:${statuses.map((s) => s.toLowerCase()).join(",")}`);
  return terms.join(" ");
}

/** The numeric part of a GID (search filters such as `collection_id:` take it). */
export function numericIdOf(gid: string): string {
  const match = /\/(\d+)$/.exec(gid);
  if (!match) throw new Error(`not an Admin API GID: ${gid}`);
  return match[1]!;
}

/** A query matching exactly the given products (for explicit picks), in groups the API accepts. */
export function productIdsQuery(productIds: readonly string[]): string {
  return `(${productIds.map((id) => `id:${numericIdOf(id)}`).join(" OR ")})`;
}
