import type {
  Collection,
  CollectionSource,
  ConditionsSource,
  ShopState,
  StoredCondition,
} from "../store/types";
import { isRecord, money } from "./graphql-views";

/**
 * `Collection.sources` as GraphQL objects: `CollectionConditionsSource` and
 * `CollectionSubCollectionsSource`, with typed condition objects
 * (`CollectionSourceInclusionConditionProductTag`, ...). Each view remembers its stored source so
 * the connection fields (`products`, `selections`) can reach it.
 */

const storedSources = new WeakMap<object, ConditionsSource>();

export function storedSourceOf(view: unknown): ConditionsSource | undefined {
  return isRecord(view) ? storedSources.get(view) : undefined;
}

function capitalized(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

function categoryValues(values: unknown[] | null) {
  return (values ?? []).filter(isRecord).map((value) => ({
    category: { id: String(value.categoryId) },
    includeDescendants: value.includeDescendants === true,
  }));
}

function inclusionConditionView(shop: ShopState, condition: StoredCondition<string>) {
  const base = {
    __typename: `CollectionSourceInclusionCondition${capitalized(condition.kind)}`,
    id: condition.id,
    relation: condition.relation,
    matchType: condition.matchType,
    values: condition.values,
    value: condition.value,
  };
  switch (condition.kind) {
    case "variantPrice":
    case "variantCompareAtPrice":
      return {
        ...base,
        value: isRecord(condition.value) ? money(shop, String(condition.value.amount)) : null,
      };
    case "productCategory":
      return { ...base, values: categoryValues(condition.values) };
    default:
      return base;
  }
}

function exclusionConditionView(shop: ShopState, condition: StoredCondition<string>) {
  const base = {
    __typename: `CollectionSourceExclusionCondition${capitalized(condition.kind)}`,
    id: condition.id,
    relation: condition.relation,
    matchType: condition.matchType,
    values: condition.values,
  };
  switch (condition.kind) {
    case "collection":
      return {
        ...base,
        matchType: "ANY",
        values: (condition.values ?? [])
          .map((id) => shop.collections.get(String(id)))
          .filter((c): c is Collection => c !== undefined),
      };
    case "productCategory":
      return { ...base, values: categoryValues(condition.values) };
    default:
      return base;
  }
}

function conditionsSourceView(shop: ShopState, source: ConditionsSource) {
  const inclusion = {
    conditions: source.inclusion.conditions.map((c) => inclusionConditionView(shop, c)),
    matchType: source.inclusion.matchType,
  };
  storedSources.set(inclusion, source);
  let exclusion: object | null = null;
  if (source.exclusion) {
    const conditions = source.exclusion.conditions;
    const hasCollections = conditions.some((c) => c.kind === "collection");
    const onlyCollections =
      conditions.length > 0 && conditions.every((c) => c.kind === "collection");
    exclusion = {
      conditions: conditions.map((c) => exclusionConditionView(shop, c)),
      // ANY for collection-only exclusions, null when mixed (collections always apply with ANY).
      matchType: onlyCollections ? "ANY" : hasCollections ? null : source.exclusion.matchType,
    };
    storedSources.set(exclusion, source);
  }
  const view = {
    __typename: "CollectionConditionsSource",
    id: source.id,
    title: source.title,
    description: source.description,
    app: null,
    shareable: source.shareable,
    targetType: source.targetType,
    inclusion,
    exclusion,
  };
  storedSources.set(view, source);
  return view;
}

export function sourceView(shop: ShopState, source: CollectionSource) {
  if (source.kind === "conditions") return conditionsSourceView(shop, source);
  return {
    __typename: "CollectionSubCollectionsSource",
    id: source.id,
    title: source.title,
    description: source.description,
    app: null,
    collections: source.collectionIds
      .map((id) => shop.collections.get(id))
      .filter((c): c is Collection => c !== undefined),
  };
}
