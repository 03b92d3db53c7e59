import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { searchCollections } from "../features/homepage/campaign-references.server";
import { searchProducts } from "../features/shop/products.server";
import { requireShop } from "../shopify/admin.server";

const search = z.object({
  query: z.string().max(200).default(""),
  type: z.enum(["product", "collection"]).default("product"),
});

/** Product or collection search for the standalone demo's pickers (JSON). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const parsed = search.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "invalid search" }, { status: 400 });
  const { query, type } = parsed.data;
  if (type === "collection") {
    return Response.json({ collections: await searchCollections(gateway, query) });
  }
  return Response.json({ products: await searchProducts(gateway, query) });
};
