import type { enInsights } from "./en-insights";

/** Swedish UI strings: insights (every key of the English part). */
export const svInsights: Record<keyof typeof enInsights, string> = {
  "insights.title": "Insikter",
  "insights.orders30": "{count} ordrar de senaste 30 dagarna",
  "insights.next":
    "KPI-tidslinjen med dina åtgärder och en ärlig effektuppskattning byggs för den här delen.",
};
