/**
 * Calendar days in the shop's time zone. Shopify reports (and the app's KPIs) bucket by the shop's
 * local day, so the seed generates orders and traffic per local day and needs each day's UTC
 * bounds, including the 23- and 25-hour days around daylight-saving changes.
 */

import { localDate, wallClockParts, zoneOffsetMs as offsetAt } from "../analytics/zoned-time";

const DAY_MS = 86_400_000;

/** Offset of `zone` from UTC at an instant, in ms (Stockholm: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(zone: string, ms: number): number {
  return offsetAt(ms, zone);
}

/** The UTC instant of local midnight starting the given local date. */
export function localMidnightMs(zone: string, year: number, month0: number, day: number): number {
  const wall = Date.UTC(year, month0, day);
  let guess = wall - zoneOffsetMs(zone, wall);
  // A second pass settles the guess when the offset differs on either side of the instant.
  guess = wall - zoneOffsetMs(zone, guess);
  return guess;
}

/** YYYY-MM-DD of an instant in `zone`. */
export function localDateString(zone: string, ms: number): string {
  return localDate(ms, zone);
}

function isoDate(year: number, month0: number, day: number): string {
  return `${year}-${String(month0 + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export interface LocalDay {
  /** YYYY-MM-DD in the shop's zone. */
  date: string;
  year: number;
  month0: number;
  day: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** UTC bounds of the local day: [startMs, endMs). */
  startMs: number;
  endMs: number;
}

export function localDay(zone: string, year: number, month0: number, day: number): LocalDay {
  const civil = new Date(Date.UTC(year, month0, day));
  const y = civil.getUTCFullYear();
  const m = civil.getUTCMonth();
  const d = civil.getUTCDate();
  const next = new Date(Date.UTC(y, m, d + 1));
  return {
    date: isoDate(y, m, d),
    year: y,
    month0: m,
    day: d,
    weekday: civil.getUTCDay(),
    startMs: localMidnightMs(zone, y, m, d),
    endMs: localMidnightMs(zone, next.getUTCFullYear(), next.getUTCMonth(), next.getUTCDate()),
  };
}

/** The local day containing an instant. */
export function localDayOf(zone: string, ms: number): LocalDay {
  const w = wallClockParts(ms, zone);
  return localDay(zone, w.year, w.month - 1, w.day);
}

/** Every local day from the one containing `fromMs` through the one containing `toMs`. */
export function localDaysBetween(zone: string, fromMs: number, toMs: number): LocalDay[] {
  const days: LocalDay[] = [];
  let day = localDayOf(zone, fromMs);
  while (day.startMs <= toMs) {
    days.push(day);
    day = localDay(zone, day.year, day.month0, day.day + 1);
  }
  return days;
}

/** Black Friday: the Friday after the fourth Thursday of November (Swedish retail follows it). */
export function blackFridayDate(year: number): { month0: number; day: number } {
  const nov1 = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - nov1 + 7) % 7);
  return { month0: 10, day: firstThursday + 21 + 1 };
}

/** Whole days from local day `a` to local day `b` (calendar arithmetic, DST-proof). */
export function daysApart(a: LocalDay, b: LocalDay): number {
  return Math.round(
    (Date.UTC(b.year, b.month0, b.day) - Date.UTC(a.year, a.month0, a.day)) / DAY_MS,
  );
}

export { DAY_MS };
