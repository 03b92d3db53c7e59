import { formatCondition } from "./conditions";

/**
 * A collection as a bulk edit sees it (read live before planning and again before each write):
 * sort order, channels, and the conditions of the one source Merchdesk edits. Conditions are kept
 * as Admin API inputs (`{ productTag: { matchType, relation, values } }`) so a planned condition
 * can be compared to a live one and a removed one re-created exactly. Pure.
 */
export type ConditionSide = "inclusion" | "exclusion";
export type ConditionInput = Record<string, Record<string, unknown>>;

export interface LiveCondition {
  id: string;
  /** null: a kind Merchdesk does not edit (metafields, categories, weight...); left untouched. */
  input: ConditionInput | null;
}

export interface EditSource {
  id: string;
  title: string;
  inclusion: LiveCondition[];
  exclusion: LiveCondition[];
  hasSelections: boolean;
}

export interface EditTarget {
  id: string;
  title: string;
  sortOrder: string;
  productsCount: number;
  publicationIds: string[];
  /** The conditions source edits go to; null when the collection has none. */
  source: EditSource | null;
  /** Conditions sources other than `source` (their conditions are not edited). */
  otherConditionsSources: number;
  /** Sub-collection sources (they also bring members). */
  subCollectionSources: number;
}

/** The shape of `collection` in CollectionEditTarget, loosened to what the mapping reads. */
export interface LiveCollectionShape {
  id: string;
  title: string;
  sortOrder: string;
  productsCount?: { count: number } | null;
  resourcePublications: { nodes: readonly { publication: { id: string } }[] };
  sources: readonly LiveSourceShape[];
}

type LooseCondition = { __typename: string; id: string } & Record<string, unknown>;

export interface LiveSourceShape {
  __typename: string;
  id: string;
  title: string;
  inclusion?: {
    conditions: readonly LooseCondition[];
    selections: { nodes: readonly unknown[] };
  } | null;
  exclusion?: {
    conditions: readonly LooseCondition[];
    selections: { nodes: readonly unknown[] };
  } | null;
}

const MULTI_VALUE: Record<string, [alias: string, key: string]> = {
  CollectionSourceInclusionConditionProductTag: ["tag", "productTag"],
  CollectionSourceInclusionConditionProductTitle: ["title", "productTitle"],
  CollectionSourceInclusionConditionProductType: ["type", "productType"],
  CollectionSourceInclusionConditionProductVendor: ["vendor", "productVendor"],
  CollectionSourceInclusionConditionVariantTitle: ["variantTitle", "variantTitle"],
  CollectionSourceInclusionConditionProductStatus: ["status", "productStatus"],
  CollectionSourceExclusionConditionProductTag: ["exTag", "productTag"],
  CollectionSourceExclusionConditionProductType: ["exType", "productType"],
  CollectionSourceExclusionConditionProductVendor: ["exVendor", "productVendor"],
};

type Money = { amount: string; currencyCode: string } | null | undefined;

/** A live condition as the input that would create it again; null when Merchdesk cannot. */
export function conditionInputOf(condition: LooseCondition): ConditionInput | null {
  const multi = MULTI_VALUE[condition.__typename];
  if (multi) {
    const [alias, key] = multi;
    return {
      [key]: {
        matchType: condition[`${alias}Match`],
        relation: condition[`${alias}Relation`],
        values: condition[`${alias}Values`],
      },
    };
  }
  switch (condition.__typename) {
    case "CollectionSourceInclusionConditionVariantPrice": {
      const value = condition.priceValue as Money;
      if (!value) return null;
      return {
        variantPrice: {
          relation: condition.priceRelation,
          value: { amount: value.amount, currencyCode: value.currencyCode },
        },
      };
    }
    case "CollectionSourceInclusionConditionVariantCompareAtPrice": {
      const value = condition.compareAtValue as Money;
      return {
        variantCompareAtPrice: value
          ? {
              relation: condition.compareAtRelation,
              value: { amount: value.amount, currencyCode: value.currencyCode },
            }
          : { relation: condition.compareAtRelation },
      };
    }
    case "CollectionSourceInclusionConditionVariantInventory":
      return {
        variantInventory: {
          relation: condition.inventoryRelation,
          value: condition.inventoryValue,
        },
      };
    default:
      return null;
  }
}

/** "500.00", "500.0" and "500" are the same amount. */
function normalAmount(amount: string): string {
  const [whole = "0", fraction = ""] = amount.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${Number(whole)}.${trimmed}` : String(Number(whole));
}

/**
 * Identity of a condition by meaning (kind, relation, match type, values as a set, amount), so
 * "tag = rea|ull" planned from text matches the live condition whatever its id or value order.
 */
export function conditionKey(input: ConditionInput): string {
  const [kind, body] = Object.entries(input)[0] ?? ["", {}];
  const values = Array.isArray(body.values) ? [...body.values].map(String).sort() : null;
  const raw = body.value;
  const value =
    raw && typeof raw === "object" && "amount" in raw
      ? normalAmount(String((raw as { amount: unknown }).amount))
      : raw == null
        ? null
        : String(raw);
  return JSON.stringify([kind, body.relation ?? null, body.matchType ?? null, values, value]);
}

/** Spreadsheet text of a condition input ("tag = rea"), for plans and reports. */
export function conditionText(input: ConditionInput): string {
  const [kind, body] = Object.entries(input)[0] ?? ["", {}];
  const value = body.value;
  const amount =
    value && typeof value === "object" && "amount" in value
      ? normalAmount(String((value as { amount: unknown }).amount))
      : value == null
        ? null
        : String(value);
  return (
    formatCondition({
      kind,
      relation: String(body.relation ?? ""),
      values: Array.isArray(body.values) ? body.values.map(String) : undefined,
      value: amount,
    }) ?? kind
  );
}

function liveConditions(conditions: readonly LooseCondition[] | undefined): LiveCondition[] {
  return (conditions ?? []).map((c) => ({ id: c.id, input: conditionInputOf(c) }));
}

/**
 * The source edits go to: the first conditions source that already has conditions, else the
 * first conditions source (a manual one: new conditions add to its picks).
 */
export function toEditTarget(collection: LiveCollectionShape): EditTarget {
  const conditionSources = collection.sources.filter(
    (s) => s.__typename === "CollectionConditionsSource",
  );
  const chosen =
    conditionSources.find(
      (s) => (s.inclusion?.conditions.length ?? 0) + (s.exclusion?.conditions.length ?? 0) > 0,
    ) ?? conditionSources[0];
  return {
    id: collection.id,
    title: collection.title,
    sortOrder: collection.sortOrder,
    productsCount: collection.productsCount?.count ?? 0,
    publicationIds: collection.resourcePublications.nodes.map((n) => n.publication.id),
    source: chosen
      ? {
          id: chosen.id,
          title: chosen.title,
          inclusion: liveConditions(chosen.inclusion?.conditions),
          exclusion: liveConditions(chosen.exclusion?.conditions),
          hasSelections:
            (chosen.inclusion?.selections.nodes.length ?? 0) > 0 ||
            (chosen.exclusion?.selections.nodes.length ?? 0) > 0,
        }
      : null,
    otherConditionsSources: Math.max(0, conditionSources.length - 1),
    subCollectionSources: collection.sources.filter(
      (s) => s.__typename === "CollectionSubCollectionsSource",
    ).length,
  };
}
