/**
 * Shopify's API search syntax (shopify.dev "Shopify API search syntax"): terms separated by
 * whitespace (implicit AND), explicit AND / OR, NOT and `-` modifiers, parentheses, `field:value`
 * with the comparators `:` `:<` `:>` `:<=` `:>=`, single- or double-quoted values, backslash
 * escapes for the special characters `: \ ( )`, and a trailing `*` for prefix queries.
 *
 * The grammar does not state precedence; like most boolean query languages AND binds tighter than
 * OR here (`a OR b c` = `a OR (b AND c)`). Syntax errors are tolerated the way a search box is: a
 * stray `)` is skipped and a missing one is implied.
 */

export type Comparator = ":" | ":<" | ":>" | ":<=" | ":>=";

export interface SearchTerm {
  kind: "term";
  /** Lower-cased filter name; null for free text (the connection's `default` field). */
  field: string | null;
  comparator: Comparator;
  value: string;
  quoted: boolean;
  /** Unquoted value that ended with `*`: match values starting with `value`. */
  prefix: boolean;
}

export type SearchNode =
  | SearchTerm
  | { kind: "and"; children: SearchNode[] }
  | { kind: "or"; children: SearchNode[] }
  | { kind: "not"; child: SearchNode }
  | { kind: "all" };

const WHITESPACE = /\s/;

class Cursor {
  index = 0;
  constructor(readonly text: string) {}
  peek(offset = 0): string {
    return this.text[this.index + offset] ?? "";
  }
  atEnd(): boolean {
    return this.index >= this.text.length;
  }
  skipWhitespace(): void {
    while (!this.atEnd() && WHITESPACE.test(this.peek())) this.index++;
  }
  /** True when `word` starts here and is followed by whitespace (or, if allowed, the end). */
  startsWord(word: string, allowEnd: boolean): boolean {
    if (!this.text.startsWith(word, this.index)) return false;
    const after = this.text[this.index + word.length];
    return after === undefined ? allowEnd : WHITESPACE.test(after);
  }
}

export function parseSearchQuery(query: string): SearchNode {
  const cursor = new Cursor(query);
  const node = parseDisjunction(cursor, false);
  return node;
}

function parseDisjunction(cursor: Cursor, nested: boolean): SearchNode {
  const groups: SearchNode[][] = [[]];
  for (;;) {
    cursor.skipWhitespace();
    if (cursor.atEnd()) break;
    if (cursor.peek() === ")") {
      cursor.index++;
      if (nested) break;
      continue; // stray ")" at top level
    }
    if (cursor.startsWord("OR", false)) {
      cursor.index += 2;
      groups.push([]);
      continue;
    }
    if (cursor.startsWord("AND", false)) {
      cursor.index += 3;
      continue;
    }
    const term = parseTerm(cursor);
    if (term) groups.at(-1)!.push(term);
  }
  const conjunctions = groups
    .filter((group) => group.length > 0)
    .map((group): SearchNode => (group.length === 1 ? group[0] : { kind: "and", children: group }));
  if (conjunctions.length === 0) return { kind: "all" };
  return conjunctions.length === 1 ? conjunctions[0] : { kind: "or", children: conjunctions };
}

function parseTerm(cursor: Cursor): SearchNode | null {
  let negated = false;
  if (cursor.peek() === "-" && cursor.peek(1) !== "" && !WHITESPACE.test(cursor.peek(1))) {
    cursor.index++;
    negated = true;
  } else if (cursor.startsWord("NOT", false)) {
    cursor.index += 3;
    cursor.skipWhitespace();
    negated = true;
  }
  let node: SearchNode | null;
  if (cursor.peek() === "(") {
    cursor.index++;
    node = parseDisjunction(cursor, true);
  } else {
    node = parseFieldOrValue(cursor);
  }
  if (!node) return null;
  return negated ? { kind: "not", child: node } : node;
}

function parseFieldOrValue(cursor: Cursor): SearchTerm | null {
  if (cursor.peek() === "'" || cursor.peek() === '"') {
    const value = readQuoted(cursor);
    return { kind: "term", field: null, comparator: ":", value, quoted: true, prefix: false };
  }
  const name = readBare(cursor, true);
  if (cursor.peek() !== ":") {
    if (!name.text) {
      cursor.index++; // a lone special character: skip it rather than loop
      return null;
    }
    return bareTerm(null, ":", name);
  }
  cursor.index++;
  let comparator: Comparator = ":";
  for (const candidate of ["<=", ">=", "<", ">"] as const) {
    if (cursor.text.startsWith(candidate, cursor.index)) {
      comparator = `:${candidate}`;
      cursor.index += candidate.length;
      break;
    }
  }
  const field = name.text.toLowerCase();
  if (cursor.peek() === "'" || cursor.peek() === '"') {
    const value = readQuoted(cursor);
    return { kind: "term", field, comparator, value, quoted: true, prefix: false };
  }
  return bareTerm(field, comparator, readBare(cursor, false));
}

function bareTerm(
  field: string | null,
  comparator: Comparator,
  bare: { text: string; escapedStar: boolean },
): SearchTerm {
  const prefix = bare.text.endsWith("*") && !bare.escapedStar;
  const value = prefix ? bare.text.slice(0, -1) : bare.text;
  return { kind: "term", field, comparator, value, quoted: false, prefix };
}

/** Reads an unquoted name or value; `stopAtColon` while the token may still be a field name. */
function readBare(cursor: Cursor, stopAtColon: boolean): { text: string; escapedStar: boolean } {
  let text = "";
  let escapedStar = false;
  while (!cursor.atEnd()) {
    const char = cursor.peek();
    if (WHITESPACE.test(char) || char === ")" || char === "(") break;
    if (stopAtColon && char === ":") break;
    if (char === "\\" && cursor.peek(1) !== "") {
      text += cursor.peek(1);
      escapedStar = cursor.peek(1) === "*";
      cursor.index += 2;
      continue;
    }
    text += char;
    escapedStar = false;
    cursor.index++;
  }
  return { text, escapedStar };
}

function readQuoted(cursor: Cursor): string {
  const quote = cursor.peek();
  cursor.index++;
  let text = "";
  while (!cursor.atEnd() && cursor.peek() !== quote) {
    if (cursor.peek() === "\\" && cursor.peek(1) !== "") {
      text += cursor.peek(1);
      cursor.index += 2;
      continue;
    }
    text += cursor.peek();
    cursor.index++;
  }
  cursor.index++; // closing quote (or past the end)
  return text;
}

/** The terms of a query, in order (for tests and for reporting). */
export function searchTerms(node: SearchNode): SearchTerm[] {
  switch (node.kind) {
    case "term":
      return [node];
    case "and":
    case "or":
      return node.children.flatMap(searchTerms);
    case "not":
      return searchTerms(node.child);
    case "all":
      return [];
  }
}
