import type { Resolvers } from "../graphql/context";
import { mergeResolvers } from "../graphql/merge";
import { bulkResolvers } from "./bulk";
import { catalogResolvers } from "./catalog";
import { contentResolvers } from "./content";
import { jobResolvers } from "./jobs";
import { shopResolvers } from "./shop";

/** Every emulated field: the engine's own (shop, jobs, bulk) plus catalog and content. */
export const adminResolvers: Resolvers = mergeResolvers(
  shopResolvers,
  jobResolvers,
  bulkResolvers,
  catalogResolvers,
  contentResolvers,
);
