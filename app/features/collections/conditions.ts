/**
 * Collection conditions as merchants write them in a spreadsheet ("tag = rea", "vendor contains
 * Fjäll", "price > 500", "compare_at_price is set") and as the Admin API takes them
 * (CollectionSourceInclusionConditionInput / ExclusionConditionInput, 2026-07+). Pure.
 */
export const MAX_CONDITIONS = 60;

type Json = Record<string, unknown>;
export type ConditionResult = { ok: true; input: Json } | { ok: false; error: string };

const TEXT_RELATIONS: Record<string, string> = {
  "=": "EQUALS",
  "!=": "NOT_EQUALS",
  contains: "CONTAINS",
  "not contains": "DOES_NOT_CONTAIN",
  "starts with": "STARTS_WITH",
  "ends with": "ENDS_WITH",
};
const NUMBER_RELATIONS: Record<string, string> = {
  "=": "EQUALS",
  "!=": "NOT_EQUALS",
  ">": "GREATER_THAN",
  "<": "LESS_THAN",
};
const TEXT_COLUMNS: Record<string, string> = {
  title: "productTitle",
  type: "productType",
  vendor: "productVendor",
  variant_title: "variantTitle",
};
export const CONDITION_COLUMNS = [
  "tag",
  "title",
  "type",
  "vendor",
  "variant_title",
  "status",
  "price",
  "compare_at_price",
  "inventory",
] as const;
const RELATION_WORDS = [
  "not contains",
  "starts with",
  "ends with",
  "is not set",
  "is set",
  "contains",
  "!=",
  "=",
  ">",
  "<",
];

/** Splits "column relation value" (relation words are matched longest first). */
export function splitCondition(
  text: string,
): { column: string; relation: string; value: string } | null {
  const trimmed = text.trim();
  const space = trimmed.search(/[\s=!<>]/);
  if (space <= 0) return null;
  const column = trimmed.slice(0, space).toLowerCase();
  const rest = trimmed.slice(space).trimStart();
  const relation = RELATION_WORDS.find((word) => rest.toLowerCase().startsWith(word));
  if (!relation) return null;
  return { column, relation, value: rest.slice(relation.length).trim() };
}

const values = (value: string) =>
  value
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);

/** An inclusion condition from its spreadsheet text. `currency` is the shop's (for prices). */
export function parseInclusionCondition(text: string, currency: string): ConditionResult {
  const parts = splitCondition(text);
  if (!parts) return { ok: false, error: `“${text}” is not “column relation value”` };
  const { column, relation, value } = parts;
  const unknownRelation = {
    ok: false as const,
    error: `unknown relation “${relation}” for ${column}`,
  };
  const needValue = { ok: false as const, error: `“${text}” has no value` };
  if (!(CONDITION_COLUMNS as readonly string[]).includes(column)) {
    return { ok: false, error: `unknown condition column “${column}”` };
  }
  if (column === "compare_at_price" && (relation === "is set" || relation === "is not set")) {
    return {
      ok: true,
      input: {
        variantCompareAtPrice: { relation: relation === "is set" ? "IS_SET" : "IS_NOT_SET" },
      },
    };
  }
  if (!value) return needValue;
  if (column === "tag") {
    if (relation !== "=" && relation !== "!=") return unknownRelation;
    return {
      ok: true,
      input: {
        productTag: {
          matchType: "ANY",
          relation: relation === "=" ? "TAGGED_WITH" : "NOT_TAGGED_WITH",
          values: values(value),
        },
      },
    };
  }
  if (column in TEXT_COLUMNS) {
    const mapped = TEXT_RELATIONS[relation];
    if (!mapped) return unknownRelation;
    return {
      ok: true,
      input: {
        [TEXT_COLUMNS[column]!]: { matchType: "ANY", relation: mapped, values: values(value) },
      },
    };
  }
  if (column === "status") {
    if (relation !== "=" && relation !== "!=") return unknownRelation;
    const statuses = values(value).map((v) => v.toUpperCase());
    const bad = statuses.find((s) => !["ACTIVE", "DRAFT", "ARCHIVED", "UNLISTED"].includes(s));
    if (bad) return { ok: false, error: `unknown product status “${bad}”` };
    return {
      ok: true,
      input: {
        productStatus: {
          matchType: "ANY",
          relation: relation === "=" ? "EQUALS" : "NOT_EQUALS",
          values: statuses,
        },
      },
    };
  }
  const mapped = NUMBER_RELATIONS[relation];
  if (!mapped || (column === "inventory" && mapped === "NOT_EQUALS")) return unknownRelation;
  if (column === "inventory") {
    if (!/^-?\d+$/.test(value))
      return { ok: false, error: `inventory “${value}” is not a whole number` };
    return { ok: true, input: { variantInventory: { relation: mapped, value: Number(value) } } };
  }
  const amount = value.replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(amount)) {
    return { ok: false, error: `${column} “${value}” is not an amount` };
  }
  const key = column === "price" ? "variantPrice" : "variantCompareAtPrice";
  return {
    ok: true,
    input: { [key]: { relation: mapped, value: { amount, currencyCode: currency } } },
  };
}

/** An exclusion condition: tag (=), type or vendor (= or contains). */
export function parseExclusionCondition(text: string): ConditionResult {
  const parts = splitCondition(text);
  if (!parts) return { ok: false, error: `“${text}” is not “column relation value”` };
  const { column, relation, value } = parts;
  if (!value) return { ok: false, error: `“${text}” has no value` };
  if (column === "tag") {
    if (relation !== "=") return { ok: false, error: `exclusions by tag only take “=”` };
    return {
      ok: true,
      input: { productTag: { matchType: "ANY", relation: "TAGGED_WITH", values: values(value) } },
    };
  }
  if (column === "type" || column === "vendor") {
    const mapped = relation === "=" ? "EQUALS" : relation === "contains" ? "CONTAINS" : null;
    if (!mapped) return { ok: false, error: `exclusions by ${column} take “=” or “contains”` };
    const key = column === "type" ? "productType" : "productVendor";
    return {
      ok: true,
      input: { [key]: { matchType: "ANY", relation: mapped, values: values(value) } },
    };
  }
  return { ok: false, error: `unknown exclusion column “${column}”` };
}

const RELATION_TEXT: Record<string, string> = {
  TAGGED_WITH: "=",
  NOT_TAGGED_WITH: "!=",
  EQUALS: "=",
  NOT_EQUALS: "!=",
  CONTAINS: "contains",
  DOES_NOT_CONTAIN: "not contains",
  STARTS_WITH: "starts with",
  ENDS_WITH: "ends with",
  GREATER_THAN: ">",
  LESS_THAN: "<",
  IS_SET: "is set",
  IS_NOT_SET: "is not set",
};
const COLUMN_OF: Record<string, string> = {
  productTag: "tag",
  productTitle: "title",
  productType: "type",
  productVendor: "vendor",
  variantTitle: "variant_title",
  productStatus: "status",
  variantPrice: "price",
  variantCompareAtPrice: "compare_at_price",
  variantInventory: "inventory",
};

/** A condition as read from the API (kind + relation + values/value), back to spreadsheet text. */
export function formatCondition(condition: {
  kind: string;
  relation: string;
  values?: readonly string[];
  value?: string | null;
}): string | null {
  const column = COLUMN_OF[condition.kind];
  const relation = RELATION_TEXT[condition.relation];
  if (!column || !relation) return null;
  if (relation === "is set" || relation === "is not set") return `${column} ${relation}`;
  const value = condition.values ? condition.values.join("|") : (condition.value ?? "");
  return `${column} ${relation} ${value}`;
}
