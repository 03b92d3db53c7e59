import { z } from "zod";
import { KPI_NAMES } from "./action-input";

/** The insights page's URL parameters (bad values fall back to the defaults). */
export const RANGES = ["30", "90", "365", "1095"] as const;
export const COMPARES = ["none", "previous", "year"] as const;

export const pageParams = z.object({
  kpi: z.enum(KPI_NAMES).catch("net_sales"),
  range: z.enum(RANGES).catch("90"),
  compare: z.enum(COMPARES).catch("previous"),
});
export type PageParams = z.infer<typeof pageParams>;
