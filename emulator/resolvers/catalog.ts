import type { Resolvers } from "../graphql/context";
import { mergeResolvers } from "../graphql/merge";
import { collectionResolvers } from "./collections";
import { nodeResolvers } from "./nodes";
import { productResolvers } from "./products";
import { publicationResolvers } from "./publications";

/** Products, collections (2026-07+ sources model) and publications. */
export const catalogResolvers: Resolvers = mergeResolvers(
  productResolvers,
  collectionResolvers,
  publicationResolvers,
  nodeResolvers,
);
