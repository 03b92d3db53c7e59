import { db } from "../../db.server";
import type { ReceivedEvent, WebhookHandlers } from "../../jobs/webhook-handlers";
import { isOwnEcho, recordAction } from "./actions.server";
import { EXTERNAL_TOPICS, externalChange } from "./external-changes";
import { onBulkOperationFinished } from "./jobs.server";
import { applyOrderPayload } from "./sync.server";

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
  const resource = change.resource;
  if (
    resource &&
    (await isOwnEcho(event.shop, { type: resource.type, resourceId: resource.id }, at))
  )
    return;
  // Recorded even while a Merchdesk change may still be applying: recording that change removes
  // this again if it was its echo (actions.server.ts, ADR 013).
  await recordAction(event.shop, change.input);
}

/** Webhook topics the insights capability acts on (run by the webhook.process job). */
export const insightsWebhookHandlers: WebhookHandlers = {
  ORDERS_CREATE: onOrder,
  ORDERS_UPDATED: onOrder,
  BULK_OPERATIONS_FINISH: onBulkFinish,
  ...Object.fromEntries(EXTERNAL_TOPICS.map((topic) => [topic, onExternalChange])),
};
