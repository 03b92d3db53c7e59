/**
 * Calendar days in the shop's IANA time zone. Analytics buckets orders by the shop's local day, so
 * "2026-10-01" in Europe/Stockholm starts at 2026-09-30T22:00:00Z.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Local wall-clock fields (year, month 1-12, day, hour, minute, second) of an instant. */
export function wallClockParts(instantMs: number, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts;
}

/** Offset of the zone from UTC at an instant, in milliseconds (Stockholm in summer: +7_200_000). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = wallClockParts(instantMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(instantMs: number, timeZone: string): string {
  const p = wallClockParts(instantMs, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The UTC instant (ms) at which a local calendar date begins in the zone. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [year, month, day] = date.split("-").map(Number);
  const wallMidnight = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when midnight sits next to a DST change.
  let guess = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  guess = wallMidnight - zoneOffsetMs(guess, timeZone);
  return guess;
}

/** Calendar arithmetic on YYYY-MM-DD strings (no zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, lastDay)))
    .toISOString()
    .slice(0, 10);
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return addDays(text, 0) === text;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
