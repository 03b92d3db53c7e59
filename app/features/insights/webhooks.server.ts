import type { WebhookHandlers } from "../../jobs/webhook-handlers";

/** Webhook topics the insights capability acts on (run by the webhook.process job). */
export const insightsWebhookHandlers: WebhookHandlers = {};
