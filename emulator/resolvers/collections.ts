import { GraphQLError } from "graphql";
import type { EmulatorContext, Resolvers } from "../graphql/context";
import { paginate } from "../graphql/connection";
import {
  createCollection,
  referencesOtherCollections,
  updateCollection,
} from "../catalog/collection-edits";
import { CollectionCreateInput, CollectionUpdateInput } from "../catalog/collection-inputs";
import { collectionSearchSchema } from "../catalog/collection-search";
import {
  connectionArgs,
  countMatching,
  exactCount,
  expectSource,
  failNotEmulated,
  isCollection,
  isRecord,
  jobView,
  legacyResourceId,
  limitArg,
  plainText,
  shopView,
  stringArg,
} from "../catalog/graphql-views";
import {
  collectionMembership,
  collectionProductIds,
  markCatalogChanged,
  sourceProductIds,
} from "../catalog/membership";
import { applyMoves, positionsOfMembers } from "../catalog/reorder";
import { compileSearch } from "../catalog/search-compile";
import { recordSearchWarnings } from "../catalog/search-extensions";
import { collectionSortKeyComparator, productCollectionSortComparator } from "../catalog/sorting";
import { sourceView, storedSourceOf } from "../catalog/source-views";
import { collectionDeletedPayload, collectionWebhookPayload } from "../catalog/webhook-payloads";
import type { Collection, Gid, Product, ShopState } from "../store/types";

/**
 * `collections`, `collectionsCount`, `collection`, `collectionByIdentifier`, the Collection and
 * source fields, and the 2026-10 collection mutations. Membership changes apply at once; the
 * returned `job` still reports `done: false` for `JOB_DELAY_MS` of emulator time, as the platform
 * processes them asynchronously.
 */

export const JOB_DELAY_MS = 2_000;
export const MAX_REORDER_MOVES = 250;

const source = (value: unknown) => expectSource(value, isCollection, "Collection");

function productsOf(shop: ShopState, ids: readonly Gid[]): Product[] {
  return ids.map((id) => shop.products.get(id)).filter((p): p is Product => p !== undefined);
}

function collectionProducts(shop: ShopState, collection: Collection, sortKey: string): Product[] {
  if (sortKey === "COLLECTION_DEFAULT")
    return productsOf(shop, collectionProductIds(shop, collection));
  if (sortKey === "MANUAL") {
    return productsOf(shop, collectionProductIds(shop, { ...collection, sortOrder: "MANUAL" }));
  }
  if (sortKey === "RELEVANCE")
    return productsOf(shop, collectionMembership(shop, collection).joinOrder);
  return productsOf(shop, collectionMembership(shop, collection).joinOrder).sort(
    productCollectionSortComparator(shop, sortKey),
  );
}

/** Ineligible as a sub-collection target when it already takes products from other collections. */
function eligibility(collection: Collection) {
  const state = referencesOtherCollections(collection)
    ? { eligible: false, ineligibleReason: "CHAIN_REFERENCE" }
    : { eligible: true, ineligibleReason: null };
  return { inclusion: state, exclusion: state };
}

function emitUpdated(ctx: EmulatorContext, collection: Collection): void {
  ctx.webhooks.emit(ctx.shop, "collections/update", collectionWebhookPayload(ctx.shop, collection));
}

/** Removes references to a deleted collection from sub-collection sources and exclusions. */
function dropReferencesTo(shop: ShopState, id: Gid): void {
  for (const collection of shop.collections.values()) {
    for (const s of collection.sources) {
      if (s.kind === "subCollections") s.collectionIds = s.collectionIds.filter((c) => c !== id);
      else if (s.exclusion) {
        s.exclusion.conditions = s.exclusion.conditions
          .map((c) =>
            c.kind === "collection"
              ? { ...c, values: (c.values ?? []).filter((v) => v !== id) }
              : c,
          )
          .filter((c) => c.kind !== "collection" || (c.values ?? []).length > 0);
      }
    }
  }
}

export const collectionResolvers: Resolvers = {
  QueryRoot: {
    collections(_root, args, ctx, info) {
      const query = stringArg(args, "query");
      const search = compileSearch(query, collectionSearchSchema(ctx.shop, ctx.clock.now()));
      recordSearchWarnings(ctx, info, query ?? "", search);
      const collections = [...ctx.shop.collections.values()].filter(search.matches);
      collections.sort(collectionSortKeyComparator(stringArg(args, "sortKey") ?? "ID"));
      if (args.reverse === true) collections.reverse();
      return paginate(collections, connectionArgs(args), (collection) => collection.id);
    },
    collectionsCount(_root, args, ctx, info) {
      const query = stringArg(args, "query");
      const search = compileSearch(query, collectionSearchSchema(ctx.shop, ctx.clock.now()));
      recordSearchWarnings(ctx, info, query ?? "", search);
      return countMatching(ctx.shop.collections.values(), search.matches, limitArg(args));
    },
    collection(_root, args, ctx) {
      return ctx.shop.collections.get(String(args.id)) ?? null;
    },
    collectionByIdentifier(_root, args, ctx) {
      const identifier = isRecord(args.identifier) ? args.identifier : {};
      if (typeof identifier.id === "string") return ctx.shop.collections.get(identifier.id) ?? null;
      if (typeof identifier.handle === "string") {
        const handle = identifier.handle;
        return [...ctx.shop.collections.values()].find((c) => c.handle === handle) ?? null;
      }
      return failNotEmulated("collectionByIdentifier(identifier: { customId })");
    },
  },

  Collection: {
    legacyResourceId: (collection) => legacyResourceId(source(collection).id),
    description: (collection, args) =>
      plainText(
        source(collection).descriptionHtml,
        typeof args.truncateAt === "number" ? args.truncateAt : null,
      ),
    image: () => null,
    products: (collection, args, ctx) => {
      const products = collectionProducts(
        ctx.shop,
        source(collection),
        stringArg(args, "sortKey") ?? "COLLECTION_DEFAULT",
      );
      if (args.reverse === true) products.reverse();
      return paginate(products, connectionArgs(args), (product) => product.id);
    },
    productsCount: (collection, _args, ctx) =>
      exactCount(collectionMembership(ctx.shop, source(collection)).members.size),
    hasProduct: (collection, args, ctx) =>
      collectionMembership(ctx.shop, source(collection)).members.has(String(args.id)),
    sources: (collection, _args, ctx) =>
      source(collection).sources.map((s) => sourceView(ctx.shop, s)),
    subCollectionEligibility: (collection) => eligibility(source(collection)),
  },

  CollectionConditionsSource: {
    products: (view, args, ctx) => {
      const stored = storedSourceOf(view);
      if (!stored) throw new GraphQLError("emulator bug: source view without its source");
      const products = productsOf(ctx.shop, sourceProductIds(ctx.shop, stored));
      if (args.reverse === true) products.reverse();
      return paginate(products, connectionArgs(args), (product) => product.id);
    },
  },

  CollectionSourceInclusion: {
    selections: (view, args, ctx) => {
      const stored = storedSourceOf(view);
      if (!stored) throw new GraphQLError("emulator bug: inclusion view without its source");
      const nodes = stored.inclusion.selections.flatMap((selection) => {
        const product = ctx.shop.products.get(selection.productId);
        return product ? [{ product, variantIds: selection.variantIds }] : [];
      });
      if (args.reverse === true) nodes.reverse();
      return paginate(nodes, connectionArgs(args), (node) => node.product.id);
    },
  },

  CollectionSourceExclusion: {
    selections: (view, args, ctx) => {
      const stored = storedSourceOf(view);
      if (!stored) throw new GraphQLError("emulator bug: exclusion view without its source");
      const nodes = (stored.exclusion?.selections ?? []).flatMap((selection) => {
        const product = ctx.shop.products.get(selection.productId);
        return product ? [{ product }] : [];
      });
      if (args.reverse === true) nodes.reverse();
      return paginate(nodes, connectionArgs(args), (node) => node.product.id);
    },
  },

  Mutation: {
    collectionCreate(_root, args, ctx) {
      if (args.collection == null) {
        if (args.input != null)
          failNotEmulated("collectionCreate(input:) (deprecated; use collection:)");
        return {
          collection: null,
          userErrors: [{ field: ["collection"], message: "Collection can't be blank" }],
        };
      }
      const input = CollectionCreateInput.parse(args.collection);
      const { collection, userErrors } = createCollection(
        { shop: ctx.shop, now: ctx.clock.nowIso(), nextGid: (type) => ctx.nextGid(ctx.shop, type) },
        input,
      );
      if (!collection) return { collection: null, userErrors };
      ctx.shop.collections.set(collection.id, collection);
      markCatalogChanged(ctx.shop);
      ctx.webhooks.emit(
        ctx.shop,
        "collections/create",
        collectionWebhookPayload(ctx.shop, collection),
      );
      return { collection, userErrors: [] };
    },

    collectionUpdate(_root, args, ctx) {
      if (args.collection == null) {
        if (args.input != null)
          failNotEmulated("collectionUpdate(input:) (deprecated; use collection:)");
        return {
          collection: null,
          job: null,
          userErrors: [{ field: ["collection"], message: "Collection can't be blank" }],
        };
      }
      const input = CollectionUpdateInput.parse(args.collection);
      const collection = input.id ? ctx.shop.collections.get(input.id) : undefined;
      if (!collection) {
        return {
          collection: null,
          job: null,
          userErrors: [{ field: ["collection", "id"], message: "Collection does not exist" }],
        };
      }
      const outcome = updateCollection(
        { shop: ctx.shop, now: ctx.clock.nowIso(), nextGid: (type) => ctx.nextGid(ctx.shop, type) },
        collection,
        input,
      );
      if (outcome.userErrors.length > 0) {
        return { collection: null, job: null, userErrors: outcome.userErrors };
      }
      if (outcome.changed) {
        markCatalogChanged(ctx.shop);
        emitUpdated(ctx, collection);
      }
      if (outcome.sourcesChanged) {
        collection.manualOrder = positionsOfMembers(
          collection.manualOrder,
          collectionMembership(ctx.shop, collection).members,
        );
      }
      const job = outcome.sourcesChanged
        ? jobView(ctx, ctx.createJob(ctx.shop, JOB_DELAY_MS))
        : null;
      return { collection, job, userErrors: [] };
    },

    collectionDelete(_root, args, ctx) {
      const id = isRecord(args.input) ? String(args.input.id) : "";
      const collection = ctx.shop.collections.get(id);
      if (!collection) {
        return {
          deletedCollectionId: null,
          shop: shopView(ctx.shop),
          userErrors: [{ field: ["input", "id"], message: "Collection does not exist" }],
        };
      }
      ctx.shop.collections.delete(id);
      dropReferencesTo(ctx.shop, id);
      markCatalogChanged(ctx.shop);
      ctx.webhooks.emit(ctx.shop, "collections/delete", collectionDeletedPayload(collection));
      return { deletedCollectionId: id, shop: shopView(ctx.shop), userErrors: [] };
    },

    collectionReorderProducts(_root, args, ctx) {
      const fail = (code: string, field: string[], message: string) => ({
        job: null,
        userErrors: [{ code, field, message }],
      });
      const collection = ctx.shop.collections.get(String(args.id));
      if (!collection) {
        return fail(
          "COLLECTION_NOT_FOUND",
          ["id"],
          "Collection not found. Please check the collection ID and try again.",
        );
      }
      if (collection.sortOrder !== "MANUAL") {
        // Despite its name, this code means the collection is *not* manually sorted.
        return fail(
          "MANUALLY_SORTED_COLLECTION",
          ["id"],
          "Can't reorder products unless collection is manually sorted.",
        );
      }
      const rawMoves = Array.isArray(args.moves) ? args.moves : [];
      if (rawMoves.length > MAX_REORDER_MOVES) {
        return fail(
          "INVALID_MOVE",
          ["moves"],
          `Too many moves: at most ${MAX_REORDER_MOVES} are allowed.`,
        );
      }
      const members = collectionMembership(ctx.shop, collection).members;
      const moves = [];
      for (const [index, raw] of rawMoves.entries()) {
        const id = isRecord(raw) ? String(raw.id) : "";
        const newPosition = isRecord(raw) ? Number(raw.newPosition) : Number.NaN;
        if (!members.has(id)) {
          return fail(
            "INVALID_MOVE",
            ["moves", String(index), "id"],
            "Product is not in the collection.",
          );
        }
        if (!Number.isInteger(newPosition) || newPosition < 0) {
          return fail(
            "INVALID_MOVE",
            ["moves", String(index), "newPosition"],
            "Position is invalid.",
          );
        }
        moves.push({ id, newPosition });
      }
      collection.manualOrder = applyMoves(collectionProductIds(ctx.shop, collection), moves);
      collection.updatedAt = ctx.clock.nowIso();
      markCatalogChanged(ctx.shop);
      emitUpdated(ctx, collection);
      return { job: jobView(ctx, ctx.createJob(ctx.shop, JOB_DELAY_MS)), userErrors: [] };
    },
  },
};
