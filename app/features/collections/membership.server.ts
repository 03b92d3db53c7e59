import type { Prisma } from "@prisma/client";
import type { DataOf, ShopifyGateway } from "../../shopify/gateway.server";
import { COLLECTION_MEMBERSHIP_TARGET_QUERY } from "../../shopify/operations/collection-membership-target";
import { COLLECTION_SOURCES_QUERY } from "../../shopify/operations/collection-sources";
import { COLLECTION_TITLES_QUERY } from "../../shopify/operations/collection-titles";
import { PRODUCT_IDS_QUERY } from "../../shopify/operations/product-ids";
import { createPlannedChange } from "./changes.server";
import { hasRules, managedSourceId } from "./collection-sources";
import { planMembership, type ChosenProduct, type MembershipTarget } from "./membership-plan";
import type { MembershipRequest } from "./membership-request";
import { chunk } from "./plan-types";
import { numericIdOf, productIdsQuery, productSearchQuery } from "./product-filter";

const PAGE = 250;
const PICK_GROUP = 100;

/** Every product matching `query` (id and title), page by page. */
async function productsMatching(gateway: ShopifyGateway, query: string): Promise<ChosenProduct[]> {
  const found: ChosenProduct[] = [];
  let after: string | null = null;
  for (;;) {
    const { products }: DataOf<typeof PRODUCT_IDS_QUERY> = await gateway.query(PRODUCT_IDS_QUERY, {
      query,
      first: PAGE,
      after,
    });
    for (const node of products.nodes) found.push({ id: node.id, title: node.title });
    if (!products.pageInfo.hasNextPage) return found;
    after = products.pageInfo.endCursor ?? null;
  }
}

/** The search queries that together describe the chosen products. */
function chosenQueries(request: MembershipRequest): string[] {
  if (request.products.mode === "filter") return [productSearchQuery(request.products.filter)];
  return chunk(request.products.productIds, PICK_GROUP).map(productIdsQuery);
}

export class CollectionNotFoundError extends Error {
  override name = "CollectionNotFoundError";
  constructor(readonly collectionId: string) {
    super(`collection ${collectionId} does not exist`);
  }
}

function readTargetPage(gateway: ShopifyGateway, id: string, after: string | null) {
  return gateway
    .query(COLLECTION_MEMBERSHIP_TARGET_QUERY, { id, after })
    .then((data) => data.collection);
}

/** A target collection as the plan needs it, read live. */
async function readTarget(
  gateway: ShopifyGateway,
  collectionId: string,
  queries: readonly string[],
  operation: "add" | "remove",
  chosen: ReadonlySet<string>,
): Promise<MembershipTarget> {
  // Sources first (cheap); selections are paged only to plan removals from a collection that also
  // has conditions — otherwise every member is a manual pick and membership says it all.
  const { collection } = await gateway.query(COLLECTION_SOURCES_QUERY, { id: collectionId });
  if (!collection) throw new CollectionNotFoundError(collectionId);
  const managed = managedSourceId(collection.sources);
  const target = {
    id: collection.id,
    title: collection.title,
    productsCount: collection.productsCount?.count ?? 0,
    managedSourceId: managed,
    hasRules: hasRules(collection.sources),
  };
  const selected = new Set<string>();
  let after: string | null = null;
  while (operation === "remove" && target.hasRules && managed) {
    const page = await readTargetPage(gateway, collectionId, after);
    const source = page?.sources.find((s) => s.id === managed);
    const selections = source && "inclusion" in source ? source.inclusion.selections : null;
    for (const node of selections?.nodes ?? []) {
      if (chosen.has(node.product.id)) selected.add(node.product.id);
    }
    if (!selections?.pageInfo.hasNextPage) break;
    after = selections.pageInfo.endCursor ?? null;
  }
  const members = new Set<string>();
  const collectionFilter = `collection_id:${numericIdOf(collectionId)}`;
  for (const query of queries) {
    for (const product of await productsMatching(gateway, `${query} ${collectionFilter}`)) {
      members.add(product.id);
    }
  }
  return {
    ...target,
    membersAmongChosen: members,
    selectedAmongChosen: target.hasRules ? selected : members,
  };
}

/**
 * Plans a membership change against live data and stores it (nothing is written to Shopify).
 * Throws CollectionNotFoundError when a chosen collection does not exist.
 */
export async function planMembershipChange(
  gateway: ShopifyGateway,
  shop: string,
  actor: string,
  request: MembershipRequest,
) {
  const queries = chosenQueries(request);
  const products: ChosenProduct[] = [];
  const seen = new Set<string>();
  for (const query of queries) {
    for (const product of await productsMatching(gateway, query)) {
      if (!seen.has(product.id)) {
        seen.add(product.id);
        products.push(product);
      }
    }
  }
  const targets: MembershipTarget[] = [];
  for (const collectionId of request.collectionIds) {
    targets.push(await readTarget(gateway, collectionId, queries, request.operation, seen));
  }
  const plan = planMembership({ operation: request.operation, products, targets });
  return createPlannedChange(shop, {
    kind: "membership",
    request: request as unknown as Prisma.InputJsonValue,
    plan,
    createdBy: actor,
  });
}

/** The chosen collections' titles and sizes (unknown ids are left out). */
export async function chosenCollections(gateway: ShopifyGateway, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const { nodes } = await gateway.query(COLLECTION_TITLES_QUERY, { ids: [...ids] });
  return nodes.flatMap((node) =>
    node && "title" in node
      ? [{ id: node.id, title: node.title, productsCount: node.productsCount?.count ?? 0 }]
      : [],
  );
}
