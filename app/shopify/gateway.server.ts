import type {
  AdminOperations,
  ApiClientRequestOptions,
  ReturnData,
} from "@shopify/admin-api-client";
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import type { AdminClient } from "./app.server";
import {
  observe,
  reserve,
  waitBeforeMs,
  type BucketSnapshot,
  type ThrottleStatus,
} from "./throttle";

export type Operation = keyof AdminOperations & string;
export type VariablesOf<Op extends Operation> = ApiClientRequestOptions<
  Op,
  AdminOperations
>["variables"];
export type DataOf<Op extends Operation> = ReturnData<Op, AdminOperations>;

export interface UserError {
  field?: readonly string[] | null;
  message: string;
  code?: string | null;
}

/** A mutation's outcome: its payload, or the userErrors Shopify answered with. */
export type MutationResult<P> = { ok: true; payload: P } | { ok: false; userErrors: UserError[] };

/** Shopify answered with top-level errors (not throttling): access denied, invalid query... */
export class ShopifyRequestError extends Error {
  override name = "ShopifyRequestError";
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
  }
}

interface CostExtensions {
  cost?: {
    requestedQueryCost?: number;
    actualQueryCost?: number | null;
    throttleStatus?: ThrottleStatus;
  };
}

/** What one Admin API answer cost (for benchmarks and cost reports). */
export interface CostReport {
  operation: string;
  requestedCost: number | null;
  actualCost: number | null;
  throttled: boolean;
}

const buckets = new Map<string, BucketSnapshot>();
/** Points reserved by requests of this process still waiting for their answer, per shop. */
const inFlight = new Map<string, number>();
const lastRequestedCost = new Map<string, number>();

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function costOf(value: unknown): CostExtensions["cost"] {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as { cost?: CostExtensions["cost"] }).cost;
}

function throttleCodes(error: GraphqlQueryError): string[] {
  const errors = (
    error.body as { errors?: { graphQLErrors?: { extensions?: { code?: string } }[] } }
  )?.errors?.graphQLErrors;
  return (errors ?? []).map((e) => e.extensions?.code ?? "UNKNOWN");
}

export interface GatewayOptions {
  /** Attempts for 5xx / network failures (queries, and mutations marked idempotent). */
  maxAttempts?: number;
  /** How many THROTTLED answers in a row are waited out before giving up. */
  maxThrottleWaits?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  /** Called after every answer with its cost (benchmarks measure utilisation with it). */
  onCost?: (report: CostReport) => void;
  /**
   * false sends without waiting for the bucket (only to measure a naive client against a
   * cost-aware one); THROTTLED answers are still waited out.
   */
  costAware?: boolean;
}

/**
 * The one way Merchdesk talks to the Admin API. It keeps each shop's bucket from
 * `extensions.cost`, waits before a request would be throttled, waits out THROTTLED answers by
 * what `throttleStatus` says, retries 5xx/network failures with backoff (mutations only when the
 * caller marks them idempotent: a failed response does not say whether the write happened), and
 * turns `userErrors` into typed results.
 */
export class ShopifyGateway {
  private readonly maxAttempts: number;
  private readonly maxThrottleWaits: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly onCost?: (report: CostReport) => void;
  private readonly costAware: boolean;

  constructor(
    readonly shop: string,
    private readonly client: AdminClient,
    options: GatewayOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 4;
    this.maxThrottleWaits = options.maxThrottleWaits ?? 20;
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? sleep;
    this.onCost = options.onCost;
    this.costAware = options.costAware ?? true;
  }

  /** The latest known bucket state for this shop (benchmarks and progress estimates use it). */
  bucket(): BucketSnapshot | undefined {
    return buckets.get(this.shop);
  }

  async query<Op extends Operation>(
    operation: Op,
    variables?: VariablesOf<Op>,
  ): Promise<DataOf<Op>> {
    return this.send(operation, variables, true);
  }

  /**
   * Runs a mutation and returns the payload picked by `pick`, or its userErrors.
   * `idempotent: true` allows retrying after a 5xx (the mutation is safe to apply twice).
   */
  async mutate<Op extends Operation, P extends { userErrors: readonly UserError[] }>(
    operation: Op,
    variables: VariablesOf<Op>,
    pick: (data: DataOf<Op>) => P | null | undefined,
    options: { idempotent?: boolean } = {},
  ): Promise<MutationResult<P>> {
    const data = await this.send(operation, variables, options.idempotent ?? false);
    const payload = pick(data);
    if (!payload) throw new ShopifyRequestError("the mutation returned no payload", []);
    if (payload.userErrors.length > 0) return { ok: false, userErrors: [...payload.userErrors] };
    return { ok: true, payload };
  }

  private async send<Op extends Operation>(
    operation: Op,
    variables: VariablesOf<Op> | undefined,
    retryFailures: boolean,
  ): Promise<DataOf<Op>> {
    let failures = 0;
    let throttles = 0;
    for (;;) {
      const expected = lastRequestedCost.get(operation) ?? 10;
      // Re-check after every wait: concurrent callers that computed the same wait wake together,
      // and only those the bucket still fits may go. Checking and reserving happen without an
      // await in between, so two callers never spend the same points (that was one THROTTLED
      // answer per extra caller).
      for (;;) {
        const waitMs =
          this.costAware || throttles > 0
            ? waitBeforeMs(buckets.get(this.shop), expected, this.now())
            : 0;
        if (waitMs <= 0) break;
        const before = this.now();
        await this.wait(waitMs);
        if (this.now() <= before) break; // an injected wait that does not move the clock
      }
      const snapshot = buckets.get(this.shop);
      if (snapshot) buckets.set(this.shop, reserve(snapshot, expected, this.now()));
      inFlight.set(this.shop, (inFlight.get(this.shop) ?? 0) + expected);
      let pending = true;
      const settle = () => {
        if (pending) inFlight.set(this.shop, (inFlight.get(this.shop) ?? expected) - expected);
        pending = false;
      };
      try {
        const response = await this.client(operation, { variables }).finally(settle);
        const body = await response.json();
        this.learn(operation, body.extensions, false);
        if (!body.data) throw new ShopifyRequestError("the Admin API returned no data", []);
        return body.data;
      } catch (error) {
        if (error instanceof GraphqlQueryError) {
          const codes = throttleCodes(error);
          this.learn(
            operation,
            (error.body as { extensions?: unknown } | undefined)?.extensions,
            codes.includes("THROTTLED"),
          );
          if (codes.includes("THROTTLED") && throttles++ < this.maxThrottleWaits) continue;
          throw new ShopifyRequestError(error.message, codes);
        }
        const retriable =
          retryFailures &&
          (!(error instanceof HttpResponseError) ||
            error.response.code >= 500 ||
            error.response.code === 429);
        if (retriable && ++failures < this.maxAttempts) {
          await this.wait(Math.min(30_000, 500 * 2 ** failures));
          continue;
        }
        throw error;
      }
    }
  }

  private learn(operation: string, extensions: unknown, throttled: boolean): void {
    const cost = costOf(extensions);
    this.onCost?.({
      operation,
      requestedCost: cost?.requestedQueryCost ?? null,
      actualCost: cost?.actualQueryCost ?? null,
      throttled,
    });
    if (cost?.requestedQueryCost != null) lastRequestedCost.set(operation, cost.requestedQueryCost);
    if (cost?.throttleStatus) {
      // The platform's figure does not yet include requests still in flight (concurrent callers).
      const status = cost.throttleStatus;
      const reserved = inFlight.get(this.shop) ?? 0;
      const observed = { ...status, currentlyAvailable: status.currentlyAvailable - reserved };
      buckets.set(this.shop, observe(observed, this.now()));
    }
  }
}
