import type { Resolvers } from "../graphql/context";
import { mergeResolvers } from "../graphql/merge";
import { annotationResolvers } from "./annotations";
import { discountResolvers } from "./discounts";
import { metafieldResolvers } from "./metafields";
import { metaobjectResolvers } from "./metaobjects";
import { orderResolvers } from "./orders";
import { shopifyqlResolvers } from "./shopifyql";
import { themeResolvers } from "./themes";
import { variantResolvers } from "./variants";

/** Themes, metafields, metaobjects, orders, analytics, discounts, variant prices. */
export const contentResolvers: Resolvers = mergeResolvers(
  themeResolvers,
  metafieldResolvers,
  metaobjectResolvers,
  orderResolvers,
  shopifyqlResolvers,
  annotationResolvers,
  discountResolvers,
  variantResolvers,
);
