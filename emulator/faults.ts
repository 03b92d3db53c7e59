/**
 * Per-shop fault injection, set through the control API: failing requests, added latency, forced
 * throttling and failing webhook deliveries. Counters count down as faults are used.
 */

export interface ShopFaults {
  /** The next N Admin API requests answer with `serverErrorStatus`. */
  serverErrors: number;
  serverErrorStatus: number;
  /** Real milliseconds added before every Admin API answer. */
  latencyMs: number;
  /** The next N Admin API requests answer THROTTLED. */
  throttle: number;
  /** The next N webhook delivery attempts fail as if the app answered 500. */
  webhookFailures: number;
}

export const NO_FAULTS: Readonly<ShopFaults> = Object.freeze({
  serverErrors: 0,
  serverErrorStatus: 503,
  latencyMs: 0,
  throttle: 0,
  webhookFailures: 0,
});

export class FaultInjector {
  private readonly byShop = new Map<string, ShopFaults>();

  get(domain: string): ShopFaults {
    return { ...(this.byShop.get(domain) ?? NO_FAULTS) };
  }

  /** Merges `patch` into the shop's faults; returns the result. */
  set(domain: string, patch: Partial<ShopFaults>): ShopFaults {
    const next = { ...this.get(domain), ...patch };
    this.byShop.set(domain, next);
    return { ...next };
  }

  clear(domain?: string): void {
    if (domain) this.byShop.delete(domain);
    else this.byShop.clear();
  }

  /** Uses up one server-error fault; returns the status to answer with, or null. */
  takeServerError(domain: string): number | null {
    const faults = this.byShop.get(domain);
    if (!faults || faults.serverErrors <= 0) return null;
    faults.serverErrors -= 1;
    return faults.serverErrorStatus;
  }

  takeThrottle(domain: string): boolean {
    const faults = this.byShop.get(domain);
    if (!faults || faults.throttle <= 0) return false;
    faults.throttle -= 1;
    return true;
  }

  takeWebhookFailure(domain: string): boolean {
    const faults = this.byShop.get(domain);
    if (!faults || faults.webhookFailures <= 0) return false;
    faults.webhookFailures -= 1;
    return true;
  }

  latencyMs(domain: string): number {
    return this.byShop.get(domain)?.latencyMs ?? 0;
  }
}
