import { nextGid } from "../store/shop";
import type { Collection, Product, Publication, ShopState, Variant } from "../store/types";

/** Test support: compact builders for catalog records in a test shop. */

const AT = "2026-01-01T00:00:00.000Z";

export function addProduct(
  shop: ShopState,
  fields: Partial<Omit<Product, "variants">> & { variants?: Partial<Variant>[] } = {},
): Product {
  const id = fields.id ?? nextGid(shop, "Product");
  const title = fields.title ?? `Product ${id.slice(id.lastIndexOf("/") + 1)}`;
  const variants = (fields.variants ?? [{}]).map((variant): Variant => ({
    id: nextGid(shop, "ProductVariant"),
    title: "Default Title",
    sku: "",
    price: "10.00",
    compareAtPrice: null,
    cost: null,
    inventoryQuantity: 5,
    weightGrams: 100,
    createdAt: AT,
    updatedAt: AT,
    ...variant,
  }));
  const product: Product = {
    handle: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    descriptionHtml: "",
    vendor: "Acme",
    productType: "Shirts",
    tags: [],
    status: "ACTIVE",
    createdAt: AT,
    updatedAt: AT,
    publishedAt: null,
    publicationIds: [],
    ...fields,
    id,
    title,
    variants,
  };
  shop.products.set(product.id, product);
  return product;
}

export function addCollection(shop: ShopState, fields: Partial<Collection> = {}): Collection {
  const id = fields.id ?? nextGid(shop, "Collection");
  const collection: Collection = {
    title: `Collection ${id}`,
    handle: `collection-${id.slice(id.lastIndexOf("/") + 1)}`,
    descriptionHtml: "",
    seo: { title: null, description: null },
    sortOrder: "MANUAL",
    templateSuffix: null,
    createdAt: AT,
    updatedAt: AT,
    sources: [],
    manualOrder: [],
    publicationIds: [],
    ...fields,
    id,
  };
  shop.collections.set(collection.id, collection);
  return collection;
}

/** A collection whose only source manually selects `products`. */
export function addManualCollection(
  shop: ShopState,
  products: Product[],
  fields: Partial<Collection> = {},
): Collection {
  return addCollection(shop, {
    sources: [
      {
        kind: "conditions",
        id: nextGid(shop, "CollectionConditionsSource"),
        title: "Manual",
        description: null,
        targetType: "PRODUCTS",
        shareable: false,
        inclusion: {
          matchType: null,
          conditions: [],
          selections: products.map((p) => ({ productId: p.id, variantIds: null })),
        },
        exclusion: null,
      },
    ],
    ...fields,
  });
}

export function addPublications(shop: ShopState): { onlineStore: Publication; pos: Publication } {
  const onlineStore = {
    id: "gid://shopify/Publication/1",
    title: "Online Store",
    onlineStore: true,
  };
  const pos = { id: "gid://shopify/Publication/2", title: "Point of Sale", onlineStore: false };
  shop.publications.push(onlineStore, pos);
  return { onlineStore, pos };
}

/** Reads a nested value of a GraphQL response (`dig(data, "collection", "products", "nodes")`). */
export function dig(value: unknown, ...keys: (string | number)[]): unknown {
  let at = value;
  for (const key of keys) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** One field of every element of a response list (`pluck(nodes, "title")`). */
export function pluck(list: unknown, key: string): unknown[] {
  return Array.isArray(list) ? list.map((item: unknown) => dig(item, key)) : [];
}
