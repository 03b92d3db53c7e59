import type { WebhookHandlers } from "../../jobs/webhook-handlers";

/** Webhook topics the collections capability acts on (run by the webhook.process job). */
export const collectionsWebhookHandlers: WebhookHandlers = {};
