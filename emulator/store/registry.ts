import type { Clock } from "../graphql/context";
import { resizeBucket } from "../graphql/throttle";
import { seedShop, type SeedKind } from "../seed/index";
import { createShopState, PLAN_BUCKETS, type CreateShopOptions } from "./shop";
import type { ShopPlan, ShopState } from "./types";

/**
 * The shops this emulator serves, by myshopify domain. Shops are created empty or seeded; a reset
 * rebuilds a shop from the options it was created with (same token, plan, scopes).
 */

export interface CreateShopRequest extends Omit<CreateShopOptions, "numericId"> {
  seed?: SeedKind;
}

export const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export class ShopRegistryError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class ShopRegistry {
  private readonly shops = new Map<string, ShopState>();
  private readonly requests = new Map<string, CreateShopRequest>();
  private nextNumericId = 1;

  constructor(private readonly clock: Clock) {}

  list(): ShopState[] {
    return [...this.shops.values()];
  }

  get(domain: string): ShopState | undefined {
    return this.shops.get(domain.toLowerCase());
  }

  byAccessToken(token: string): ShopState | undefined {
    for (const shop of this.shops.values()) if (shop.app.accessToken === token) return shop;
    return undefined;
  }

  create(request: CreateShopRequest): ShopState {
    const domain = request.domain.toLowerCase();
    if (!MYSHOPIFY_DOMAIN.test(domain)) {
      throw new ShopRegistryError(
        `domain must look like <name>.myshopify.com, got "${request.domain}"`,
        400,
      );
    }
    if (this.shops.has(domain)) throw new ShopRegistryError(`shop ${domain} already exists`, 409);
    const numericId = this.nextNumericId++;
    const normalized = { ...request, domain };
    // Tokens stay stable across resets, so the app's stored session keeps working.
    normalized.accessToken ??= `shpat_emulator_${numericId}`;
    const shop = this.build(normalized, numericId);
    this.requests.set(domain, normalized);
    this.shops.set(domain, shop);
    return shop;
  }

  /** Rebuilds the shop from its creation options (optionally with another seed). */
  reset(domain: string, seed?: SeedKind): ShopState {
    const current = this.require(domain);
    const request = { ...(this.requests.get(current.domain) ?? { domain: current.domain }) };
    if (seed) request.seed = seed;
    request.plan = current.plan;
    request.scopes = [...current.app.scopes];
    request.themeWriteExemption = current.app.themeWriteExemption;
    request.accessToken = current.app.accessToken;
    const numericId = Number(current.id.split("/").pop()) || this.nextNumericId++;
    const shop = this.build(request, numericId);
    this.requests.set(current.domain, request);
    this.shops.set(current.domain, shop);
    return shop;
  }

  delete(domain: string): boolean {
    this.requests.delete(domain.toLowerCase());
    return this.shops.delete(domain.toLowerCase());
  }

  setPlan(domain: string, plan: ShopPlan): ShopState {
    const shop = this.require(domain);
    shop.plan = plan;
    resizeBucket(shop.bucket, PLAN_BUCKETS[plan], Date.now());
    return shop;
  }

  setScopes(domain: string, scopes: string[]): ShopState {
    const shop = this.require(domain);
    shop.app.scopes = [...new Set(scopes)];
    return shop;
  }

  /** Puts shops loaded from a saved state in place of the current ones. */
  restore(shops: ShopState[]): void {
    this.shops.clear();
    this.requests.clear();
    for (const shop of shops) {
      this.shops.set(shop.domain, shop);
      this.requests.set(shop.domain, { domain: shop.domain, accessToken: shop.app.accessToken });
      const n = Number(shop.id.split("/").pop()) || 0;
      this.nextNumericId = Math.max(this.nextNumericId, n + 1);
    }
  }

  require(domain: string): ShopState {
    const shop = this.get(domain);
    if (!shop) throw new ShopRegistryError(`no shop ${domain}`, 404);
    return shop;
  }

  private build(request: CreateShopRequest, numericId: number): ShopState {
    const { seed, ...options } = request;
    const shop = createShopState({ ...options, numericId });
    seedShop(shop, seed ?? "empty", { now: this.clock.now() });
    return shop;
  }
}
