import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateAdmin } from "../shopify/app.server";

/** OAuth and session-token bounce pages (handled by @shopify/shopify-app-remix). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticateAdmin(request);
  return null;
};
