import type { ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTIONS_LIST_QUERY } from "../../shopify/operations/collections-list";
import type { CollectionSortOrder } from "../../types/admin.types";
import { collectionKind, collectionsListVariables, type BrowseParams } from "./browse";
import { collectionsOverview } from "./overview.server";

export interface CollectionRow {
  id: string;
  title: string;
  handle: string;
  kind: ReturnType<typeof collectionKind>;
  productsCount: number;
  sortOrder: `${CollectionSortOrder}`;
  published: boolean;
  publicationCount: number;
  updatedAt: string;
}

/** One page of the collection list, with the shop's total (cursor pagination, live data). */
export async function browseCollections(gateway: ShopifyGateway, params: BrowseParams) {
  const [{ collections }, overview] = await Promise.all([
    gateway.query(COLLECTIONS_LIST_QUERY, collectionsListVariables(params)),
    collectionsOverview(gateway),
  ]);
  const rows: CollectionRow[] = collections.nodes.map((node) => ({
    id: node.id,
    title: node.title,
    handle: node.handle,
    kind: collectionKind(node.sources),
    productsCount: node.productsCount?.count ?? 0,
    sortOrder: node.sortOrder,
    published: (node.resourcePublicationsCount?.count ?? 0) > 0,
    publicationCount: node.resourcePublicationsCount?.count ?? 0,
    updatedAt: node.updatedAt,
  }));
  return { rows, pageInfo: collections.pageInfo, total: overview };
}
