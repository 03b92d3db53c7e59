import { GraphQLError } from "graphql";
import { parseSearchQuery, type SearchNode, type SearchTerm } from "./search";

/** What a connection's `query` argument understands: its filters and its free-text fields. */
export interface SearchSchema<T> {
  /** Connection name for messages (e.g. "products"). */
  name: string;
  /** Filters by lower-case name. */
  fields: Record<string, SearchFieldSpec<T>>;
  /** Free text (the `default` filter). */
  freeText(item: T, term: SearchTerm): boolean;
  /**
   * Filters the platform has but the emulator does not evaluate: using one fails the request
   * loudly instead of silently matching everything. Entries ending in `.` are prefixes
   * (`metafields.`).
   */
  notEmulated: readonly string[];
}

export interface SearchFieldSpec<T> {
  /** `status:active,draft` means either value. */
  commaList?: boolean;
  match(item: T, term: SearchTerm): boolean;
}

/** One entry of the response's `extensions.search`, as the Admin API reports ignored filters. */
export interface SearchWarning {
  field: string;
  message: string;
  code: string;
}

export interface CompiledSearch<T> {
  matches(item: T): boolean;
  /** False when nothing filters (empty query, or only ignored terms). */
  filters: boolean;
  warnings: SearchWarning[];
  /** The query as the platform echoes it back under `extensions.search[].parsed`. */
  parsed: unknown;
}

type Predicate<T> = (item: T) => boolean;

/**
 * Compiles a search query for one connection. Unknown filter names behave as on the platform:
 * the term is dropped (it neither matches nor excludes anything) and a warning "Invalid search
 * field for this query." is reported for `extensions.search`.
 */
export function compileSearch<T>(
  query: string | null | undefined,
  schema: SearchSchema<T>,
): CompiledSearch<T> {
  const warnings: SearchWarning[] = [];
  const root = parseSearchQuery(query ?? "");
  const predicate = compileNode(root, schema, warnings);
  return {
    matches: predicate ?? (() => true),
    filters: predicate !== null,
    warnings,
    parsed: describeNode(root),
  };
}

function compileNode<T>(
  node: SearchNode,
  schema: SearchSchema<T>,
  warnings: SearchWarning[],
): Predicate<T> | null {
  switch (node.kind) {
    case "all":
      return null;
    case "not": {
      const inner = compileNode(node.child, schema, warnings);
      return inner ? (item) => !inner(item) : null;
    }
    case "and": {
      const parts = node.children
        .map((child) => compileNode(child, schema, warnings))
        .filter((part): part is Predicate<T> => part !== null);
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0] : (item) => parts.every((part) => part(item));
    }
    case "or": {
      const parts = node.children
        .map((child) => compileNode(child, schema, warnings))
        .filter((part): part is Predicate<T> => part !== null);
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0] : (item) => parts.some((part) => part(item));
    }
    case "term":
      return compileTerm(node, schema, warnings);
  }
}

function compileTerm<T>(
  term: SearchTerm,
  schema: SearchSchema<T>,
  warnings: SearchWarning[],
): Predicate<T> | null {
  if (term.field === null || term.field === "default") {
    return (item) => schema.freeText(item, term);
  }
  const field = term.field;
  const spec = schema.fields[field];
  if (!spec) {
    const unsupported = schema.notEmulated.some((name) =>
      name.endsWith(".") ? field.startsWith(name) : field === name,
    );
    if (unsupported) {
      throw new GraphQLError(`not emulated: ${schema.name} search filter \`${field}\``, {
        extensions: { code: "NOT_EMULATED" },
      });
    }
    warnings.push({
      field,
      message: "Invalid search field for this query.",
      code: "invalid_field",
    });
    return null;
  }
  if (spec.commaList && !term.quoted && term.value.includes(",")) {
    const alternatives = term.value
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean)
      .map((value): SearchTerm => ({ ...term, value }));
    return (item) => alternatives.some((alternative) => spec.match(item, alternative));
  }
  return (item) => spec.match(item, term);
}

const RANGE_KEYS: Record<SearchTerm["comparator"], string> = {
  ":": "match_all",
  ":<": "range_lt",
  ":>": "range_gt",
  ":<=": "range_lte",
  ":>=": "range_gte",
};

function describeNode(node: SearchNode): unknown {
  switch (node.kind) {
    case "all":
      return {};
    case "not":
      return { not: describeNode(node.child) };
    case "and":
      return { and: node.children.map(describeNode) };
    case "or":
      return { or: node.children.map(describeNode) };
    case "term": {
      const key = node.prefix
        ? "match_prefix"
        : node.quoted && node.comparator === ":"
          ? "match_phrase"
          : RANGE_KEYS[node.comparator];
      return { field: node.field ?? "default", [key]: node.value };
    }
  }
}
