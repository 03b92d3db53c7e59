import type { Collection, ShopState } from "../store/types";
import { collectionHasProduct } from "./membership";
import { matchPublishedStatus } from "./product-search";
import type { SearchSchema } from "./search-compile";
import { matchId, matchKeyword, matchTime, matchWords, numericId } from "./search-match";
import { publishedAtOf } from "./publishing";

/** `smart` = the collection has any condition (inclusion or exclusion); `custom` otherwise. */
export function collectionType(collection: Collection): "smart" | "custom" {
  const smart = collection.sources.some(
    (source) =>
      source.kind === "conditions" &&
      (source.inclusion.conditions.length > 0 || (source.exclusion?.conditions.length ?? 0) > 0),
  );
  return smart ? "smart" : "custom";
}

/** Filters of the `collections` / `collectionsCount` query argument (2026-10 filter table). */
export function collectionSearchSchema(shop: ShopState, now: Date): SearchSchema<Collection> {
  const onlineStore = shop.publications.filter((publication) => publication.onlineStore);
  const productIds = new Map<string, string | undefined>();
  const productIdFor = (value: string): string | undefined => {
    if (!productIds.has(value)) {
      const wanted = value.includes("/") ? numericId(value) : Number(value);
      const product = [...shop.products.values()].find((p) => numericId(p.id) === wanted);
      productIds.set(value, product?.id);
    }
    return productIds.get(value);
  };
  return {
    name: "collections",
    fields: {
      title: { match: (c, t) => matchWords([c.title], t) },
      handle: { match: (c, t) => matchKeyword([c.handle], t), commaList: true },
      collection_type: { match: (c, t) => matchKeyword([collectionType(c)], t) },
      id: { match: (c, t) => matchId([c.id], t) },
      updated_at: { match: (c, t) => matchTime([c.updatedAt], t, now) },
      published_at: { match: (c, t) => matchTime([publishedAtOf(c, shop)], t, now) },
      product_id: {
        match: (c, t) => {
          const productId = productIdFor(t.value);
          return productId !== undefined && collectionHasProduct(shop, c, productId);
        },
      },
      published_status: {
        match: (c, t) =>
          matchPublishedStatus(c.publicationIds, t.value, shop.publications, onlineStore),
      },
    },
    freeText: (c, t) => matchWords([c.title, c.handle], t, !t.quoted),
    notEmulated: ["product_publication_status", "publishable_status"],
  };
}
