import type { Resolvers } from "../graphql/context";
import { typed } from "../catalog/graphql-views";
import type { ShopState } from "../store/types";

/**
 * `node(id:)` and `nodes(ids:)` for the catalog's objects (Collection, Product). As on the
 * platform, an id that names nothing — or a type the emulator does not look up this way — answers
 * null in its place rather than failing the query.
 */
function nodeById(shop: ShopState, id: string) {
  const collection = shop.collections.get(id);
  if (collection) return typed("Collection", collection);
  const product = shop.products.get(id);
  if (product) return typed("Product", product);
  return null;
}

export const nodeResolvers: Resolvers = {
  QueryRoot: {
    node: (_root, args, ctx) => nodeById(ctx.shop, String(args.id)),
    nodes: (_root, args, ctx) =>
      (Array.isArray(args.ids) ? args.ids : []).map((id) => nodeById(ctx.shop, String(id))),
  },
};
