import { enqueue } from "../../jobs/queue.server";
import { processWebhookJob } from "../../jobs/process-webhook.server";
import { authenticateWebhook } from "../../shopify/app.server";
import { recordWebhook } from "./webhooks.server";

/**
 * Every webhook: verify the HMAC (a forged one is answered 401 before anything is recorded),
 * record it once per webhook id, queue its processing, answer 200 fast.
 */
export async function receiveWebhook(request: Request): Promise<Response> {
  const { shop, topic, payload, webhookId, eventId, triggeredAt } =
    await authenticateWebhook(request);
  const fresh = await recordWebhook({ shop, topic, webhookId, eventId, triggeredAt, payload });
  if (fresh) {
    await enqueue(
      processWebhookJob,
      { shop, topic, webhookId, triggeredAt: triggeredAt ?? null },
      { singletonKey: webhookId },
    );
  }
  return new Response(null, { status: 200 });
}
