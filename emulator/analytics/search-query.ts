import { GraphQLError } from "graphql";
import { isCalendarDate, startOfLocalDay } from "./zoned-time";

/**
 * The Admin API search syntax (`query:` arguments): whitespace = AND, `OR` between groups,
 * `-`/`NOT` negation, `field:value` with `:<`, `:<=`, `:>`, `:>=` comparators and quoted values.
 */
export type Comparator = "=" | "<" | "<=" | ">" | ">=";

export interface SearchTerm {
  /** null for a free-text term. */
  field: string | null;
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** OR of AND-groups. An empty query has no groups and matches everything. */
export interface SearchQuery {
  groups: SearchTerm[][];
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const char of query) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

function parseTerm(token: string, negated: boolean): SearchTerm {
  let text = token;
  if (text.startsWith("-") && text.length > 1) {
    negated = !negated;
    text = text.slice(1);
  }
  const colon = text.indexOf(":");
  if (colon <= 0) return { field: null, comparator: "=", value: text, negated };
  const field = text.slice(0, colon);
  let rest = text.slice(colon + 1);
  let comparator: Comparator = "=";
  for (const candidate of ["<=", ">=", "<", ">"] as const) {
    if (rest.startsWith(candidate)) {
      comparator = candidate;
      rest = rest.slice(candidate.length);
      break;
    }
  }
  return { field, comparator, value: rest, negated };
}

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  const groups: SearchTerm[][] = [];
  let group: SearchTerm[] = [];
  let negateNext = false;
  for (const token of tokenize(query ?? "")) {
    if (token === "OR") {
      if (group.length) groups.push(group);
      group = [];
    } else if (token === "AND") {
      continue;
    } else if (token === "NOT") {
      negateNext = true;
    } else {
      group.push(parseTerm(token, negateNext));
      negateNext = false;
    }
  }
  if (group.length) groups.push(group);
  return { groups };
}

/** Decides one term for one item; return undefined for a field this connection does not emulate. */
export type TermMatcher<T> = (item: T, term: SearchTerm) => boolean | undefined;

/** Compiles a query into a predicate; an unknown filter fails loudly instead of being ignored. */
export function compileSearch<T>(
  query: string | null | undefined,
  connection: string,
  matchTerm: TermMatcher<T>,
): (item: T) => boolean {
  const parsed = parseSearchQuery(query);
  if (!parsed.groups.length) return () => true;
  return (item) =>
    parsed.groups.some((group) =>
      group.every((term) => {
        const matched = matchTerm(item, term);
        if (matched === undefined) {
          throw new GraphQLError(
            `not emulated: ${connection} search filter "${term.field ?? term.value}"`,
            { extensions: { code: "NOT_EMULATED" } },
          );
        }
        return term.negated ? !matched : matched;
      }),
    );
}

export function compareValues(a: number | string, comparator: Comparator, b: number | string) {
  switch (comparator) {
    case "=":
      return a === b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
  }
}

/**
 * Instant (ms) of a time filter value: an ISO timestamp, `now`, or a calendar date, which means
 * the start of that day in the shop's zone.
 */
export function searchTimeValue(value: string, nowMs: number, timeZone: string): number {
  if (value === "now") return nowMs;
  const key = `${timeZone} ${value}`;
  const cached = resolvedTimes.get(key);
  if (cached !== undefined) return cached;
  const ms = parseTimeValue(value, timeZone);
  if (resolvedTimes.size >= 10_000) resolvedTimes.clear();
  resolvedTimes.set(key, ms);
  return ms;
}

/** Resolved filter instants, so a predicate run over many records parses each literal once. */
const resolvedTimes = new Map<string, number>();

function parseTimeValue(value: string, timeZone: string): number {
  if (isCalendarDate(value)) return startOfLocalDay(value, timeZone);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new GraphQLError(`Invalid date value in search query: ${value}`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  return ms;
}

/** Matches a time field against a term (`created_at:>=2026-01-01`). */
export function matchTime(
  instant: string | null,
  term: SearchTerm,
  nowMs: number,
  timeZone: string,
): boolean {
  if (instant === null) return false;
  return compareValues(
    Date.parse(instant),
    term.comparator,
    searchTimeValue(term.value, nowMs, timeZone),
  );
}

/** Numeric part of a GID, for `id:` range filters. */
export function gidNumber(gid: string): number {
  return Number(gid.slice(gid.lastIndexOf("/") + 1));
}

export function matchId(gid: string, term: SearchTerm): boolean {
  const wanted = term.value.includes("/") ? gidNumber(term.value) : Number(term.value);
  return compareValues(gidNumber(gid), term.comparator, wanted);
}

/** Case-insensitive text match; a trailing `*` is a prefix match. */
export function matchText(actual: string | null, term: SearchTerm): boolean {
  if (actual === null) return false;
  const haystack = actual.toLowerCase();
  const needle = term.value.toLowerCase();
  if (needle.endsWith("*")) return haystack.startsWith(needle.slice(0, -1));
  return term.field === null ? haystack.includes(needle) : haystack === needle;
}
