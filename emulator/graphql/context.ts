import type { GraphQLResolveInfo } from "graphql";
import type { Gid, IsoInstant, ShopState } from "../store/types";

/** The emulator's clock: real time by default; the control API can freeze it or move it forward. */
export interface Clock {
  now(): Date;
  nowIso(): IsoInstant;
}

/** Queues webhook deliveries (signed and sent by the webhook sender, retried on non-2xx). */
export interface WebhookEmitter {
  emit(shop: ShopState, topic: string, payload: unknown): void;
}

/** What every resolver receives as its GraphQL context. */
export interface EmulatorContext {
  shop: ShopState;
  clock: Clock;
  webhooks: WebhookEmitter;
  /** Public base URL of this emulator (e.g. "http://127.0.0.1:4100"), for URLs it hands out. */
  baseUrl: string;
  /** Allocates the next deterministic GID of a type for this shop: `nextGid(shop, "Product")`. */
  nextGid(shop: ShopState, type: string): Gid;
  /** Creates an async Job that reports done after `delayMs` of emulator time. */
  createJob(shop: ShopState, delayMs?: number): Gid;
}

export type FieldResolver = (
  source: unknown,
  args: Record<string, unknown>,
  ctx: EmulatorContext,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * Resolvers by type name and field name. A field with no resolver reads the same-named own
 * property of its source object; when neither exists the request fails with
 * `not emulated: Type.field`. Objects returned for interfaces and unions carry `__typename`.
 */
export type Resolvers = Record<string, Record<string, FieldResolver>>;
