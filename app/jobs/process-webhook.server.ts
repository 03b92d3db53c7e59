import { z } from "zod";
import { db } from "../db.server";
import { recordUninstallation, redactShop } from "../features/shop/installation.server";
import { defineJob } from "./define";

/**
 * Acts on a recorded webhook. Each topic's handling is idempotent (a retry re-applies the same
 * end state). Topics owned by a capability (collections, themes, orders...) are acknowledged here
 * until that capability consumes them.
 */
export const processWebhookJob = defineJob({
  name: "webhook.process",
  payload: z.object({
    shop: z.string().min(1),
    topic: z.string().min(1),
    webhookId: z.string().min(1),
    triggeredAt: z.string().nullable(),
  }),
  retry: { limit: 8, delaySeconds: 10, backoff: true },
  async handler({ shop, topic, webhookId, triggeredAt }) {
    switch (topic) {
      case "APP_UNINSTALLED":
        await recordUninstallation(shop, triggeredAt ? new Date(triggeredAt) : new Date());
        break;
      case "SHOP_REDACT":
        await redactShop(shop);
        break;
      case "CUSTOMERS_DATA_REQUEST":
      case "CUSTOMERS_REDACT":
        // Merchdesk stores no customer personal data (orders are aggregated per day without
        // customer fields), so there is nothing to export or erase; the request is answered.
        break;
      default:
        break;
    }
    const completedAt = new Date();
    if (topic.startsWith("CUSTOMERS_") || topic === "SHOP_REDACT") {
      await db().complianceRequest.updateMany({
        where: { webhookId },
        data: {
          completedAt,
          outcome: topic === "SHOP_REDACT" ? "shop data deleted" : "no customer data held",
        },
      });
    } else {
      await db().webhookEvent.updateMany({
        where: { webhookId, shop },
        data: { processedAt: completedAt },
      });
    }
  },
});
