import type { SearchTerm } from "./search";

/**
 * Value matchers for search terms, by filter type (the "type" column of each connection's filter
 * table: string, id, integer, bigdecimal, time). All string matching is case-insensitive.
 */

function compareOrdered<T>(actual: T, expected: T, term: SearchTerm): boolean {
  switch (term.comparator) {
    case ":":
      return actual === expected;
    case ":<":
      return actual < expected;
    case ":>":
      return actual > expected;
    case ":<=":
      return actual <= expected;
    case ":>=":
      return actual >= expected;
  }
}

/** Whole-value match (tags, vendor, handle, status...): equality, or `value*` prefix. */
export function matchKeyword(values: readonly string[], term: SearchTerm): boolean {
  const expected = term.value.toLowerCase();
  return values.some((raw) => {
    const actual = raw.toLowerCase();
    if (term.prefix && term.comparator === ":") return actual.startsWith(expected);
    return compareOrdered(actual, expected, term);
  });
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Tokenized text match (title, free text): every word of the value must appear as a word of the
 * field, consecutively for a quoted phrase; with `*` the last word may be a prefix.
 * `prefixWords` makes every word a prefix match (the free-text default field).
 */
export function matchWords(
  texts: readonly string[],
  term: SearchTerm,
  prefixWords = false,
): boolean {
  const wanted = words(term.value);
  if (wanted.length === 0) return term.prefix; // `title:*` = has any value
  return texts.some((text) => {
    const have = words(text);
    const wordMatches = (actual: string, index: number): boolean =>
      prefixWords || (term.prefix && index === wanted.length - 1)
        ? actual.startsWith(wanted[index])
        : actual === wanted[index];
    if (term.quoted) {
      for (let start = 0; start + wanted.length <= have.length; start++) {
        if (wanted.every((_, i) => wordMatches(have[start + i], i))) return true;
      }
      return false;
    }
    return wanted.every((_, i) => have.some((actual) => wordMatches(actual, i)));
  });
}

export function matchNumber(values: readonly number[], term: SearchTerm): boolean {
  const expected = Number(term.value);
  if (term.value.trim() === "" || Number.isNaN(expected)) return false;
  return values.some((actual) => compareOrdered(actual, expected, term));
}

/** The numeric tail of a GID (`gid://shopify/Product/123` → 123); NaN when there is none. */
export function numericId(gid: string): number {
  return Number(gid.slice(gid.lastIndexOf("/") + 1));
}

/** `id` filters accept the numeric id or the whole GID. */
export function matchId(gids: readonly string[], term: SearchTerm): boolean {
  const value = term.value.includes("/") ? String(numericId(term.value)) : term.value;
  return matchNumber(gids.map(numericId), value === term.value ? term : { ...term, value });
}

const DAY_MS = 86_400_000;
const RELATIVE_UNITS_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: DAY_MS,
  w: 7 * DAY_MS,
};

/**
 * A time value as the half-open interval it denotes: `'2024'` is that whole year, `'2024-05-01'`
 * that day (UTC), a full timestamp one instant; `now`, `today`, `yesterday` and relative offsets
 * such as `-7d` / `now-7d` (units m, h, d, w) count from the emulator clock.
 */
export function parseTimeRange(value: string, now: Date): { start: number; end: number } | null {
  const text = value.trim().toLowerCase();
  const instant = (ms: number) => ({ start: ms, end: ms + 1 });
  if (text === "now") return instant(now.getTime());
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (text === "today") return { start: dayStart, end: dayStart + DAY_MS };
  if (text === "yesterday") return { start: dayStart - DAY_MS, end: dayStart };
  const relative = /^(?:now)?([+-])(\d+)([mhdw])$/.exec(text);
  if (relative) {
    const sign = relative[1] === "-" ? -1 : 1;
    return instant(now.getTime() + sign * Number(relative[2]) * RELATIVE_UNITS_MS[relative[3]]);
  }
  const year = /^(\d{4})$/.exec(text);
  if (year) {
    const y = Number(year[1]);
    return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2]) - 1];
    return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) };
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const start = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    return { start, end: start + DAY_MS };
  }
  // A timestamp without a zone is read as UTC.
  const hasZone = /(z|[+-]\d{2}:?\d{2})$/.test(text);
  const ms = Date.parse(hasZone ? text.toUpperCase() : `${text.toUpperCase()}Z`);
  return Number.isNaN(ms) ? null : instant(ms);
}

export function matchTime(
  values: readonly (string | null)[],
  term: SearchTerm,
  now: Date,
): boolean {
  const range = parseTimeRange(term.value, now);
  if (!range) return false;
  return values.some((iso) => {
    if (iso === null) return false;
    const t = Date.parse(iso);
    switch (term.comparator) {
      case ":":
        return t >= range.start && t < range.end;
      case ":<":
        return t < range.start;
      case ":<=":
        return t < range.end;
      case ":>":
        return t >= range.end;
      case ":>=":
        return t >= range.start;
    }
  });
}

export function matchBoolean(actual: boolean, term: SearchTerm): boolean {
  const expected = term.value.toLowerCase();
  if (expected !== "true" && expected !== "false") return false;
  return actual === (expected === "true");
}
