import type { Clock, WebhookEmitter } from "../graphql/context";
import type { ShopState, WebhookDelivery } from "../store/types";
import { newWebhookId, WEBHOOK_API_VERSION, webhookHeaders, webhookHmac } from "./signing";

/**
 * Shopify retries a failed webhook 8 times over about 4 hours. The emulator keeps the shape (8
 * retries, each wait doubling) at 1/60 of the time: about 4 minutes from first to last attempt.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000,
];
/** Shopify gives up on an attempt after 5 s in total. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 5_000;
/** Delivery records kept per sender (oldest finished ones are dropped first). */
export const DEFAULT_MAX_RECORDS = 10_000;

export interface WebhookSenderOptions {
  appSecret: string;
  clock: Clock;
  /** The app's webhook endpoint for a shop; undefined = record only, deliver nowhere. */
  targetFor(shop: ShopState): string | undefined;
  /** Consulted before each attempt: true = answer this attempt as a failure (fault injection). */
  shouldFail?(shop: ShopState): boolean;
  /** Waits before retry 1, 2, ...; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
  /** `X-Shopify-Name` (the subscription's name) for a topic; default: the topic itself. */
  subscriptionName?(topic: string): string;
  maxRecords?: number;
}

interface PendingDelivery {
  record: WebhookDelivery;
  shop: ShopState;
  target: string;
  rawBody: string;
}

/**
 * Signs, sends and retries webhook deliveries. Each `emit` is one delivery with its own
 * `X-Shopify-Webhook-Id` (the same on every retry of that delivery, as Shopify does, so receivers
 * can dedupe) and its own `X-Shopify-Event-Id`. Success is any 2xx; anything else, a network
 * error, a timeout or an injected fault is retried on the schedule until it runs out.
 */
export class WebhookSender implements WebhookEmitter {
  private readonly log: WebhookDelivery[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<PendingDelivery>();
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  emit(shop: ShopState, topic: string, payload: unknown): void {
    const record: WebhookDelivery = {
      id: newWebhookId(),
      eventId: newWebhookId(),
      topic,
      shop: shop.domain,
      payload,
      triggeredAt: this.options.clock.nowIso(),
      attempts: [],
      delivered: false,
    };
    this.remember(record);
    const target = this.options.targetFor(shop);
    if (target === undefined || this.closed) return;
    const pending: PendingDelivery = { record, shop, target, rawBody: JSON.stringify(payload) };
    this.inFlight.add(pending);
    void this.attempt(pending);
  }

  /** Deliveries for a shop, oldest first. */
  deliveries(shopDomain: string): WebhookDelivery[] {
    return this.log.filter((d) => d.shop === shopDomain);
  }

  /** Resolves when no delivery is waiting for an attempt or a retry. */
  flush(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops all retries; deliveries still pending stay undelivered. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.inFlight.clear();
    this.notifyIfIdle();
  }

  private remember(record: WebhookDelivery): void {
    this.log.push(record);
    const max = this.options.maxRecords ?? DEFAULT_MAX_RECORDS;
    if (this.log.length <= max) return;
    const index = this.log.findIndex(
      (d) => d.delivered || ![...this.inFlight].some((p) => p.record === d),
    );
    this.log.splice(index === -1 ? 0 : index, 1);
  }

  private async attempt(pending: PendingDelivery): Promise<void> {
    const outcome = await this.send(pending);
    if (this.closed || !this.inFlight.has(pending)) return;
    pending.record.attempts.push({ at: this.options.clock.nowIso(), ...outcome });
    const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const delays = this.options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    const retry = pending.record.attempts.length - 1;
    if (ok || retry >= delays.length) {
      pending.record.delivered = ok;
      this.inFlight.delete(pending);
      this.notifyIfIdle();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(pending);
    }, delays[retry]);
    this.timers.add(timer);
  }

  private async send(
    pending: PendingDelivery,
  ): Promise<{ status: number | null; error: string | null }> {
    if (this.options.shouldFail?.(pending.shop)) {
      return { status: null, error: "fault injected: delivery failed" };
    }
    const { record, rawBody } = pending;
    const headers = webhookHeaders({
      topic: record.topic,
      shopDomain: record.shop,
      webhookId: record.id,
      eventId: record.eventId,
      triggeredAt: record.triggeredAt,
      name: this.options.subscriptionName?.(record.topic) ?? record.topic,
      hmac: webhookHmac(this.options.appSecret, rawBody),
      apiVersion: WEBHOOK_API_VERSION,
    });
    try {
      const response = await fetch(pending.target, {
        method: "POST",
        headers,
        body: rawBody,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private notifyIfIdle(): void {
    if (this.inFlight.size > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
