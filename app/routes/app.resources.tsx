import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { searchProducts } from "../features/shop/products.server";
import { requireShop } from "../shopify/admin.server";

const search = z.object({ query: z.string().max(200).default("") });

/** Product search for the standalone demo's picker (JSON). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const parsed = search.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "query is too long" }, { status: 400 });
  return Response.json({ products: await searchProducts(gateway, parsed.data.query) });
};
