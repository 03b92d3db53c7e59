import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { exportCollectionsCsv } from "../features/collections/export.server";
import { collectionGid } from "../features/collections/membership-request";
import { requireShop } from "../shopify/admin.server";

const ids = z.array(collectionGid).max(250);

/** CSV download of the chosen collections (?collection=gid…), or of all of them. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { gateway } = await requireShop(request);
  const parsed = ids.safeParse(new URL(request.url).searchParams.getAll("collection"));
  if (!parsed.success) return Response.json({ error: "invalid collection id" }, { status: 400 });
  const csv = await exportCollectionsCsv(gateway, parsed.data);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="collections-${stamp}.csv"`,
    },
  });
};
