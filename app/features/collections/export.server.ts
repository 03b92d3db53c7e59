import type { DataOf, ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_MEMBERSHIP_TARGET_QUERY } from "../../shopify/operations/collection-membership-target";
import { COLLECTIONS_EXPORT_QUERY } from "../../shopify/operations/collections-export";
import { collectionKind } from "./browse";
import { managedSourceId } from "./collection-sources";
import { exportTable, type ExportCollection } from "./csv-export";
import { writeCsv } from "./csv";
import { numericIdOf } from "./product-filter";

type ExportNode = DataOf<typeof COLLECTIONS_EXPORT_QUERY>["collections"]["nodes"][number];
type InclusionCondition = Extract<
  ExportNode["sources"][number],
  { inclusion: unknown }
>["inclusion"]["conditions"][number];
type ExclusionCondition = NonNullable<
  Extract<ExportNode["sources"][number], { exclusion?: unknown }>["exclusion"]
>["conditions"][number];

/** Collections per page: keeps the requested cost (100 picks each) under the 1,000 limit. */
const PAGE = 3;

function inclusionOf(condition: InclusionCondition): ExportCollection["inclusion"][number] | null {
  const c = condition as Record<string, unknown> & { __typename: string };
  const pairs: [string, string, string][] = [
    ["productTag", "tagRelation", "tagValues"],
    ["productTitle", "titleRelation", "titleValues"],
    ["productType", "typeRelation", "typeValues"],
    ["productVendor", "vendorRelation", "vendorValues"],
    ["variantTitle", "variantTitleRelation", "variantTitleValues"],
    ["productStatus", "statusRelation", "statusValues"],
  ];
  for (const [kind, relation, values] of pairs) {
    if (typeof c[relation] === "string") {
      return { kind, relation: c[relation], values: (c[values] as string[]) ?? [] };
    }
  }
  const singles: [string, string, (v: unknown) => string | null][] = [
    ["variantPrice", "priceRelation", (v) => (v as { amount?: string } | null)?.amount ?? null],
    [
      "variantCompareAtPrice",
      "compareAtRelation",
      (v) => (v as { amount?: string } | null)?.amount ?? null,
    ],
    ["variantInventory", "inventoryRelation", (v) => (v == null ? null : String(v))],
  ];
  const valueKeys: Record<string, string> = {
    priceRelation: "priceValue",
    compareAtRelation: "compareAtValue",
    inventoryRelation: "inventoryValue",
  };
  for (const [kind, relation, read] of singles) {
    if (typeof c[relation] === "string") {
      return { kind, relation: c[relation], value: read(c[valueKeys[relation]!]) };
    }
  }
  return null;
}

function exclusionOf(condition: ExclusionCondition): ExportCollection["exclusion"][number] | null {
  const c = condition as Record<string, unknown>;
  const pairs: [string, string, string][] = [
    ["productTag", "exTagRelation", "exTagValues"],
    ["productType", "exTypeRelation", "exTypeValues"],
    ["productVendor", "exVendorRelation", "exVendorValues"],
  ];
  for (const [kind, relation, values] of pairs) {
    if (typeof c[relation] === "string") {
      return { kind, relation: c[relation], values: (c[values] as string[]) ?? [] };
    }
  }
  return null;
}

async function allSelections(gateway: ShopifyGateway, collectionId: string, sourceId: string) {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: DataOf<typeof COLLECTION_MEMBERSHIP_TARGET_QUERY> = await gateway.query(
      COLLECTION_MEMBERSHIP_TARGET_QUERY,
      { id: collectionId, after },
    );
    const source = page.collection?.sources.find((s) => s.id === sourceId);
    const selections = source && "inclusion" in source ? source.inclusion.selections : null;
    ids.push(...(selections?.nodes ?? []).map((n) => n.product.id));
    if (!selections?.pageInfo.hasNextPage) return ids;
    after = selections.pageInfo.endCursor ?? null;
  }
}

async function toExport(gateway: ShopifyGateway, node: ExportNode): Promise<ExportCollection> {
  const managed = managedSourceId(node.sources);
  const source = node.sources.find((s) => s.id === managed);
  const conditions = source && "inclusion" in source ? source : null;
  const picks = conditions?.inclusion.selections;
  const productIds = picks?.pageInfo.hasNextPage
    ? await allSelections(gateway, node.id, managed!)
    : (picks?.nodes ?? []).map((n) => n.product.id);
  return {
    id: numericIdOf(node.id),
    title: node.title,
    handle: node.handle,
    kind: collectionKind(node.sources),
    productsCount: node.productsCount?.count ?? 0,
    descriptionHtml: node.descriptionHtml,
    seoTitle: node.seo.title ?? null,
    seoDescription: node.seo.description ?? null,
    sortOrder: node.sortOrder,
    published: (node.resourcePublicationsCount?.count ?? 0) > 0,
    updatedAt: node.updatedAt,
    matchType: conditions?.inclusion.matchType ?? null,
    inclusion: (conditions?.inclusion.conditions ?? []).flatMap((c) => inclusionOf(c) ?? []),
    exclusion: (conditions?.exclusion?.conditions ?? []).flatMap((c) => exclusionOf(c) ?? []),
    productIds,
  };
}

/** The CSV of the chosen collections (all when none are chosen). */
export async function exportCollectionsCsv(
  gateway: ShopifyGateway,
  collectionIds: readonly string[],
): Promise<string> {
  const query =
    collectionIds.length > 0
      ? collectionIds.map((id) => `id:${numericIdOf(id)}`).join(" OR ")
      : null;
  const collections: ExportCollection[] = [];
  let after: string | null = null;
  for (;;) {
    const page: DataOf<typeof COLLECTIONS_EXPORT_QUERY> = await gateway.query(
      COLLECTIONS_EXPORT_QUERY,
      { first: PAGE, after, query },
    );
    for (const node of page.collections.nodes) collections.push(await toExport(gateway, node));
    if (!page.collections.pageInfo.hasNextPage) break;
    after = page.collections.pageInfo.endCursor ?? null;
  }
  return writeCsv(exportTable(collections));
}
