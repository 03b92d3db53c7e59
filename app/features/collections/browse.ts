import { z } from "zod";
import type { CollectionSortKeys } from "../../types/admin.types";

/**
 * The collection list's URL state (search, filters, sort, cursor) and how it maps to the Admin
 * API's `collections` arguments. Pure: the route parses, the use case queries.
 */
export const PAGE_SIZE = 50;

export const browseParamsSchema = z.object({
  q: z.string().trim().max(200).default(""),
  kind: z.enum(["all", "manual", "conditions"]).default("all"),
  published: z.enum(["all", "published", "unpublished"]).default("all"),
  sort: z.enum(["title", "updated"]).default("title"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  after: z.string().max(500).optional(),
  before: z.string().max(500).optional(),
});

export type BrowseParams = z.infer<typeof browseParamsSchema>;

/** Quotes a free-text value for the search syntax (quotes and backslashes escaped). */
export function quoteSearchValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The `query:` string for the collections connection. */
export function collectionsSearchQuery(params: Pick<BrowseParams, "q" | "kind" | "published">) {
  const terms: string[] = [];
  if (params.q) terms.push(quoteSearchValue(params.q));
  if (params.kind === "manual") terms.push("collection_type:custom");
  if (params.kind === "conditions") terms.push("collection_type:smart");
  if (params.published === "published") terms.push("published_status:published");
  if (params.published === "unpublished") terms.push("published_status:unpublished");
  return terms.join(" ");
}

export function collectionsListVariables(params: BrowseParams) {
  const query = collectionsSearchQuery(params);
  const paging = params.before
    ? { last: PAGE_SIZE, before: params.before }
    : { first: PAGE_SIZE, after: params.after ?? null };
  return {
    ...paging,
    query: query || null,
    sortKey: (params.sort === "title" ? "TITLE" : "UPDATED_AT") as CollectionSortKeys,
    reverse: params.direction === "desc",
  };
}

export type CollectionKind = "manual" | "conditions" | "subcollections" | "mixed" | "empty";

interface SourceShape {
  __typename: string;
  inclusion?: { conditions: readonly unknown[] } | null;
  exclusion?: { conditions: readonly unknown[] } | null;
}

/** What a collection is made of, from its sources: manual picks, conditions, sub-collections. */
export function collectionKind(sources: readonly SourceShape[]): CollectionKind {
  const kinds = new Set<CollectionKind>();
  for (const source of sources) {
    if (source.__typename === "CollectionSubCollectionsSource") kinds.add("subcollections");
    else if (source.__typename === "CollectionConditionsSource") {
      const conditions =
        (source.inclusion?.conditions.length ?? 0) + (source.exclusion?.conditions.length ?? 0);
      kinds.add(conditions > 0 ? "conditions" : "manual");
    }
  }
  if (kinds.size === 0) return "empty";
  if (kinds.size > 1) return kinds.has("conditions") ? "conditions" : "mixed";
  return [...kinds][0]!;
}
