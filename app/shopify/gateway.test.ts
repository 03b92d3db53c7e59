import { GraphqlQueryError } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import type { AdminClient } from "./app.server";
import { ShopifyGateway } from "./gateway.server";
import { SHOP_PROFILE_QUERY } from "./operations/shop-profile";

/**
 * The gateway's waiting against a simulated leaky bucket on a virtual clock: callers running
 * side by side (the apply job's parallel lanes) must not spend the same points twice.
 */
const COST = 10;
const BUCKET = { maximumAvailable: 100, restoreRate: 10 };

function virtualTime() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => now,
    wait: (ms: number) =>
      new Promise<void>((resolve) => {
        timers.push({ at: now + ms, resolve });
      }),
    /** Lets every caller run until it waits, then moves the clock to the earliest timer. */
    async runUntil(done: () => boolean) {
      for (let step = 0; step < 100_000 && !done(); step++) {
        await new Promise((resolve) => setImmediate(resolve));
        if (done() || timers.length === 0) continue;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift()!;
        now = Math.max(now, next.at);
        next.resolve();
      }
    },
  };
}

/** A shop whose bucket refills on the virtual clock; answers THROTTLED when a call does not fit. */
function simulatedShop(clock: { now: () => number }) {
  let available: number = BUCKET.maximumAvailable;
  let refilledAt = 0;
  const counts = { ok: 0, throttled: 0 };
  const client = (async () => {
    available = Math.min(
      BUCKET.maximumAvailable,
      available + ((clock.now() - refilledAt) / 1000) * BUCKET.restoreRate,
    );
    refilledAt = clock.now();
    const throttled = available < COST;
    if (!throttled) available -= COST;
    const extensions = {
      cost: {
        requestedQueryCost: COST,
        actualQueryCost: throttled ? null : COST,
        throttleStatus: { ...BUCKET, currentlyAvailable: Math.floor(available) },
      },
    };
    await Promise.resolve(); // the answer arrives after other callers had a turn
    if (throttled) {
      counts.throttled++;
      throw new GraphqlQueryError({
        message: "Throttled",
        response: {},
        body: { errors: { graphQLErrors: [{ extensions: { code: "THROTTLED" } }] }, extensions },
      });
    }
    counts.ok++;
    return { json: async () => ({ data: { shop: { name: "Fjällbutiken" } }, extensions }) };
  }) as unknown as AdminClient;
  return { client, counts };
}

describe("ShopifyGateway cost-aware waiting", () => {
  it("GIVEN four callers side by side on a bucket they overrun THEN none is THROTTLED and all succeed", async () => {
    const clock = virtualTime();
    const shop = simulatedShop(clock);
    const gateway = new ShopifyGateway("lanes.myshopify.com", shop.client, {
      now: clock.now,
      wait: clock.wait,
    });
    const CALLS = 30; // 4 × 30 × 10 = 1,200 points on a 100-point bucket
    let finished = 0;
    const lane = async () => {
      for (let i = 0; i < CALLS; i++) await gateway.query(SHOP_PROFILE_QUERY);
      finished++;
    };
    const lanes = Promise.all([lane(), lane(), lane(), lane()]);
    await clock.runUntil(() => finished === 4);
    await lanes;
    expect(shop.counts).toEqual({ ok: 4 * CALLS, throttled: 0 });
    // It waited for the points it needed, not much longer: 1,100 points over 10 points/s.
    expect(clock.now()).toBeGreaterThanOrEqual(110_000 - 1_000);
    expect(clock.now()).toBeLessThanOrEqual(110_000 + 5_000);
  });
});
