/** A recorded webhook as handlers receive it. */
export interface ReceivedEvent {
  shop: string;
  topic: string;
  webhookId: string;
  triggeredAt: Date | null;
  payload: unknown;
}

/**
 * Handlers by topic (the `X-Shopify-Topic` in enum form, e.g. "COLLECTIONS_UPDATE"). Each must be
 * idempotent: a retried job runs it again.
 */
export type WebhookHandlers = Partial<Record<string, (event: ReceivedEvent) => Promise<void>>>;
