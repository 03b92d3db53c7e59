import type { MemberInterval } from "./collection-membership";
import type { DayRange } from "./impact";
import { dayNumber } from "./kpi-day";

/**
 * Which collections may serve as controls for an action that touched some collections (ADR 010,
 * 012). Pure. A control must be untouched: not one of the action's collections, not touched by
 * any other action near the window (its own effect would leak into the counterfactual), and not
 * sharing a product with the touched collections during the window (those products' sales move
 * with the action and would pull the estimate towards zero).
 */

/** How many of the largest eligible collections are passed to the estimator. */
export const CONTROL_COUNT = 3;
/** Another action this close before the window still disqualifies a collection it touched. */
export const CONTROL_QUIET_DAYS = 28;

export interface ActionScope {
  window: DayRange;
  collections: readonly string[];
  products: readonly string[];
}

export function excludedFromControls(
  action: ActionScope,
  others: readonly ActionScope[],
  intervals: readonly MemberInterval[],
): Set<string> {
  const start = dayNumber(action.window.start);
  const end = dayNumber(action.window.end);
  const excluded = new Set(action.collections);
  for (const other of others) {
    const overlaps =
      dayNumber(other.window.start) <= end &&
      dayNumber(other.window.end) >= start - CONTROL_QUIET_DAYS;
    if (overlaps) for (const c of other.collections) excluded.add(c);
  }
  const inWindow = (i: MemberInterval) =>
    (i.from === null || i.from <= end) && (i.to === null || i.to >= start);
  const touchedProducts = new Set(action.products);
  const touched = new Set(action.collections);
  for (const i of intervals) {
    if (touched.has(i.collectionId) && inWindow(i)) touchedProducts.add(i.productId);
  }
  for (const i of intervals) {
    if (touchedProducts.has(i.productId) && inWindow(i)) excluded.add(i.collectionId);
  }
  return excluded;
}
