import type { ExecutionResult } from "graphql";
import { EmulatorClock } from "./clock";
import type { EmulatorContext, Resolvers } from "./graphql/context";
import { executeAdmin } from "./graphql/execute";
import { createShopState, nextGid, type CreateShopOptions } from "./store/shop";
import type { ShopState } from "./store/types";

/** Test support: a shop, a frozen clock, a recording webhook emitter and a query runner. */
export function createTestHarness(
  resolvers: Resolvers,
  shopOptions: Partial<CreateShopOptions> = {},
) {
  const shop: ShopState = createShopState({ domain: "test-shop.myshopify.com", ...shopOptions });
  const clock = new EmulatorClock();
  clock.freeze(new Date("2026-11-02T10:00:00Z"));
  const emitted: { topic: string; payload: unknown }[] = [];
  let jobSeq = 0;
  const ctx: EmulatorContext = {
    shop,
    clock,
    baseUrl: "http://127.0.0.1:0",
    webhooks: { emit: (_shop, topic, payload) => void emitted.push({ topic, payload }) },
    nextGid,
    createJob: (s, delayMs = 0) => {
      const id = `gid://shopify/Job/test-${++jobSeq}`;
      s.jobs.set(id, { id, doneAt: new Date(clock.now().getTime() + delayMs).toISOString() });
      return id;
    },
  };
  const run = (query: string, variables?: Record<string, unknown>): Promise<ExecutionResult> =>
    executeAdmin({ query, variables, ctx, resolvers });
  return { shop, clock, ctx, emitted, run };
}
