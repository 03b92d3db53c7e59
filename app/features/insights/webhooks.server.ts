import { db } from "../../db.server";
import type { ReceivedEvent, WebhookHandlers } from "../../jobs/webhook-handlers";
import { recordAction } from "./actions.server";
import { EXTERNAL_TOPICS, externalChange } from "./external-changes";
import { onBulkOperationFinished } from "./jobs.server";
import { applyOrderPayload } from "./sync.server";

/** Merchdesk's own changes come back as webhooks a moment later; they are not external. */
const OWN_ECHO_MS = 15 * 60_000;

async function onOrder(event: ReceivedEvent) {
  const shop = await db().shop.findUnique({ where: { domain: event.shop } });
  if (!shop) return;
  const outcome = await applyOrderPayload(
    event.shop,
    { timeZone: shop.ianaTimezone ?? "UTC", currencyCode: shop.currencyCode },
    event.payload,
  );
  if (outcome.status === "invalid") {
    // Recorded for the sync status; retrying cannot fix a payload.
    await db().kpiSync.upsert({
      where: { shop: event.shop },
      create: { shop: event.shop, error: `order webhook: ${outcome.problems.join("; ")}` },
      update: { error: `order webhook: ${outcome.problems.join("; ")}` },
    });
  }
}

async function onBulkFinish(event: ReceivedEvent) {
  const id = (event.payload as { admin_graphql_api_id?: unknown } | null)?.admin_graphql_api_id;
  if (typeof id === "string") await onBulkOperationFinished(event.shop, id);
}

async function onExternalChange(event: ReceivedEvent) {
  const at = event.triggeredAt ?? new Date();
  const change = externalChange({ ...event, triggeredAt: at });
  if (!change) return;
  if (change.resource) {
    const own = await db().action.findFirst({
      where: {
        shop: event.shop,
        source: "MERCHDESK",
        startedAt: {
          gte: new Date(at.getTime() - OWN_ECHO_MS),
          lte: new Date(at.getTime() + 60_000),
        },
        resources: { some: { type: change.resource.type, resourceId: change.resource.id } },
      },
      select: { id: true },
    });
    if (own) return;
  }
  await recordAction(event.shop, change.input);
}

/** Webhook topics the insights capability acts on (run by the webhook.process job). */
export const insightsWebhookHandlers: WebhookHandlers = {
  ORDERS_CREATE: onOrder,
  ORDERS_UPDATED: onOrder,
  BULK_OPERATIONS_FINISH: onBulkFinish,
  ...Object.fromEntries(EXTERNAL_TOPICS.map((topic) => [topic, onExternalChange])),
};
