import type { ShopifyGateway } from "../../shopify/gateway.server";
import { PRODUCT_SEARCH_QUERY } from "../../shopify/operations/product-search";

/** Products whose title matches `text` (for the standalone product picker). */
export async function searchProducts(gateway: ShopifyGateway, text: string) {
  const cleaned = text.replace(/[^\p{L}\p{N} -]/gu, " ").trim();
  const { products } = await gateway.query(PRODUCT_SEARCH_QUERY, {
    first: 50,
    query: cleaned || null,
  });
  return products.nodes.map((product) => ({ id: product.id, title: product.title }));
}
