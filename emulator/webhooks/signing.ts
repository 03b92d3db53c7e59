import { createHmac, randomUUID } from "node:crypto";

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the raw body, keyed with the app secret. */
export function webhookHmac(appSecret: string, rawBody: string): string {
  return createHmac("sha256", appSecret).update(rawBody, "utf8").digest("base64");
}

export const WEBHOOK_API_VERSION = "2026-10";

export interface WebhookHeaderInput {
  topic: string;
  shopDomain: string;
  webhookId: string;
  eventId: string;
  triggeredAt: string;
  name: string;
  hmac: string;
  apiVersion: string;
}

/** The headers Shopify sends with every webhook (SHOPIFY-PLATFORM.md §8.2). */
export function webhookHeaders(input: WebhookHeaderInput): Record<string, string> {
  return {
    "Content-Type": "application/json",
    "X-Shopify-Topic": input.topic,
    "X-Shopify-Hmac-Sha256": input.hmac,
    "X-Shopify-Shop-Domain": input.shopDomain,
    "X-Shopify-API-Version": input.apiVersion,
    "X-Shopify-Webhook-Id": input.webhookId,
    "X-Shopify-Event-Id": input.eventId,
    "X-Shopify-Triggered-At": input.triggeredAt,
    "X-Shopify-Name": input.name,
  };
}

/** A fresh id for a delivery or an event (UUIDs, like Shopify's). */
export function newWebhookId(): string {
  return randomUUID();
}
