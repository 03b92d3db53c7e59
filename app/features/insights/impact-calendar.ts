/**
 * Calendar arithmetic for the impact estimator: ISO dates as whole day numbers (days since
 * 1970-01-01, no time zones — KPIs are already bucketed by the shop's local day) and the retail
 * calendar the estimator controls for (Black Week, Christmas, mellandagsrea, Easter, Midsummer).
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 of a `YYYY-MM-DD` date, or null when it is not a real date. */
export function parseIsoDay(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function formatIsoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function dayNumberOf(year: number, month0: number, day: number): number {
  return Math.round(Date.UTC(year, month0, day) / DAY_MS);
}

/** Black Friday: the day after the fourth Thursday of November. */
export function blackFriday(year: number): number {
  const nov1 = dayNumberOf(year, 10, 1);
  const firstThursday = nov1 + ((4 - weekdayOf(nov1) + 7) % 7);
  return firstThursday + 21 + 1;
}

/** Easter Sunday (Gregorian computus, the anonymous algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month - 1, day);
}

/** Swedish Midsummer Eve: the Friday between 19 and 25 June. */
export function midsummerEve(year: number): number {
  const june19 = dayNumberOf(year, 5, 19);
  return june19 + ((5 - weekdayOf(june19) + 7) % 7);
}

/**
 * Retail-calendar day types. Each day belongs to at most one; the estimator gives each type its
 * own effect, learnt from earlier occurrences, so a type never seen before the window cannot be
 * accounted for.
 */
export const HOLIDAY_TYPES = [
  "black-week",
  "black-friday",
  "black-weekend",
  "cyber-monday",
  "christmas-shopping",
  "christmas-last-orders",
  "christmas-eve",
  "christmas-day",
  "boxing-day",
  "mellandagsrea",
  "new-years-eve",
  "new-years-day",
  "january-sale",
  "easter",
  "ascension-day",
  "midsummer",
] as const;

export type HolidayType = (typeof HOLIDAY_TYPES)[number];

/** Merchant-facing names (English; the UI translates by type). */
export const HOLIDAY_NAMES: Record<HolidayType, string> = {
  "black-week": "Black Week",
  "black-friday": "Black Friday",
  "black-weekend": "the Black Friday weekend",
  "cyber-monday": "Cyber Monday",
  "christmas-shopping": "the Christmas shopping season",
  "christmas-last-orders": "the last days to order before Christmas",
  "christmas-eve": "Christmas Eve",
  "christmas-day": "Christmas Day",
  "boxing-day": "Boxing Day",
  mellandagsrea: "the mellandagsrea sales",
  "new-years-eve": "New Year's Eve",
  "new-years-day": "New Year's Day",
  "january-sale": "the January sales",
  easter: "Easter",
  "ascension-day": "Ascension Day",
  midsummer: "Midsummer",
};

/** The retail-calendar type of a day, or null for an ordinary day. Black Week wins over December. */
export function holidayOf(dayNumber: number): HolidayType | null {
  const date = new Date(dayNumber * DAY_MS);
  const year = date.getUTCFullYear();
  const month0 = date.getUTCMonth();
  const day = date.getUTCDate();

  if (month0 === 10 || month0 === 11) {
    const fromBlackFriday = dayNumber - blackFriday(year);
    if (fromBlackFriday >= -4 && fromBlackFriday <= -1) return "black-week";
    if (fromBlackFriday === 0) return "black-friday";
    if (fromBlackFriday === 1 || fromBlackFriday === 2) return "black-weekend";
    if (fromBlackFriday === 3) return "cyber-monday";
  }
  if (month0 === 11) {
    if (day <= 18) return "christmas-shopping";
    if (day <= 23) return "christmas-last-orders";
    if (day === 24) return "christmas-eve";
    if (day === 25) return "christmas-day";
    if (day === 26) return "boxing-day";
    if (day <= 30) return "mellandagsrea";
    return "new-years-eve";
  }
  if (month0 === 0) {
    if (day === 1) return "new-years-day";
    if (day <= 6) return "january-sale";
    return null;
  }
  if (month0 >= 2 && month0 <= 5) {
    const fromEaster = dayNumber - easterSunday(year);
    if (fromEaster >= -2 && fromEaster <= 1) return "easter";
    if (fromEaster === 39) return "ascension-day";
  }
  if (month0 === 5) {
    const fromEve = dayNumber - midsummerEve(year);
    if (fromEve === 0 || fromEve === 1) return "midsummer";
  }
  return null;
}
