import type { Resolvers } from "../graphql/context";
import { paginate } from "../graphql/connection";
import { collectionSearchSchema } from "../catalog/collection-search";
import {
  connectionArgs,
  countMatching,
  exactCount,
  expectSource,
  failNotEmulated,
  isProduct,
  isVariant,
  legacyResourceId,
  limitArg,
  money,
  plainText,
  stringArg,
} from "../catalog/graphql-views";
import {
  collectionMembership,
  collectionsContaining,
  productOfVariant,
} from "../catalog/membership";
import { productSearchSchema } from "../catalog/product-search";
import { compileSearch } from "../catalog/search-compile";
import { recordSearchWarnings } from "../catalog/search-extensions";
import { numericId } from "../catalog/search-match";
import {
  collectionSortKeyComparator,
  productSortComparator,
  totalInventory,
} from "../catalog/sorting";
import type { Product, Variant } from "../store/types";

/** `products`, `productsCount`, `product`, and the Product / ProductVariant fields Merchdesk reads. */

const VARIANT_SORTS: Record<string, (a: Variant, b: Variant) => number> = {
  ID: (a, b) => numericId(a.id) - numericId(b.id),
  TITLE: (a, b) => a.title.localeCompare(b.title) || numericId(a.id) - numericId(b.id),
  SKU: (a, b) => a.sku.localeCompare(b.sku) || numericId(a.id) - numericId(b.id),
  INVENTORY_QUANTITY: (a, b) =>
    a.inventoryQuantity - b.inventoryQuantity || numericId(a.id) - numericId(b.id),
};

function orderedVariants(product: Product, sortKey: string | null): Variant[] {
  if (sortKey === null || sortKey === "POSITION") return [...product.variants];
  const compare = VARIANT_SORTS[sortKey] ?? failNotEmulated(`ProductVariantSortKeys.${sortKey}`);
  return [...product.variants].sort(compare);
}

const source = (value: unknown) => expectSource(value, isProduct, "Product");

export const productResolvers: Resolvers = {
  QueryRoot: {
    products(_root, args, ctx, info) {
      const query = stringArg(args, "query");
      const search = compileSearch(query, productSearchSchema(ctx.shop, ctx.clock.now()));
      recordSearchWarnings(ctx, info, query ?? "", search);
      const products = [...ctx.shop.products.values()].filter(search.matches);
      products.sort(productSortComparator(stringArg(args, "sortKey") ?? "ID"));
      if (args.reverse === true) products.reverse();
      return paginate(products, connectionArgs(args), (product) => product.id);
    },
    productsCount(_root, args, ctx, info) {
      const query = stringArg(args, "query");
      const search = compileSearch(query, productSearchSchema(ctx.shop, ctx.clock.now()));
      recordSearchWarnings(ctx, info, query ?? "", search);
      return countMatching(ctx.shop.products.values(), search.matches, limitArg(args));
    },
    product(_root, args, ctx) {
      return ctx.shop.products.get(String(args.id)) ?? null;
    },
  },
  Product: {
    legacyResourceId: (product) => legacyResourceId(source(product).id),
    description: (product, args) =>
      plainText(
        source(product).descriptionHtml,
        typeof args.truncateAt === "number" ? args.truncateAt : null,
      ),
    seo: () => ({ title: null, description: null }),
    templateSuffix: () => null,
    isGiftCard: () => false,
    totalInventory: (product) => totalInventory(source(product)),
    tracksInventory: () => true,
    hasOnlyDefaultVariant: (product) => {
      const variants = source(product).variants;
      return variants.length === 1 && variants[0].title === "Default Title";
    },
    hasOutOfStockVariants: (product) =>
      source(product).variants.some((v) => v.inventoryQuantity <= 0),
    priceRangeV2: (product, _args, ctx) => {
      const prices = source(product).variants.map((v) => v.price);
      const sorted = [...prices].sort((a, b) => Number(a) - Number(b));
      return {
        minVariantPrice: money(ctx.shop, sorted[0] ?? "0.00"),
        maxVariantPrice: money(ctx.shop, sorted.at(-1) ?? "0.00"),
      };
    },
    compareAtPriceRange: (product, _args, ctx) => {
      const prices = source(product)
        .variants.map((v) => v.compareAtPrice)
        .filter((p): p is string => p !== null)
        .sort((a, b) => Number(a) - Number(b));
      if (prices.length === 0) return null;
      return {
        minVariantCompareAtPrice: money(ctx.shop, prices[0]),
        maxVariantCompareAtPrice: money(ctx.shop, prices.at(-1)!),
      };
    },
    variants: (product, args) => {
      const variants = orderedVariants(source(product), stringArg(args, "sortKey"));
      if (args.reverse === true) variants.reverse();
      return paginate(variants, connectionArgs(args), (variant) => variant.id);
    },
    variantsCount: (product) => exactCount(source(product).variants.length),
    collections: (product, args, ctx, info) => {
      const query = stringArg(args, "query");
      const search = compileSearch(query, collectionSearchSchema(ctx.shop, ctx.clock.now()));
      recordSearchWarnings(ctx, info, query ?? "", search);
      const collections = collectionsContaining(ctx.shop, source(product).id).filter(
        search.matches,
      );
      collections.sort(collectionSortKeyComparator(stringArg(args, "sortKey") ?? "ID"));
      if (args.reverse === true) collections.reverse();
      return paginate(collections, connectionArgs(args), (collection) => collection.id);
    },
    inCollection: (product, args, ctx) => {
      const collection = ctx.shop.collections.get(String(args.id));
      return collection
        ? collectionMembership(ctx.shop, collection).members.has(source(product).id)
        : false;
    },
    variantsInCollection: (product, args, ctx) => {
      const collection = ctx.shop.collections.get(String(args.collectionId));
      if (!collection) return null;
      const variants = variantsInCollection(
        source(product),
        collectionMembership(ctx.shop, collection),
      );
      return paginate(variants, connectionArgs(args), (variant) => variant.id);
    },
    variantsInCollectionCount: (product, args, ctx) => {
      const collection = ctx.shop.collections.get(String(args.collectionId));
      if (!collection) return null;
      return exactCount(
        variantsInCollection(source(product), collectionMembership(ctx.shop, collection)).length,
      );
    },
  },
  ProductVariant: {
    product: (variant, _args, ctx) =>
      productOfVariant(ctx.shop, expectSource(variant, isVariant, "ProductVariant").id) ?? null,
    legacyResourceId: (variant) =>
      legacyResourceId(expectSource(variant, isVariant, "ProductVariant").id),
    sku: (variant) => expectSource(variant, isVariant, "ProductVariant").sku || null,
    position: (variant, _args, ctx) => {
      const { id } = expectSource(variant, isVariant, "ProductVariant");
      const product = productOfVariant(ctx.shop, id);
      return (product?.variants.findIndex((v) => v.id === id) ?? 0) + 1;
    },
    displayName: (variant, _args, ctx) => {
      const { id, title } = expectSource(variant, isVariant, "ProductVariant");
      const product = productOfVariant(ctx.shop, id);
      return product ? `${product.title} - ${title}` : title;
    },
    availableForSale: (variant, _args, ctx) => {
      const { id, inventoryQuantity } = expectSource(variant, isVariant, "ProductVariant");
      return productOfVariant(ctx.shop, id)?.status === "ACTIVE" && inventoryQuantity > 0;
    },
    inventoryItem: (variant, _args, ctx) => {
      const v = expectSource(variant, isVariant, "ProductVariant");
      const id = `gid://shopify/InventoryItem/${numericId(v.id)}`;
      return {
        id,
        legacyResourceId: legacyResourceId(id),
        sku: v.sku || null,
        tracked: true,
        requiresShipping: true,
        unitCost: v.cost === null ? null : money(ctx.shop, v.cost),
        createdAt: v.createdAt,
        updatedAt: v.updatedAt,
      };
    },
  },
};

/** The variants that made a product a member (all of them unless it joined through variants). */
function variantsInCollection(
  product: Product,
  membership: ReturnType<typeof collectionMembership>,
): Variant[] {
  if (!membership.members.has(product.id)) return [];
  const ids = membership.variantIds.get(product.id);
  return ids ? product.variants.filter((v) => ids.includes(v.id)) : [...product.variants];
}
