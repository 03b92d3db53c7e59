import { GraphQLError } from "graphql";
import type {
  ExclusionConditionKind,
  InclusionConditionKind,
  MatchType,
  Product,
  StoredCondition,
  Variant,
} from "../store/types";

/**
 * Evaluation of stored collection-source conditions against products and variants. String
 * relations compare case-insensitively, as the admin's collection conditions do. A multi-value
 * condition applies its relation to each value and combines the results with its own
 * `matchType` (ANY: at least one value, ALL: every value).
 */

export type CompiledCondition =
  | { level: "product"; test(product: Product): boolean }
  | { level: "variant"; test(product: Product, variant: Variant): boolean };

function notEmulated(kind: string): never {
  throw new GraphQLError(`not emulated: collection condition \`${kind}\``, {
    extensions: { code: "NOT_EMULATED" },
  });
}

function stringValues(condition: StoredCondition<string>): string[] {
  return (condition.values ?? []).map((value) => String(value).toLowerCase());
}

function combine(matchType: MatchType | null, values: string[], test: (v: string) => boolean) {
  return matchType === "ALL" ? values.every(test) : values.some(test);
}

function textRelation(relation: string | null): (actual: string, expected: string) => boolean {
  switch (relation) {
    case "EQUALS":
      return (a, e) => a === e;
    case "NOT_EQUALS":
      return (a, e) => a !== e;
    case "CONTAINS":
      return (a, e) => a.includes(e);
    case "DOES_NOT_CONTAIN":
      return (a, e) => !a.includes(e);
    case "STARTS_WITH":
      return (a, e) => a.startsWith(e);
    case "ENDS_WITH":
      return (a, e) => a.endsWith(e);
    default:
      throw new GraphQLError(`emulator: unknown text relation ${String(relation)}`);
  }
}

function numericRelation(relation: string | null): (actual: number, expected: number) => boolean {
  switch (relation) {
    case "EQUALS":
      return (a, e) => Math.abs(a - e) < 1e-9;
    case "NOT_EQUALS":
      return (a, e) => Math.abs(a - e) >= 1e-9;
    case "GREATER_THAN":
      return (a, e) => a > e;
    case "LESS_THAN":
      return (a, e) => a < e;
    default:
      throw new GraphQLError(`emulator: unknown numeric relation ${String(relation)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** `{amount, currencyCode}` → amount as a number (the shop has one currency). */
function moneyAmount(value: unknown): number {
  if (isRecord(value)) return Number(value.amount);
  return Number(value);
}

const GRAMS_PER_UNIT: Record<string, number> = {
  GRAMS: 1,
  KILOGRAMS: 1000,
  OUNCES: 28.349523125,
  POUNDS: 453.59237,
};

function weightInGrams(value: unknown): number {
  if (!isRecord(value)) return Number.NaN;
  return Number(value.value) * (GRAMS_PER_UNIT[String(value.unit)] ?? Number.NaN);
}

/** A compare-at price counts as set when present and non-zero (the admin shows no reduction). */
function compareAtIsSet(variant: Variant): boolean {
  return variant.compareAtPrice !== null && Number(variant.compareAtPrice) !== 0;
}

function textCondition(
  condition: StoredCondition<string>,
  field: (product: Product) => string,
): CompiledCondition {
  const relation = textRelation(condition.relation);
  const values = stringValues(condition);
  return {
    level: "product",
    test: (product) => {
      const actual = field(product).toLowerCase();
      return combine(condition.matchType, values, (expected) => relation(actual, expected));
    },
  };
}

export function compileInclusionCondition(
  condition: StoredCondition<InclusionConditionKind>,
): CompiledCondition {
  switch (condition.kind) {
    case "productTag":
      return tagCondition(condition, condition.relation === "NOT_TAGGED_WITH");
    case "productTitle":
      return textCondition(condition, (p) => p.title);
    case "productType":
      return textCondition(condition, (p) => p.productType);
    case "productVendor":
      return textCondition(condition, (p) => p.vendor);
    case "productStatus": {
      const equals = condition.relation !== "NOT_EQUALS";
      const values = (condition.values ?? []).map(String);
      return {
        level: "product",
        test: (p) => combine(condition.matchType, values, (v) => (p.status === v) === equals),
      };
    }
    case "variantTitle": {
      const relation = textRelation(condition.relation);
      const values = stringValues(condition);
      return {
        level: "variant",
        test: (_p, v) => {
          const actual = v.title.toLowerCase();
          return combine(condition.matchType, values, (expected) => relation(actual, expected));
        },
      };
    }
    case "variantPrice": {
      const relation = numericRelation(condition.relation);
      const expected = moneyAmount(condition.value);
      return { level: "variant", test: (_p, v) => relation(Number(v.price), expected) };
    }
    case "variantCompareAtPrice": {
      if (condition.relation === "IS_SET")
        return { level: "variant", test: (_p, v) => compareAtIsSet(v) };
      if (condition.relation === "IS_NOT_SET") {
        return { level: "variant", test: (_p, v) => !compareAtIsSet(v) };
      }
      const relation = numericRelation(condition.relation);
      const expected = moneyAmount(condition.value);
      return {
        level: "variant",
        test: (_p, v) => v.compareAtPrice !== null && relation(Number(v.compareAtPrice), expected),
      };
    }
    case "variantInventory": {
      const relation = numericRelation(condition.relation);
      const expected = Number(condition.value);
      return { level: "variant", test: (_p, v) => relation(v.inventoryQuantity, expected) };
    }
    case "variantWeight": {
      const relation = numericRelation(condition.relation);
      const expected = weightInGrams(condition.value);
      // Weights are compared to the milligram so unit conversions do not break EQUALS.
      return {
        level: "variant",
        test: (_p, v) => relation(Math.round(v.weightGrams * 1000), Math.round(expected * 1000)),
      };
    }
    case "productCategory":
    case "metafieldBoolean":
    case "metafieldInteger":
    case "metafieldDecimal":
    case "metafieldString":
    case "metafieldStringList":
    case "metafieldMetaobject":
    case "metafieldMetaobjectList":
      return notEmulated(condition.kind);
  }
}

function tagCondition(condition: StoredCondition<string>, negated: boolean): CompiledCondition {
  const values = stringValues(condition);
  const tagged = (product: Product, value: string) =>
    product.tags.some((tag) => tag.length === value.length && tag.toLowerCase() === value);
  return {
    level: "product",
    test: (product) =>
      combine(condition.matchType, values, (value) => tagged(product, value) !== negated),
  };
}

/** Non-collection exclusion conditions; `collection` exclusions are resolved by membership. */
export function compileExclusionCondition(
  condition: StoredCondition<Exclude<ExclusionConditionKind, "collection">>,
): (product: Product) => boolean {
  switch (condition.kind) {
    case "productTag":
      return productTest(tagCondition(condition, false));
    case "productType":
      return productTest(textCondition(condition, (p) => p.productType));
    case "productVendor":
      return productTest(textCondition(condition, (p) => p.vendor));
    case "productCategory":
      return notEmulated("productCategory");
  }
}

function productTest(compiled: CompiledCondition): (product: Product) => boolean {
  if (compiled.level !== "product") throw new Error("emulator bug: expected a product condition");
  return compiled.test;
}

/**
 * Products (and, for VARIANTS sources, the matching variants) satisfying a set of inclusion
 * conditions. PRODUCTS sources evaluate each variant condition on its own ("the entire product
 * is included if any variant satisfies"); VARIANTS sources need one variant to satisfy them all.
 */
export function matchConditions(
  product: Product,
  conditions: readonly CompiledCondition[],
  matchType: MatchType,
  targetType: "PRODUCTS" | "VARIANTS",
): { matches: boolean; variantIds: string[] | null } {
  const holds = (condition: CompiledCondition, variant: Variant | null): boolean => {
    if (condition.level === "product") return condition.test(product);
    if (variant) return condition.test(product, variant);
    return product.variants.some((v) => condition.test(product, v));
  };
  if (targetType === "PRODUCTS") {
    const matches =
      matchType === "ALL"
        ? conditions.every((c) => holds(c, null))
        : conditions.some((c) => holds(c, null));
    return { matches, variantIds: null };
  }
  const variantIds = product.variants
    .filter((variant) =>
      matchType === "ALL"
        ? conditions.every((c) => holds(c, variant))
        : conditions.some((c) => holds(c, variant)),
    )
    .map((variant) => variant.id);
  return { matches: variantIds.length > 0, variantIds };
}
