import { GraphQLError } from "graphql";
import type { FieldResolver, Resolvers } from "../graphql/context";
import { paginate } from "../graphql/connection";
import {
  connectionArgs,
  exactCount,
  failNotEmulated,
  isCollection,
  isProduct,
  isRecord,
  shopView,
  typed,
} from "../catalog/graphql-views";
import { publish, publishedAtOf, unpublish } from "../catalog/publishing";
import { numericId } from "../catalog/search-match";
import { byNumericId } from "../catalog/sorting";
import type { Collection, Gid, Product, Publication, ShopState } from "../store/types";

/**
 * `publications`, the Publication fields, the Publishable fields of Product and Collection, and
 * `publishablePublish` / `publishableUnpublish`. Publishing takes effect at once (a future
 * `publishDate` is recorded as the publish instant, not scheduled).
 */

function isPublication(value: unknown): value is Publication {
  return isRecord(value) && typeof value.id === "string" && typeof value.onlineStore === "boolean";
}

function publishable(value: unknown): Product | Collection {
  if (isProduct(value) || isCollection(value)) return value;
  throw new GraphQLError("emulator bug: Publishable field on an unexpected object");
}

function publicationOf(value: unknown): Publication {
  if (!isPublication(value))
    throw new GraphQLError("emulator bug: Publication field on an unexpected object");
  return value;
}

function typedPublishable(resource: Product | Collection) {
  return typed(isProduct(resource) ? "Product" : "Collection", resource);
}

function publishDateOf(shop: ShopState, resource: Product | Collection): string {
  if (isProduct(resource)) return resource.publishedAt ?? resource.createdAt;
  return publishedAtOf(resource, shop) ?? resource.createdAt;
}

const publishableFields: Record<string, FieldResolver> = {
  publishedOnPublication: (resource, args) =>
    publishable(resource).publicationIds.includes(String(args.publicationId)),
  resourcePublications: (resource, args, ctx) => {
    const item = publishable(resource);
    const nodes = ctx.shop.publications
      .filter((publication) => item.publicationIds.includes(publication.id))
      .map((publication) => ({
        isPublished: true,
        publication,
        publishDate: publishDateOf(ctx.shop, item),
        publishable: typedPublishable(item),
      }));
    if (args.reverse === true) nodes.reverse();
    return paginate(nodes, connectionArgs(args), (node) => node.publication.id);
  },
  resourcePublicationsCount: (resource, _args, ctx) => {
    const item = publishable(resource);
    return exactCount(
      ctx.shop.publications.filter((p) => item.publicationIds.includes(p.id)).length,
    );
  },
  availablePublicationsCount: (resource, _args, ctx) => {
    const item = publishable(resource);
    return exactCount(
      ctx.shop.publications.filter((p) => item.publicationIds.includes(p.id)).length,
    );
  },
  unpublishedPublications: (resource, args, ctx) => {
    const item = publishable(resource);
    const nodes = ctx.shop.publications.filter((p) => !item.publicationIds.includes(p.id));
    if (args.reverse === true) nodes.reverse();
    return paginate(nodes, connectionArgs(args), (p) => p.id);
  },
};

function findPublishable(shop: ShopState, id: Gid): Product | Collection | undefined {
  return shop.products.get(id) ?? shop.collections.get(id);
}

/** Shared body of publishablePublish / publishableUnpublish (generic UserError, all-or-nothing). */
function changePublications(mode: "publish" | "unpublish"): FieldResolver {
  return (_root, args, ctx) => {
    const id = String(args.id);
    const resource = findPublishable(ctx.shop, id);
    const payload = (userErrors: { field: string[]; message: string }[]) => ({
      publishable: resource && userErrors.length === 0 ? typedPublishable(resource) : null,
      shop: shopView(ctx.shop),
      userErrors,
    });
    if (!resource) return payload([{ field: ["id"], message: "Resource does not exist" }]);
    const errors: { field: string[]; message: string }[] = [];
    const publicationIds: Gid[] = [];
    let publishDate: string | null = null;
    (Array.isArray(args.input) ? args.input : []).forEach((entry: unknown, index) => {
      const at = ["input", String(index), "publicationId"];
      if (!isRecord(entry)) return;
      if (entry.channelId != null) failNotEmulated("PublicationInput.channelId (deprecated)");
      const publicationId = typeof entry.publicationId === "string" ? entry.publicationId : null;
      if (publicationId === null)
        return errors.push({ field: at, message: "Publication can't be blank" });
      if (!ctx.shop.publications.some((p) => p.id === publicationId)) {
        return errors.push({ field: at, message: "Publication does not exist" });
      }
      publicationIds.push(publicationId);
      if (typeof entry.publishDate === "string") publishDate = entry.publishDate;
    });
    if (errors.length > 0) return payload(errors);
    if (mode === "publish")
      publish(ctx.shop, resource, publicationIds, publishDate ?? ctx.clock.nowIso());
    else unpublish(ctx.shop, resource, publicationIds);
    resource.updatedAt = ctx.clock.nowIso();
    return payload([]);
  };
}

export const publicationResolvers: Resolvers = {
  QueryRoot: {
    publications(_root, args, ctx) {
      // Every emulated publication is a sales channel, i.e. an app catalog.
      const catalogType = typeof args.catalogType === "string" ? args.catalogType : null;
      const publications =
        catalogType === null || catalogType === "APP" ? [...ctx.shop.publications] : [];
      publications.sort(byNumericId);
      if (args.reverse === true) publications.reverse();
      return paginate(publications, connectionArgs(args), (p) => p.id);
    },
  },
  Publication: {
    name: (publication) => publicationOf(publication).title,
    catalog: (publication) => {
      const { id, title } = publicationOf(publication);
      return {
        __typename: "AppCatalog",
        id: `gid://shopify/AppCatalog/${numericId(id)}`,
        title,
        status: "ACTIVE",
        publication,
      };
    },
    autoPublish: () => false,
    supportsFuturePublishing: (publication) => publicationOf(publication).onlineStore,
    hasCollection: (publication, args, ctx) =>
      ctx.shop.collections
        .get(String(args.id))
        ?.publicationIds.includes(publicationOf(publication).id) ?? false,
    collections: (publication, args, ctx) => {
      const id = publicationOf(publication).id;
      const collections = [...ctx.shop.collections.values()].filter((c) =>
        c.publicationIds.includes(id),
      );
      collections.sort(byNumericId);
      if (args.reverse === true) collections.reverse();
      return paginate(collections, connectionArgs(args), (c) => c.id);
    },
  },
  Product: publishableFields,
  Collection: publishableFields,
  Mutation: {
    publishablePublish: changePublications("publish"),
    publishableUnpublish: changePublications("unpublish"),
  },
};
