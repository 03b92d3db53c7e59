import { z } from "zod";
import { KPI_NAMES } from "./action-input";
import { COLLECTION_KPI } from "./effect-series";

/** The insights page's URL parameters (bad values fall back to the defaults). */
export const RANGES = ["30", "90", "365", "1095"] as const;
export const COMPARES = ["none", "previous", "year"] as const;
/** The chart's KPIs: the shop's, and the net sales of one collection (`collection`). */
export const PAGE_KPIS = [...KPI_NAMES, COLLECTION_KPI] as const;
export const DEFAULT_RANGE = "90";

export const pageParams = z.object({
  kpi: z.enum(PAGE_KPIS).catch("net_sales"),
  /** Numeric id of the collection for the collection KPI. */
  collection: z
    .string()
    .regex(/^\d{1,20}$/)
    .optional()
    .catch(undefined),
  /** Absent: 90 days, or the period around the focused action. */
  range: z.enum(RANGES).optional().catch(undefined),
  compare: z.enum(COMPARES).catch("previous"),
  /** An action to focus (a link from a capability's history). */
  action: z.string().uuid().optional().catch(undefined),
});
export type PageParams = z.infer<typeof pageParams>;
export type PageKpi = PageParams["kpi"];

/** The shortest period that shows a week before the action's window starts (at most 3 years). */
export function rangeAround(windowStartDay: number, today: number): (typeof RANGES)[number] {
  const needed = today - windowStartDay + 8;
  return RANGES.find((r) => Number(r) >= needed) ?? "1095";
}
