import type { Resolvers } from "../graphql/context";

/** Products, collections and publications. (Being built.) */
export const catalogResolvers: Resolvers = {};
