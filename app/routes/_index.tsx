import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

/** The app's entry URL: Shopify opens it with shop/host params; everything lives under /app. */
export const loader = ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  return redirect(`/app${url.search}`);
};
