import { z } from "zod";

/**
 * What a capability (or the merchant) records about an action. Validated before it is stored, so
 * every writer gets the same rules and clear errors.
 */
const gid = z.string().regex(/^gid:\/\/shopify\/[A-Za-z]+\/\d+$/, "must be an Admin API GID");

export const KPI_NAMES = [
  "net_sales",
  "orders",
  "average_order_value",
  "units",
  "sessions",
  "conversion_rate",
] as const;

export const actionInputSchema = z
  .object({
    source: z.enum(["MERCHDESK", "MANUAL", "EXTERNAL"]),
    kind: z.string().regex(/^[a-z_]+(\.[a-z_]+)*$/, "must look like capability.verb"),
    title: z.string().trim().min(1, "is required").max(255),
    note: z.string().max(2000).nullish(),
    category: z.string().max(64).nullish(),
    startedAt: z.coerce.date(),
    endedAt: z.coerce.date().nullish(),
    actor: z.string().max(255).nullish(),
    outcome: z.enum(["SUCCEEDED", "PARTIAL", "FAILED"]).default("SUCCEEDED"),
    detailsPath: z
      .string()
      .regex(/^\/app\//, "must be an in-app path")
      .nullish(),
    expected: z
      .object({
        kpi: z.enum(KPI_NAMES),
        direction: z.enum(["increase", "decrease"]),
        /** Relative size: 0.05 = 5 %. */
        size: z.number().positive().max(10).nullish(),
      })
      .nullish(),
    externalKey: z.string().min(1).max(255).nullish(),
    touched: z
      .object({
        collections: z.array(gid).default([]),
        products: z.array(gid).default([]),
        themes: z.array(gid).default([]),
        discounts: z.array(gid).default([]),
        campaigns: z.array(z.string().min(1)).default([]),
      })
      .default({}),
  })
  .refine((input) => !input.endedAt || input.endedAt >= input.startedAt, {
    path: ["endedAt"],
    message: "must not be before startedAt",
  });

export type ActionInput = z.input<typeof actionInputSchema>;
export type ValidActionInput = z.output<typeof actionInputSchema>;

/** The resources an action touched, as (type, id) rows. */
export function touchedResources(touched: ValidActionInput["touched"]) {
  return [
    ...touched.collections.map((resourceId) => ({ type: "COLLECTION" as const, resourceId })),
    ...touched.products.map((resourceId) => ({ type: "PRODUCT" as const, resourceId })),
    ...touched.themes.map((resourceId) => ({ type: "THEME" as const, resourceId })),
    ...touched.discounts.map((resourceId) => ({ type: "DISCOUNT" as const, resourceId })),
    ...touched.campaigns.map((resourceId) => ({ type: "CAMPAIGN" as const, resourceId })),
  ];
}
