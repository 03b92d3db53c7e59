import type { Collection, ShopState } from "../store/types";
import { publishedAtOf } from "./publishing";
import { numericId } from "./search-match";

/** `collections/create` and `collections/update` bodies, in the REST JSON shape webhooks use. */
export function collectionWebhookPayload(shop: ShopState, collection: Collection) {
  return {
    id: numericId(collection.id),
    handle: collection.handle,
    title: collection.title,
    updated_at: collection.updatedAt,
    body_html: collection.descriptionHtml,
    published_at: publishedAtOf(collection, shop),
    sort_order: collection.sortOrder.toLowerCase().replace(/_/g, "-"),
    template_suffix: collection.templateSuffix,
    published_scope: "web",
    admin_graphql_api_id: collection.id,
  };
}

/** `collections/delete` carries only the identity of the deleted collection. */
export function collectionDeletedPayload(collection: Collection) {
  return {
    id: numericId(collection.id),
    published_scope: "web",
    admin_graphql_api_id: collection.id,
  };
}
