import { Prisma } from "@prisma/client";
import { db } from "../../db.server";

export const COMPLIANCE_TOPICS = ["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"];

export interface ReceivedWebhook {
  shop: string;
  topic: string;
  webhookId: string;
  eventId?: string | null;
  triggeredAt?: string | null;
  payload: unknown;
}

/**
 * Records a verified delivery once. Returns false for a redelivery of a webhook id already
 * recorded (Shopify retries until it gets a 2xx, so duplicates are normal).
 */
export async function recordWebhook(webhook: ReceivedWebhook): Promise<boolean> {
  const triggeredAt = webhook.triggeredAt ? new Date(webhook.triggeredAt) : null;
  try {
    if (COMPLIANCE_TOPICS.includes(webhook.topic)) {
      await db().complianceRequest.create({
        data: { shop: webhook.shop, topic: webhook.topic, webhookId: webhook.webhookId },
      });
    } else {
      const known = await db().shop.findUnique({ where: { domain: webhook.shop } });
      if (!known) return false; // not installed here: nothing of this shop to update
      await db().webhookEvent.create({
        data: {
          shop: webhook.shop,
          topic: webhook.topic,
          webhookId: webhook.webhookId,
          eventId: webhook.eventId ?? null,
          triggeredAt: triggeredAt && !Number.isNaN(triggeredAt.getTime()) ? triggeredAt : null,
          payload: webhook.payload as Prisma.InputJsonValue,
        },
      });
    }
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return false;
    throw error;
  }
}
