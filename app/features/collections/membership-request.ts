import { z } from "zod";
import { productFilterSchema } from "./product-filter";

/** What the merchant asks for when changing membership in bulk (validated before planning). */
export const collectionGid = z
  .string()
  .regex(/^gid:\/\/shopify\/Collection\/\d+$/, "must be a collection id");
export const productGid = z
  .string()
  .regex(/^gid:\/\/shopify\/Product\/\d+$/, "must be a product id");

export const MAX_COLLECTIONS_PER_CHANGE = 50;
export const MAX_PICKED_PRODUCTS = 5_000;

export const membershipRequestSchema = z.object({
  operation: z.enum(["add", "remove"]),
  collectionIds: z
    .array(collectionGid)
    .min(1, "choose at least one collection")
    .max(MAX_COLLECTIONS_PER_CHANGE)
    .transform((ids) => [...new Set(ids)]),
  products: z.discriminatedUnion("mode", [
    z.object({ mode: z.literal("filter"), filter: productFilterSchema }),
    z.object({
      mode: z.literal("pick"),
      productIds: z
        .array(productGid)
        .min(1, "pick at least one product")
        .max(MAX_PICKED_PRODUCTS)
        .transform((ids) => [...new Set(ids)]),
    }),
  ]),
});

export type MembershipRequest = z.infer<typeof membershipRequestSchema>;

const FILTER_FIELDS = [
  "tag",
  "vendor",
  "productType",
  "title",
  "priceMin",
  "priceMax",
  "inventoryMin",
  "inventoryMax",
  "createdFrom",
  "createdTo",
] as const;

/** The membership form's fields as the request object (empty fields left out). */
export function membershipRequestFromForm(form: FormData): unknown {
  const filter: Record<string, unknown> = {
    status: form.getAll("status").map(String).filter(Boolean),
  };
  for (const name of FILTER_FIELDS) {
    const value = String(form.get(name) ?? "").trim();
    if (value) filter[name] = value;
  }
  const mode = String(form.get("mode") ?? "filter");
  return {
    operation: form.get("operation"),
    collectionIds: form.getAll("collection").map(String),
    products:
      mode === "pick"
        ? { mode, productIds: form.getAll("productId").map(String) }
        : { mode: "filter", filter },
  };
}

/** zod issues as { "products.filter.priceMax": "must not be below…" } for the form. */
export function fieldErrors(issues: readonly { path: (string | number)[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.filter((p) => p !== "products" && p !== "filter").join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
