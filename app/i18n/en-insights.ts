/** English UI strings: insights. */
export const enInsights = {
  "insights.title": "Insights",
  "insights.orders30": "{count} orders in the last 30 days",
  "insights.next":
    "The KPI timeline with your actions and an honest impact estimate is being built for this section.",
} as const;
