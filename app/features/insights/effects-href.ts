/**
 * The link from any capability's history to an action's effects: the insights page focused on
 * that action (its period, its row highlighted with the estimate per KPI).
 */
export function effectsHref(actionId: string): string {
  return `/app/insights?action=${encodeURIComponent(actionId)}`;
}
