import { randomUUID } from "node:crypto";
import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";

/** A webhook delivery as Shopify sends it, signed with `secret` (the app's, unless forging). */
export function webhookRequest(
  path: string,
  options: { shop: string; topic: string; payload: unknown; secret?: string; webhookId?: string },
): Request {
  const body = JSON.stringify(options.payload);
  return new Request(new URL(path, process.env.SHOPIFY_APP_URL), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": getHmac(body, options.secret ?? API_SECRET_KEY),
      "X-Shopify-Topic": options.topic,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}
