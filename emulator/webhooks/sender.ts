import type { Clock, WebhookEmitter } from "../graphql/context";
import type { ShopState, WebhookDelivery } from "../store/types";

export interface WebhookSenderOptions {
  appSecret: string;
  clock: Clock;
  /** The app's webhook endpoint for a shop; undefined = record only, deliver nowhere. */
  targetFor(shop: ShopState): string | undefined;
  /** Consulted before each attempt: true = answer this attempt as a failure (fault injection). */
  shouldFail?(shop: ShopState): boolean;
}

/** Signs, sends and retries webhook deliveries. (Being built: records only.) */
export class WebhookSender implements WebhookEmitter {
  private readonly log: WebhookDelivery[] = [];
  constructor(private readonly options: WebhookSenderOptions) {}
  emit(shop: ShopState, topic: string, payload: unknown): void {
    void this.options;
    this.log.push({
      id: crypto.randomUUID(),
      eventId: crypto.randomUUID(),
      topic,
      shop: shop.domain,
      payload,
      triggeredAt: new Date().toISOString(),
      attempts: [],
      delivered: false,
    });
  }
  deliveries(shopDomain: string): WebhookDelivery[] {
    return this.log.filter((d) => d.shop === shopDomain);
  }
  /** Resolves when every queued delivery has been attempted (tests). */
  async flush(): Promise<void> {}
  close(): void {}
}
