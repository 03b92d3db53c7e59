import type { Collection, SeededAction } from "../store/types";
import { localDay, type LocalDay } from "./calendar";
import { SEEDED_COLLECTION_HANDLES } from "./collections";
import type { ConversionMultiplier } from "./demand";

/**
 * Past merchant actions planted in the demo store, with their TRUE effect. The order and traffic
 * generator multiplies the day's conversion rate by (1 + lift) on every local day inside
 * [startedAt, endedAt); sessions and basket composition are untouched, so orders, conversion rate
 * and net sales all move by the same relative amount in expectation. These are the ground truth
 * for the app's impact estimates:
 *
 * 1. collection_change  "Höstfavoriter" re-curated (new autumn jackets, manual order):
 *    conversion +8 % for 21 days, starting ~150 days before the seed's `now`.
 * 2. homepage_campaign  "Fjällveckan" home-page campaign: orders +12 % for 14 days, starting
 *    ~40 days before `now` (inside the 60-day window readable without read_all_orders).
 * 3. collection_change  "Sovsäckar & liggunderlag" re-sorted by best selling: no effect at all,
 *    14 days, starting ~260 days before `now`.
 *
 * Windows start on a Monday at local midnight and cover whole weeks, never overlap each other and
 * stay clear of Black Week and Christmas (Nov 10 - Jan 10), so the effect is the only thing that
 * differs from the surrounding weeks apart from ordinary seasonality and noise.
 */

interface ActionBlueprint {
  id: string;
  title: string;
  kind: SeededAction["kind"];
  collectionHandle: string;
  daysBeforeNow: number;
  lengthDays: number;
  conversionLift: number;
}

const BLUEPRINTS: ActionBlueprint[] = [
  {
    id: "seeded-autumn-favourites",
    title: "Höstfavoriter: nya höstjackor och manuell sortering",
    kind: "collection_change",
    collectionHandle: SEEDED_COLLECTION_HANDLES.autumnFavourites,
    daysBeforeNow: 150,
    lengthDays: 21,
    conversionLift: 0.08,
  },
  {
    id: "seeded-fjallveckan-campaign",
    title: "Hemsidekampanj: Fjällveckan",
    kind: "homepage_campaign",
    collectionHandle: SEEDED_COLLECTION_HANDLES.campaignWeek,
    daysBeforeNow: 40,
    lengthDays: 14,
    conversionLift: 0.12,
  },
  {
    id: "seeded-sleeping-gear-sort",
    title: "Sovsäckar & liggunderlag sorteras efter bäst säljande",
    kind: "collection_change",
    collectionHandle: SEEDED_COLLECTION_HANDLES.sleepingGear,
    daysBeforeNow: 260,
    lengthDays: 14,
    conversionLift: 0,
  },
];

export interface PlannedAction {
  action: SeededAction;
  start: LocalDay;
  end: LocalDay;
  conversionLift: number;
}

function inPeakSeason(day: LocalDay): boolean {
  return (
    (day.month0 === 10 && day.day >= 10) || day.month0 === 11 || (day.month0 === 0 && day.day <= 10)
  );
}

function windowDays(zone: string, start: LocalDay, lengthDays: number): LocalDay[] {
  const days: LocalDay[] = [];
  for (let i = 0; i < lengthDays; i++)
    days.push(localDay(zone, start.year, start.month0, start.day + i));
  return days;
}

/**
 * Places the seeded actions relative to `today` (the seed's local day of `now`). An action that
 * would touch the peak season or another action moves back a week at a time.
 */
export function planSeededActions(
  zone: string,
  today: LocalDay,
  firstDay: LocalDay,
  collectionsByHandle: ReadonlyMap<string, Collection>,
): PlannedAction[] {
  const planned: PlannedAction[] = [];
  const taken: [number, number][] = [];
  for (const blueprint of BLUEPRINTS) {
    let start = localDay(zone, today.year, today.month0, today.day - blueprint.daysBeforeNow);
    // Back to Monday, so the window holds whole weeks.
    start = localDay(zone, start.year, start.month0, start.day - ((start.weekday + 6) % 7));
    for (let attempt = 0; attempt < 60; attempt++) {
      const days = windowDays(zone, start, blueprint.lengthDays);
      const end = localDay(zone, start.year, start.month0, start.day + blueprint.lengthDays);
      const clash =
        days.some(inPeakSeason) ||
        taken.some(
          ([a, b]) => start.startMs < b + 14 * 86_400_000 && end.startMs + 14 * 86_400_000 > a,
        );
      if (!clash) break;
      start = localDay(zone, start.year, start.month0, start.day - 7);
    }
    if (start.startMs < firstDay.startMs + 56 * 86_400_000) continue; // no baseline before it
    const end = localDay(zone, start.year, start.month0, start.day + blueprint.lengthDays);
    taken.push([start.startMs, end.startMs]);
    const collection = collectionsByHandle.get(blueprint.collectionHandle);
    const lift = blueprint.conversionLift;
    planned.push({
      start,
      end,
      conversionLift: lift,
      action: {
        id: blueprint.id,
        title: blueprint.title,
        kind: blueprint.kind,
        startedAt: new Date(start.startMs).toISOString(),
        endedAt: new Date(end.startMs).toISOString(),
        collectionIds: collection ? [collection.id] : [],
        trueLift: { conversion_rate: lift, orders: lift, net_sales: lift, sessions: 0 },
      },
    });
  }
  return planned.sort((a, b) => a.start.startMs - b.start.startMs);
}

/** The conversion multiplier the planned actions give a day (1 outside every window). */
export function actionMultiplier(planned: readonly PlannedAction[]): ConversionMultiplier {
  return (day) => {
    let m = 1;
    for (const p of planned) {
      if (day.startMs >= p.start.startMs && day.startMs < p.end.startMs) m *= 1 + p.conversionLift;
    }
    return m;
  };
}
