/**
 * What the app proxy answers for a valid preview link: the campaign's content in the shape the
 * theme block's preview script renders (extensions/merchdesk-campaigns/assets/merchdesk-preview.js),
 * one field per block part — hero (image, heading, text, button), announcement, collection,
 * products. Pure: the caller supplies the campaign row and its collection as read from Shopify.
 */

export interface PreviewProduct {
  title: string;
  handle: string;
  url: string;
  price: { amount: string; currencyCode: string } | null;
}

export interface PreviewCollection {
  title: string;
  handle: string;
  url: string;
  products: PreviewProduct[];
}

export interface PreviewCampaign {
  handle: string;
  heading: string;
  text: string;
  buttonLabel: string;
  buttonLink: string;
  imageUrl: string;
  announcement: string;
  collection: PreviewCollection | null;
}

/** The most products any block shows (the blocks' `products_to_show` range ends at 12). */
export const PREVIEW_PRODUCT_LIMIT = 12;

export interface CollectionRead {
  title: string;
  handle: string;
  products: {
    nodes: readonly {
      title: string;
      handle: string;
      status: string;
      priceRangeV2: { minVariantPrice: { amount: unknown; currencyCode: string } };
    }[];
  };
}

const storePath = (kind: "collections" | "products", handle: string) =>
  `/${kind}/${encodeURIComponent(handle)}`;

/** The collection as the storefront lists it: only ACTIVE products, up to the block limit. */
export function previewCollection(
  read: CollectionRead | null | undefined,
): PreviewCollection | null {
  if (!read) return null;
  return {
    title: read.title,
    handle: read.handle,
    url: storePath("collections", read.handle),
    products: read.products.nodes
      .filter((p) => p.status === "ACTIVE")
      .slice(0, PREVIEW_PRODUCT_LIMIT)
      .map((p) => ({
        title: p.title,
        handle: p.handle,
        url: storePath("products", p.handle),
        price: {
          amount: String(p.priceRangeV2.minVariantPrice.amount),
          currencyCode: p.priceRangeV2.minVariantPrice.currencyCode,
        },
      })),
  };
}

export function previewCampaign(
  campaign: {
    metaobjectHandle: string;
    heading: string;
    text: string;
    buttonLabel: string;
    buttonLink: string;
    imageUrl: string;
  },
  collection: PreviewCollection | null,
): PreviewCampaign {
  return {
    handle: campaign.metaobjectHandle,
    heading: campaign.heading,
    text: campaign.text,
    buttonLabel: campaign.buttonLabel,
    buttonLink: campaign.buttonLink,
    imageUrl: campaign.imageUrl,
    // The announcement bar shows the heading, as the metaobject's `announcement` field does.
    announcement: campaign.heading,
    collection,
  };
}
