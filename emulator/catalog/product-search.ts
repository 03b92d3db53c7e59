import type { Collection, Product, Publication, ShopState } from "../store/types";
import { collectionHasProduct } from "./membership";
import type { SearchFieldSpec, SearchSchema } from "./search-compile";
import {
  matchBoolean,
  matchId,
  matchKeyword,
  matchNumber,
  matchTime,
  matchWords,
} from "./search-match";
import { totalInventory } from "./sorting";
import type { SearchTerm } from "./search";

/** Filters of the `products` / `productsCount` query argument (2026-10 filter table). */
export function productSearchSchema(shop: ShopState, now: Date): SearchSchema<Product> {
  const field = (
    match: (product: Product, term: SearchTerm) => boolean,
    commaList = false,
  ): SearchFieldSpec<Product> => ({ match, commaList });
  const onlineStore = shop.publications.filter((publication) => publication.onlineStore);
  const collections = new Map<string, Collection | undefined>();
  const collectionFor = (term: SearchTerm): Collection | undefined => {
    const key = term.comparator + term.value;
    if (!collections.has(key)) {
      collections.set(
        key,
        [...shop.collections.values()].find((c) => matchId([c.id], term)),
      );
    }
    return collections.get(key);
  };
  return {
    name: "products",
    fields: {
      title: field((p, t) => matchWords([p.title], t)),
      handle: field((p, t) => matchKeyword([p.handle], t), true),
      tag: field((p, t) => matchKeyword(p.tags, t)),
      tag_not: field((p, t) => !matchKeyword(p.tags, t)),
      vendor: field((p, t) => matchKeyword([p.vendor], t)),
      product_type: field((p, t) => matchKeyword([p.productType], t), true),
      status: field((p, t) => matchKeyword([p.status], t), true),
      id: field((p, t) => matchId([p.id], t)),
      variant_id: field((p, t) =>
        matchId(
          p.variants.map((v) => v.id),
          t,
        ),
      ),
      sku: field((p, t) =>
        matchKeyword(
          p.variants.map((v) => v.sku),
          t,
        ),
      ),
      variant_title: field((p, t) =>
        matchWords(
          p.variants.map((v) => v.title),
          t,
        ),
      ),
      price: field((p, t) =>
        matchNumber(
          p.variants.map((v) => Number(v.price)),
          t,
        ),
      ),
      inventory_total: field((p, t) => matchNumber([totalInventory(p)], t)),
      is_price_reduced: field((p, t) =>
        matchBoolean(
          p.variants.some(
            (v) => v.compareAtPrice !== null && Number(v.compareAtPrice) > Number(v.price),
          ),
          t,
        ),
      ),
      gift_card: field((_p, t) => matchBoolean(false, t)),
      created_at: field((p, t) => matchTime([p.createdAt], t, now)),
      updated_at: field((p, t) => matchTime([p.updatedAt], t, now)),
      published_at: field((p, t) => matchTime([p.publishedAt], t, now)),
      collection_id: field((p, t) => {
        const collection = collectionFor(t);
        return collection !== undefined && collectionHasProduct(shop, collection, p.id);
      }),
      publication_ids: field((p, t) => matchId(p.publicationIds, t), true),
      published_status: field((p, t) =>
        matchPublishedStatus(p.publicationIds, t.value, shop.publications, onlineStore),
      ),
    },
    freeText: (p, t) =>
      matchWords(
        [p.title, p.vendor, p.productType, p.handle, ...p.tags, ...p.variants.map((v) => v.sku)],
        t,
        !t.quoted,
      ),
    notEmulated: [
      "barcode",
      "bundles",
      "category_id",
      "combined_listing_role",
      "delivery_profile_id",
      "error_feedback",
      "has_only_composites",
      "has_only_default_variant",
      "has_variant_with_components",
      "out_of_stock_somewhere",
      "product_configuration_owner",
      "product_publication_status",
      "publishable_status",
      "tracks_inventory",
      "metafields.",
    ],
  };
}

/**
 * `published_status` values: `online_store_channel` (everything in the online store channel),
 * `published` / `visible` (published to the online store), `unpublished`, `unavailable` (on no
 * publication), and `<publication id>-published|visible|intended|hidden`.
 */
export function matchPublishedStatus(
  publicationIds: readonly string[],
  value: string,
  publications: readonly Publication[],
  onlineStore: readonly Publication[],
): boolean {
  const onOnlineStore = onlineStore.some((p) => publicationIds.includes(p.id));
  switch (value.toLowerCase()) {
    case "online_store_channel":
      return true;
    case "published":
    case "visible":
      return onOnlineStore;
    case "unpublished":
      return !onOnlineStore;
    case "unavailable":
      return publicationIds.length === 0;
  }
  const channel = /^(.+)-(published|visible|intended|hidden)$/i.exec(value);
  if (!channel) return false;
  const publication = publications.find(
    (p) =>
      p.id.endsWith(`/${channel[1]}`) ||
      p.title.toLowerCase().replace(/\s+/g, "-") === channel[1].toLowerCase(),
  );
  if (!publication) return false;
  const published = publicationIds.includes(publication.id);
  switch (channel[2].toLowerCase()) {
    case "published":
    case "visible":
      return published;
    case "hidden":
      return !published;
    default:
      return false; // "intended" (added, not yet published) has no emulated state
  }
}
