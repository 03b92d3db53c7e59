import { formatCondition } from "./conditions";

/**
 * Collections to CSV rows in the import's own columns, so an export re-imports cleanly
 * (informational columns — id, kind, products_count, updated_at — are ignored by the import).
 * Pure.
 */
export interface ExportCollection {
  id: string;
  title: string;
  handle: string;
  kind: string;
  productsCount: number;
  descriptionHtml: string;
  seoTitle: string | null;
  seoDescription: string | null;
  sortOrder: string;
  published: boolean;
  updatedAt: string;
  matchType: string | null;
  inclusion: { kind: string; relation: string; values?: string[]; value?: string | null }[];
  exclusion: { kind: string; relation: string; values?: string[] }[];
  productIds: string[];
}

/** HTML description to the plain text the import takes (paragraphs become line breaks). */
export function plainDescription(html: string): string {
  return html
    .replace(/<\/p>\s*<p[^>]*>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

export function exportTable(collections: readonly ExportCollection[]): string[][] {
  const conditions = Math.max(0, ...collections.map((c) => c.inclusion.length));
  const exclusions = Math.max(0, ...collections.map((c) => c.exclusion.length));
  const header = [
    "id",
    "title",
    "handle",
    "kind",
    "products_count",
    "updated_at",
    "description",
    "seo_title",
    "seo_description",
    "sort_order",
    "published",
    "conditions_match",
    "products",
    ...Array.from({ length: conditions }, (_, i) => `condition_${i + 1}`),
    ...Array.from({ length: exclusions }, (_, i) => `exclude_${i + 1}`),
  ];
  const rows = collections.map((c) => {
    const inclusion = c.inclusion.map((cond) => formatCondition(cond) ?? "");
    const exclusion = c.exclusion.map((cond) => formatCondition(cond) ?? "");
    return [
      c.id,
      c.title,
      c.handle,
      c.kind,
      String(c.productsCount),
      c.updatedAt,
      plainDescription(c.descriptionHtml),
      c.seoTitle ?? "",
      c.seoDescription ?? "",
      c.sortOrder,
      c.published ? "yes" : "no",
      c.inclusion.length > 0 ? (c.matchType === "ANY" ? "any" : "all") : "",
      c.productIds.map((id) => id.replace("gid://shopify/Product/", "")).join(" "),
      ...inclusion,
      ...Array.from({ length: conditions - inclusion.length }, () => ""),
      ...exclusion,
      ...Array.from({ length: exclusions - exclusion.length }, () => ""),
    ];
  });
  return [header, ...rows];
}
