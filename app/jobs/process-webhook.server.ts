import { z } from "zod";
import { db } from "../db.server";
import { collectionsWebhookHandlers } from "../features/collections/webhooks.server";
import { homepageWebhookHandlers } from "../features/homepage/webhooks.server";
import { insightsWebhookHandlers } from "../features/insights/webhooks.server";
import { recordUninstallation, redactShop } from "../features/shop/installation.server";
import { defineJob } from "./define";
import type { ReceivedEvent, WebhookHandlers } from "./webhook-handlers";

const foundationHandlers: WebhookHandlers = {
  APP_UNINSTALLED: (event) => recordUninstallation(event.shop, event.triggeredAt ?? new Date()),
  SHOP_REDACT: (event) => redactShop(event.shop),
  // Merchdesk stores no customer personal data (orders are aggregated per day without customer
  // fields), so there is nothing to export or erase; the request is recorded and answered.
  CUSTOMERS_DATA_REQUEST: async () => undefined,
  CUSTOMERS_REDACT: async () => undefined,
};

const HANDLERS: WebhookHandlers[] = [
  foundationHandlers,
  collectionsWebhookHandlers,
  homepageWebhookHandlers,
  insightsWebhookHandlers,
];

const COMPLIANCE_OUTCOMES: Record<string, string> = {
  SHOP_REDACT: "shop data deleted",
  CUSTOMERS_DATA_REQUEST: "no customer data held",
  CUSTOMERS_REDACT: "no customer data held",
};

/**
 * Acts on a recorded webhook: every capability that subscribed to its topic handles it. A retry
 * re-runs all of them (each is idempotent).
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
    const stored = await db().webhookEvent.findUnique({ where: { webhookId } });
    const event: ReceivedEvent = {
      shop,
      topic,
      webhookId,
      triggeredAt: triggeredAt ? new Date(triggeredAt) : null,
      payload: stored?.payload ?? null,
    };
    for (const handlers of HANDLERS) await handlers[topic]?.(event);
    const completedAt = new Date();
    if (topic in COMPLIANCE_OUTCOMES) {
      await db().complianceRequest.updateMany({
        where: { webhookId },
        data: { completedAt, outcome: COMPLIANCE_OUTCOMES[topic] },
      });
    } else {
      await db().webhookEvent.updateMany({
        where: { webhookId, shop },
        data: { processedAt: completedAt },
      });
    }
  },
});
