import type { WebhookHandlers } from "../../jobs/webhook-handlers";

/** Webhook topics the homepage capability acts on (run by the webhook.process job). */
export const homepageWebhookHandlers: WebhookHandlers = {};
