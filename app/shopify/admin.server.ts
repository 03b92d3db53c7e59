import { authenticateAdmin, type AdminContext } from "./app.server";
import { ShopifyGateway } from "./gateway.server";

/** What a route gets after authentication: who and which shop, plus the gateway to its Admin API. */
export interface RequestContext extends Omit<AdminContext, "graphql"> {
  gateway: ShopifyGateway;
}

export async function requireShop(request: Request): Promise<RequestContext> {
  const { graphql, ...rest } = await authenticateAdmin(request);
  return { ...rest, gateway: new ShopifyGateway(rest.shop, graphql) };
}
