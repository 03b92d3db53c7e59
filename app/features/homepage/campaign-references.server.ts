import type { ShopifyGateway } from "../../shopify/gateway.server";
import { HOMEPAGE_COLLECTION_SEARCH_QUERY } from "../../shopify/operations/homepage-collection-search";
import {
  HOMEPAGE_COLLECTION_SUMMARY_QUERY,
  HOMEPAGE_PRODUCT_SUMMARY_QUERY,
} from "../../shopify/operations/homepage-resource-summary";
import { fieldError, type FieldErrors } from "./campaign-input";

/**
 * The campaign form's picked items, checked against Shopify: the featured collection and the
 * button's product or collection must exist and be of that kind. Errors are message keys (the
 * form translates them). The button's link is derived from the picked item's handle, so it always
 * points at something real.
 */

export interface PickedSummary {
  id: string;
  title: string;
  imageUrl: string | null;
}

export async function collectionSummary(
  gateway: ShopifyGateway,
  id: string,
): Promise<(PickedSummary & { handle: string }) | null> {
  const { collection } = await gateway.query(HOMEPAGE_COLLECTION_SUMMARY_QUERY, { id });
  return collection
    ? {
        id: collection.id,
        title: collection.title,
        handle: collection.handle,
        imageUrl: collection.image?.url ? String(collection.image.url) : null,
      }
    : null;
}

async function productSummary(gateway: ShopifyGateway, id: string) {
  const { product } = await gateway.query(HOMEPAGE_PRODUCT_SUMMARY_QUERY, { id });
  return product ? { id: product.id, title: product.title, handle: product.handle } : null;
}

export type ReferenceCheck =
  { ok: true; buttonLink: string | null } | { ok: false; errors: FieldErrors };

/**
 * Checks `collectionId` and `buttonTargetId` (already shaped as GIDs by the form schema). Returns
 * the button link to store when a target was picked (null: keep the typed link).
 */
export async function checkCampaignReferences(
  gateway: ShopifyGateway,
  input: { collectionId: string | null; buttonTargetId: string | null },
): Promise<ReferenceCheck> {
  const errors: FieldErrors = {};
  if (input.collectionId && !(await collectionSummary(gateway, input.collectionId))) {
    errors.collectionId = fieldError("homepage.error.collectionNotFound");
  }
  let buttonLink: string | null = null;
  const target = input.buttonTargetId;
  if (target?.startsWith("gid://shopify/Product/")) {
    const product = await productSummary(gateway, target);
    if (product) buttonLink = `/products/${encodeURIComponent(product.handle)}`;
    else errors.buttonTargetId = fieldError("homepage.error.productNotFound");
  } else if (target) {
    const collection = await collectionSummary(gateway, target);
    if (collection) buttonLink = `/collections/${encodeURIComponent(collection.handle)}`;
    else errors.buttonTargetId = fieldError("homepage.error.collectionNotFound");
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, buttonLink };
}

/** Collections whose title matches `text`, for the standalone collection picker. */
export async function searchCollections(
  gateway: ShopifyGateway,
  text: string,
): Promise<PickedSummary[]> {
  const cleaned = text.replace(/[^\p{L}\p{N} -]/gu, " ").trim();
  const { collections } = await gateway.query(HOMEPAGE_COLLECTION_SEARCH_QUERY, {
    first: 50,
    query: cleaned || null,
  });
  return collections.nodes.map((c) => ({
    id: c.id,
    title: c.title,
    imageUrl: c.image?.url ? String(c.image.url) : null,
  }));
}
