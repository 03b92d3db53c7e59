import type { Prisma } from "@prisma/client";
import {
  awaitBulkOperation,
  BulkOperationFailed,
  openBulkResult,
  startBulkQuery,
} from "../../shopify/bulk.server";
import type { DataOf, ShopifyGateway } from "../../shopify/gateway.server";
import { jsonlLines } from "../../shopify/jsonl";
import { COLLECTION_MEMBERSHIP_TARGET_QUERY } from "../../shopify/operations/collection-membership-target";
import { COLLECTION_SOURCES_QUERY } from "../../shopify/operations/collection-sources";
import { COLLECTION_TITLES_QUERY } from "../../shopify/operations/collection-titles";
import { membershipPlanBulkQuery } from "../../shopify/operations/membership-plan-bulk";
import { PRODUCT_IDS_QUERY } from "../../shopify/operations/product-ids";
import { PRODUCTS_COUNT_QUERY } from "../../shopify/operations/products-count";
import { createPlannedChange } from "./changes.server";
import { hasRules, managedSourceId } from "./collection-sources";
import {
  MembershipLines,
  PLAN_BULK_THRESHOLD_READS,
  planReadStrategy,
  type PlanReadStrategy,
} from "./membership-live";
import { planMembership, type ChosenProduct, type MembershipTarget } from "./membership-plan";
import type { MembershipRequest } from "./membership-request";
import { chunk } from "./plan-types";
import { numericIdOf, productIdsQuery, productSearchQuery } from "./product-filter";

/**
 * Planning a membership change against live data (ADR 020, ADR 024). Small plans page through
 * `products(query:)` (about one point per product read); large ones read the chosen products
 * with their memberships among the target collections in one bulk query, outside the bucket.
 */
const PAGE = 250;
const PICK_GROUP = 100;
/** Picked ids per bulk query (`id:1 OR id:2 …`): 5,000 picks are five operations. */
const PICK_BULK_GROUP = 1_000;
/** Polls of a planning export: someone is watching its progress. */
const BULK_MAX_POLL_MS = 1_000;
/** Progress is written every this many products read from the export. */
const READ_PROGRESS_EVERY = 10_000;

export class CollectionNotFoundError extends Error {
  override name = "CollectionNotFoundError";
  constructor(readonly collectionId: string) {
    super(`collection ${collectionId} does not exist`);
  }
}

/** Shopify would not start the export now (another app's operations, or too many at once). */
export class BulkQueryBusyError extends Error {
  override name = "BulkQueryBusyError";
}

export type PlanStage = "count" | "export" | "read" | "targets" | "save";

export interface PlanProgress {
  stage: PlanStage;
  done: number;
  total: number | null;
}

export interface PlanOptions {
  /** Product reads above which the plan reads through a bulk query (tests make it small). */
  bulkThreshold?: number;
  onProgress?: (progress: PlanProgress) => void | Promise<void>;
}

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
function chosenQueries(request: MembershipRequest, pickGroup: number): string[] {
  if (request.products.mode === "filter") return [productSearchQuery(request.products.filter)];
  return chunk(request.products.productIds, pickGroup).map(productIdsQuery);
}

/** How many products the request chooses (picks are counted as given; unknown ids drop later). */
export async function countChosen(
  gateway: ShopifyGateway,
  request: MembershipRequest,
): Promise<number> {
  if (request.products.mode === "pick") return request.products.productIds.length;
  const { productsCount } = await gateway.query(PRODUCTS_COUNT_QUERY, {
    query: productSearchQuery(request.products.filter),
  });
  return productsCount?.count ?? 0;
}

/** Paged or bulk, from the size of the request (one cheap count for a filter). */
export async function planStrategyFor(
  gateway: ShopifyGateway,
  request: MembershipRequest,
  thresholdReads = PLAN_BULK_THRESHOLD_READS,
): Promise<{ strategy: PlanReadStrategy; chosen: number }> {
  const chosen = await countChosen(gateway, request);
  return {
    strategy: planReadStrategy(chosen, request.collectionIds.length, thresholdReads),
    chosen,
  };
}

type TargetInfo = Omit<MembershipTarget, "membersAmongChosen" | "selectedAmongChosen">;

async function readTargetInfo(gateway: ShopifyGateway, collectionId: string): Promise<TargetInfo> {
  const { collection } = await gateway.query(COLLECTION_SOURCES_QUERY, { id: collectionId });
  if (!collection) throw new CollectionNotFoundError(collectionId);
  return {
    id: collection.id,
    title: collection.title,
    productsCount: collection.productsCount?.count ?? 0,
    managedSourceId: managedSourceId(collection.sources),
    hasRules: hasRules(collection.sources),
  };
}

function readSelectionsPage(gateway: ShopifyGateway, id: string, after: string | null) {
  return gateway
    .query(COLLECTION_MEMBERSHIP_TARGET_QUERY, { id, after })
    .then((data) => data.collection);
}

/**
 * Of the chosen products, those manually selected in the managed source. Needed only to remove
 * from a collection that also has conditions (otherwise every member is a manual pick). Always
 * paged: selections sit in a connection inside the `sources` list, which bulk queries refuse.
 */
async function selectedAmong(
  gateway: ShopifyGateway,
  target: TargetInfo,
  chosen: ReadonlySet<string>,
): Promise<Set<string>> {
  const selected = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const collection = await readSelectionsPage(gateway, target.id, after);
    const source = collection?.sources.find((s) => s.id === target.managedSourceId);
    const selections = source && "inclusion" in source ? source.inclusion.selections : null;
    for (const node of selections?.nodes ?? []) {
      if (chosen.has(node.product.id)) selected.add(node.product.id);
    }
    if (!selections?.pageInfo.hasNextPage) return selected;
    after = selections.pageInfo.endCursor ?? null;
  }
}

/** The plan's targets from their sources and the members found among the chosen products. */
async function completeTargets(
  gateway: ShopifyGateway,
  request: MembershipRequest,
  infos: readonly TargetInfo[],
  chosen: ReadonlySet<string>,
  membersOf: (collectionId: string) => ReadonlySet<string>,
): Promise<MembershipTarget[]> {
  const targets: MembershipTarget[] = [];
  for (const info of infos) {
    const members = membersOf(info.id);
    const needsSelections = request.operation === "remove" && info.hasRules && info.managedSourceId;
    targets.push({
      ...info,
      membersAmongChosen: members,
      selectedAmongChosen: !info.hasRules
        ? members
        : needsSelections
          ? await selectedAmong(gateway, info, chosen)
          : new Set(),
    });
  }
  return targets;
}

function byNumericId(a: ChosenProduct, b: ChosenProduct): number {
  return Number(numericIdOf(a.id)) - Number(numericIdOf(b.id));
}

/** Small plans: the chosen products, then per target those of them already in it, page by page. */
async function readPaged(
  gateway: ShopifyGateway,
  request: MembershipRequest,
  infos: readonly TargetInfo[],
) {
  const queries = chosenQueries(request, PICK_GROUP);
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
  const members = new Map<string, Set<string>>();
  for (const info of infos) {
    const found = new Set<string>();
    const collectionFilter = `collection_id:${numericIdOf(info.id)}`;
    for (const query of queries) {
      for (const product of await productsMatching(gateway, `${query} ${collectionFilter}`)) {
        found.add(product.id);
      }
    }
    members.set(info.id, found);
  }
  const targets = await completeTargets(gateway, request, infos, seen, (id) => members.get(id)!);
  return { products, targets };
}

/** Runs one export and feeds its lines to `lines`, reporting progress on the way. */
async function exportInto(
  gateway: ShopifyGateway,
  query: string,
  lines: MembershipLines,
  progress: (stage: PlanStage, done: number) => Promise<void>,
) {
  const started = await startBulkQuery(gateway, query);
  if (!started.ok) {
    if (started.code === "INVALID") throw new Error(`bulk query refused: ${started.message}`);
    throw new BulkQueryBusyError(`${started.code}: ${started.message}`);
  }
  const base = lines.productCount;
  const state = await awaitBulkOperation(gateway, started.operationId, {
    maxWaitMs: 60 * 60_000,
    maxPollMs: BULK_MAX_POLL_MS,
    onState: (running) => progress("export", base + running.rootObjectCount),
  });
  if (state.status !== "COMPLETED") throw new BulkOperationFailed(state);
  await progress("read", lines.productCount);
  let read = 0;
  for await (const line of jsonlLines(await openBulkResult(state.url))) {
    lines.add(line);
    if (++read % READ_PROGRESS_EVERY === 0) await progress("read", lines.productCount);
  }
}

/**
 * Large plans: one bulk query per search (one for a filter, one per 1,000 picks) returning the
 * chosen products and, nested, the target collections each is already in.
 */
async function readBulk(
  gateway: ShopifyGateway,
  request: MembershipRequest,
  infos: readonly TargetInfo[],
  progress: (stage: PlanStage, done: number) => Promise<void>,
) {
  const lines = new MembershipLines(request.collectionIds);
  for (const query of chosenQueries(request, PICK_BULK_GROUP)) {
    await exportInto(
      gateway,
      membershipPlanBulkQuery(query, request.collectionIds),
      lines,
      progress,
    );
  }
  await progress("read", lines.productCount);
  const products = lines.products();
  const chosen = new Set(products.map((p) => p.id));
  const targets = await completeTargets(gateway, request, infos, chosen, (id) =>
    lines.membersOf(id),
  );
  return { products, targets };
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
  options: PlanOptions = {},
) {
  let total: number | null = null;
  const progress = async (stage: PlanStage, done: number) => {
    await options.onProgress?.({ stage, done, total });
  };
  await progress("count", 0);
  const { strategy, chosen } = await planStrategyFor(gateway, request, options.bulkThreshold);
  total = chosen;
  await progress("targets", 0);
  const infos: TargetInfo[] = [];
  for (const collectionId of request.collectionIds) {
    infos.push(await readTargetInfo(gateway, collectionId));
  }
  const { products, targets } =
    strategy === "bulk"
      ? await readBulk(gateway, request, infos, progress)
      : await readPaged(gateway, request, infos);
  // Both ways list products in id order, so the same store gives the same plan.
  products.sort(byNumericId);
  const plan = planMembership({ operation: request.operation, products, targets });
  await progress("save", products.length);
  const change = await createPlannedChange(shop, {
    kind: "membership",
    request: request as unknown as Prisma.InputJsonValue,
    plan,
    createdBy: actor,
  });
  return Object.assign(change, { readStrategy: strategy });
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
