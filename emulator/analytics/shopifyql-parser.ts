/**
 * A small ShopifyQL parser for the subset the emulator answers: `FROM <table> SHOW <columns>
 * [TIMESERIES day|week|month] [SINCE <date>] [UNTIL <date>] | [DURING <range>] [ORDER BY <column>
 * [ASC|DESC], ...] [LIMIT <n>]`, in the canonical clause order of the ShopifyQL syntax reference.
 * Other clauses parse as known-but-unsupported and are reported, never silently ignored.
 */
export type DateExpression =
  | { kind: "absolute"; date: string }
  | { kind: "relative"; amount: number; unit: "d" | "w" | "m" | "q" | "y" }
  | { kind: "named"; name: "today" | "yesterday" };

export type TimeGrain = "day" | "week" | "month";

export const DURING_RANGES = [
  "today",
  "yesterday",
  "this_week",
  "last_week",
  "this_month",
  "last_month",
  "this_year",
  "last_year",
] as const;
export type DuringRange = (typeof DURING_RANGES)[number];

export interface ShopifyqlQuery {
  from: string;
  show: string[];
  timeseries: TimeGrain | null;
  since: DateExpression | null;
  until: DateExpression | null;
  during: DuringRange | null;
  orderBy: { column: string; direction: "ASC" | "DESC" }[];
  limit: number | null;
}

export type ParseResult = { ok: true; query: ShopifyqlQuery } | { ok: false; errors: string[] };

/** Canonical clause order; SINCE, UNTIL and DURING share a slot. */
const CLAUSES = [
  "FROM",
  "SHOW",
  "WHERE",
  "GROUP BY",
  "TIMESERIES",
  "WITH",
  "HAVING",
  "SINCE",
  "UNTIL",
  "DURING",
  "COMPARE TO",
  "ORDER BY",
  "LIMIT",
  "VISUALIZE",
] as const;
type Clause = (typeof CLAUSES)[number];
const CLAUSE_RANK: Record<Clause, number> = {
  FROM: 0,
  SHOW: 1,
  WHERE: 2,
  "GROUP BY": 3,
  TIMESERIES: 4,
  WITH: 5,
  HAVING: 6,
  SINCE: 7,
  UNTIL: 8,
  DURING: 7,
  "COMPARE TO": 9,
  "ORDER BY": 10,
  LIMIT: 11,
  VISUALIZE: 12,
};
const UNSUPPORTED: Clause[] = ["WHERE", "GROUP BY", "WITH", "HAVING", "COMPARE TO", "VISUALIZE"];

const TOKEN =
  /\s*('(?:[^'\\]|\\.)*'|-?\d+[dwmqy]\b|\d{4}-\d{2}-\d{2}|\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_.]*|!=|<=|>=|[,()=<>*])/y;

function tokenize(text: string): string[] | string {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(text);
    if (!match) return `Syntax error: unexpected character at position ${position + 1}`;
    tokens.push(match[1]);
    position = TOKEN.lastIndex;
  }
  return tokens;
}

/** Splits tokens into clauses at clause keywords (case-insensitive, two-word ones included). */
function splitClauses(tokens: string[]): { clause: Clause; args: string[] }[] | string {
  const clauses: { clause: Clause; args: string[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const one = tokens[i].toUpperCase();
    const two = `${one} ${(tokens[i + 1] ?? "").toUpperCase()}`;
    if ((CLAUSES as readonly string[]).includes(two)) {
      clauses.push({ clause: two as Clause, args: [] });
      i++;
    } else if ((CLAUSES as readonly string[]).includes(one) && !one.includes(" ")) {
      clauses.push({ clause: one as Clause, args: [] });
    } else if (!clauses.length) {
      return `Syntax error: a query starts with FROM, found '${tokens[i]}'`;
    } else {
      clauses[clauses.length - 1].args.push(tokens[i]);
    }
  }
  return clauses;
}

function parseDate(token: string | undefined): DateExpression | null {
  if (!token) return null;
  const lower = token.toLowerCase();
  if (lower === "today" || lower === "yesterday") return { kind: "named", name: lower };
  const relative = /^-(\d+)([dwmqy])$/.exec(lower);
  if (relative) {
    return { kind: "relative", amount: Number(relative[1]), unit: relative[2] as "d" };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(token)) return { kind: "absolute", date: token };
  return null;
}

/** Comma-separated identifiers ("a, b, c"). */
function parseList(args: string[], clause: string): string[] | string {
  const names: string[] = [];
  for (let i = 0; i < args.length; i += 2) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(args[i])) {
      return `Syntax error in ${clause}: unexpected '${args[i]}'`;
    }
    names.push(args[i]);
    if (i + 1 < args.length && args[i + 1] !== ",") {
      return `Syntax error in ${clause}: expected ',' after '${args[i]}', found '${args[i + 1]}'`;
    }
  }
  if (!names.length || args.at(-1) === ",")
    return `Syntax error: ${clause} needs at least one column`;
  return names;
}

function parseOrderBy(args: string[]): ShopifyqlQuery["orderBy"] | string {
  const result: ShopifyqlQuery["orderBy"] = [];
  let current: string[] = [];
  for (const token of [...args, ","]) {
    if (token !== ",") {
      current.push(token);
      continue;
    }
    const [column, direction = "ASC", ...rest] = current;
    const upper = direction.toUpperCase();
    if (!column || rest.length || (upper !== "ASC" && upper !== "DESC")) {
      return `Syntax error in ORDER BY near '${current.join(" ")}'`;
    }
    result.push({ column, direction: upper });
    current = [];
  }
  return result;
}

export function parseShopifyql(text: string): ParseResult {
  const tokens = tokenize(text);
  if (typeof tokens === "string") return { ok: false, errors: [tokens] };
  const clauses = splitClauses(tokens);
  if (typeof clauses === "string") return { ok: false, errors: [clauses] };
  const errors: string[] = [];
  const query: ShopifyqlQuery = {
    from: "",
    show: [],
    timeseries: null,
    since: null,
    until: null,
    during: null,
    orderBy: [],
    limit: null,
  };
  const seen = new Set<Clause>();
  let lastRank = -1;
  for (const { clause, args } of clauses) {
    if (seen.has(clause)) errors.push(`Syntax error: ${clause} appears more than once`);
    if (CLAUSE_RANK[clause] < lastRank) {
      errors.push(
        `Syntax error: ${clause} is out of order (expected FROM, SHOW, WHERE, GROUP BY, TIMESERIES, WITH, HAVING, SINCE/UNTIL or DURING, COMPARE TO, ORDER BY, LIMIT, VISUALIZE)`,
      );
    }
    seen.add(clause);
    lastRank = Math.max(lastRank, CLAUSE_RANK[clause]);
    if (UNSUPPORTED.includes(clause)) {
      errors.push(`${clause} is not supported by the Merchdesk emulator`);
      continue;
    }
    switch (clause) {
      case "FROM":
        if (args.length !== 1) errors.push("Syntax error: FROM takes exactly one table name");
        else query.from = args[0].toLowerCase();
        break;
      case "SHOW": {
        const names = parseList(args, "SHOW");
        if (typeof names === "string") errors.push(names);
        else query.show = names.map((name) => name.toLowerCase());
        break;
      }
      case "TIMESERIES": {
        const grain = args.length === 1 ? args[0].toLowerCase() : "";
        if (grain === "day" || grain === "week" || grain === "month") query.timeseries = grain;
        else errors.push(`TIMESERIES ${args.join(" ")} is not supported (day, week or month)`);
        break;
      }
      case "SINCE":
      case "UNTIL": {
        const date = args.length === 1 ? parseDate(args[0]) : null;
        if (!date) errors.push(`Syntax error: invalid ${clause} value '${args.join(" ")}'`);
        else if (clause === "SINCE") query.since = date;
        else query.until = date;
        break;
      }
      case "DURING": {
        const range = args.length === 1 ? args[0].toLowerCase() : "";
        if ((DURING_RANGES as readonly string[]).includes(range))
          query.during = range as DuringRange;
        else errors.push(`DURING ${args.join(" ")} is not supported (${DURING_RANGES.join(", ")})`);
        break;
      }
      case "ORDER BY": {
        const orderBy = parseOrderBy(args);
        if (typeof orderBy === "string") errors.push(orderBy);
        else query.orderBy = orderBy;
        break;
      }
      case "LIMIT":
        if (args.length !== 1 || !/^\d+$/.test(args[0]) || Number(args[0]) < 1) {
          errors.push(`Syntax error: LIMIT takes a positive integer`);
        } else query.limit = Number(args[0]);
        break;
    }
  }
  if (!seen.has("FROM")) errors.push("Syntax error: missing FROM clause");
  if (!seen.has("SHOW")) errors.push("Syntax error: missing SHOW clause");
  if (query.during && (query.since || query.until)) {
    errors.push("Syntax error: DURING cannot be combined with SINCE or UNTIL");
  }
  return errors.length ? { ok: false, errors } : { ok: true, query };
}
