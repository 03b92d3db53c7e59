/**
 * Calendar days in the shop's IANA time zone, without a date library.
 *
 * A day is held as a "day number": days since 1970-01-01 of the *local* calendar date, so
 * arithmetic on days is plain integer arithmetic and the zone matters only when an instant is
 * mapped to its day or a day to the instant it starts. Those two mappings use `Intl` (the only
 * source of zone rules in the runtime) and are cached per local day, so a million lookups cost a
 * few hundred `Intl` calls. Day boundaries are exact on DST days (23- and 25-hour days), in zones
 * with half- and quarter-hour offsets, and when a zone skips midnight.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Zone offsets stay within ±14 h (+ a DST hour); search windows are wider than that. */
const SEARCH_SPAN_MS = 26 * HOUR_MS;
const DAY_KEY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" of a day number. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of "YYYY-MM-DD"; throws on anything that is not a real calendar date. */
export function dayNumber(key: string): number {
  const match = DAY_KEY_PATTERN.exec(key);
  if (!match) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${key}`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  if (dayKey(day) !== key) throw new RangeError(`not a calendar date: ${key}`);
  return day;
}

/** Every day key from `fromKey` through `toKey`, inclusive (empty when from > to). */
export function dayKeysBetween(fromKey: string, toKey: string): string[] {
  const keys: string[] = [];
  for (let day = dayNumber(fromKey), last = dayNumber(toKey); day <= last; day++) {
    keys.push(dayKey(day));
  }
  return keys;
}

interface DayRecord {
  day: number;
  /** First instant (UTC ms) of the local day, inclusive. */
  start: number;
  /** First instant of the next local day, exclusive. */
  end: number;
}

/** Maps instants to local days and back for one IANA zone. Not shared across zones. */
export class ShopDayClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly byDay = new Map<number, DayRecord>();
  private last: DayRecord = { day: 0, start: 0, end: 0 };
  private lastOffset = 0;

  /** Throws RangeError for a zone the runtime does not know. */
  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    this.timeZone = this.format.resolvedOptions().timeZone;
  }

  /** Local day number of an instant (UTC ms). */
  dayOf(instantMs: number): number {
    let record = this.last;
    if (instantMs >= record.start && instantMs < record.end) return record.day;
    if (!Number.isFinite(instantMs)) throw new RangeError(`not an instant: ${instantMs}`);
    // Guess with the offset of the last day used (right unless an offset change lies between),
    // then walk to the neighbour; only days never seen before cost Intl calls.
    record = this.record(Math.floor((instantMs + this.lastOffset) / DAY_MS));
    while (instantMs < record.start) record = this.record(record.day - 1);
    while (instantMs >= record.end) record = this.record(record.day + 1);
    this.last = record;
    this.lastOffset = record.day * DAY_MS - record.start;
    return record.day;
  }

  /** "YYYY-MM-DD" of an instant in the shop's zone. */
  dayKeyOf(instantMs: number): string {
    return dayKey(this.dayOf(instantMs));
  }

  /** The UTC instants bounding a local day: [startMs, endMs). */
  bounds(day: number): { startMs: number; endMs: number } {
    const record = this.record(day);
    return { startMs: record.start, endMs: record.end };
  }

  /** Offset of local wall time from UTC at an instant, in ms (Stockholm in July: +7_200_000). */
  offsetMs(instantMs: number): number {
    const wholeSecond = Math.floor(instantMs / 1000) * 1000;
    return this.wallClockAsUtc(wholeSecond) - wholeSecond;
  }

  private record(day: number): DayRecord {
    let record = this.byDay.get(day);
    if (record === undefined) {
      record = { day, start: this.startOfDay(day), end: this.startOfDay(day + 1) };
      this.byDay.set(day, record);
    }
    return record;
  }

  private wallClockAsUtc(instantMs: number): number {
    let year = 0;
    let month = 0;
    let dayOfMonth = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const part of this.format.formatToParts(instantMs)) {
      if (part.type === "year") year = Number(part.value);
      else if (part.type === "month") month = Number(part.value);
      else if (part.type === "day") dayOfMonth = Number(part.value);
      else if (part.type === "hour") hour = Number(part.value);
      else if (part.type === "minute") minute = Number(part.value);
      else if (part.type === "second") second = Number(part.value);
    }
    return Date.UTC(year, month - 1, dayOfMonth, hour, minute, second);
  }

  private intlDay(instantMs: number): number {
    return Math.floor(this.wallClockAsUtc(instantMs) / DAY_MS);
  }

  /** True when `instant` is the first millisecond of local day `day`. */
  private startsDay(instant: number, day: number): boolean {
    return this.intlDay(instant) === day && this.intlDay(instant - 1) < day;
  }

  /**
   * First instant whose local date is `day`. Usually local midnight minus the offset in force
   * then (tried with the offsets around it); when midnight does not exist or is ambiguous the
   * candidates fail the check and a binary search over instants finds the exact start.
   */
  private startOfDay(day: number): number {
    const wallMidnight = day * DAY_MS;
    const first = wallMidnight - this.offsetMs(wallMidnight);
    const second = wallMidnight - this.offsetMs(first);
    let best = Infinity;
    if (this.startsDay(first, day)) best = first;
    if (second < best && this.startsDay(second, day)) best = second;
    if (best !== Infinity) return best;
    let low = wallMidnight - SEARCH_SPAN_MS; // local date is before `day`
    let high = wallMidnight + SEARCH_SPAN_MS; // local date is `day` or later
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (this.intlDay(mid) >= day) high = mid;
      else low = mid;
    }
    return high;
  }
}

/**
 * Parses an ISO-8601 instant as the Admin API prints it ("2026-03-29T00:30:00Z", with optional
 * fraction or numeric offset). Returns NaN for anything else, including a missing offset: a
 * local time without a zone cannot be placed on a day.
 */
export function parseInstant(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return NaN;
  return Date.parse(text);
}
