import type { Resolvers } from "../graphql/context";

/** Themes, metafields, metaobjects, orders, analytics, discounts, variant prices. (Being built.) */
export const contentResolvers: Resolvers = {};
