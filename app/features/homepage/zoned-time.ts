/**
 * Wall-clock times in a shop's IANA zone <-> UTC instants, with daylight-saving transitions
 * resolved deliberately (Intl only, no tz library):
 * - a local time that does not exist (clocks jump forward, e.g. 02:30 on the last Sunday of March
 *   in Europe/Stockholm) moves forward by the jump (→ 03:30 summer time), and says so;
 * - a local time that exists twice (clocks go back, e.g. 02:30 on the last Sunday of October)
 *   means the first occurrence (summer time), and says so.
 */

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

export type DstAdjustment = "none" | "skipped-forward" | "ambiguous-first";

export interface ResolvedInstant {
  instant: Date;
  adjustment: DstAdjustment;
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Parses "YYYY-MM-DDTHH:mm" (what a datetime-local input sends); null when malformed. */
export function parseLocal(text: string): LocalDateTime | null {
  const match = LOCAL_PATTERN.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const probe = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return null;
  }
  return { year, month, day, hour, minute };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function formatLocal(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isValidZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `zone` at `instant` (seconds dropped). */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
  };
}

/** Offset of `zone` from UTC at `instant`, in minutes (e.g. +60 for CET). */
export function offsetMinutes(instant: Date, zone: string): number {
  const local = toLocal(instant, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const truncated = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - truncated) / 60_000);
}

function sameLocal(a: LocalDateTime, b: LocalDateTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}

/** The UTC instant of a wall-clock time in `zone`, resolving DST gaps and overlaps (see above). */
export function fromLocal(local: LocalDateTime, zone: string): ResolvedInstant {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Offsets in force a day either side cover every transition rule in the tz database.
  const candidates = new Set<number>();
  for (const probe of [naive - 86_400_000, naive, naive + 86_400_000]) {
    candidates.add(offsetMinutes(new Date(probe), zone));
  }
  const matches = [...candidates]
    .map((offset) => naive - offset * 60_000)
    .filter((ms) => sameLocal(toLocal(new Date(ms), zone), local))
    .sort((a, b) => a - b);
  if (matches.length > 0) {
    return {
      instant: new Date(matches[0]!),
      adjustment: matches.length > 1 ? "ambiguous-first" : "none",
    };
  }
  // In a gap: use the offset before the jump, which lands after it by the jump's size.
  const before = offsetMinutes(new Date(naive - 86_400_000), zone);
  return { instant: new Date(naive - before * 60_000), adjustment: "skipped-forward" };
}
