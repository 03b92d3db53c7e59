import { z } from "zod";
import type { ContributionRow, KpiAggregates } from "./kpi-aggregates";
import { parseInstant, type ShopDayClock } from "./kpi-day";
import { parseMicro } from "./kpi-money";
import {
  orderContribution,
  type ExclusionReason,
  type OrderFacts,
  type OrderLineFacts,
} from "./kpi-order-facts";

/**
 * Incremental KPIs from `orders/create` and `orders/updated` webhooks (REST order JSON).
 *
 * Idempotence: each order's contribution (its rows) is stored per order. Applying a payload
 * subtracts the stored rows and adds the new ones, so a redelivery, an update or a cancellation
 * replaces the order's previous contribution instead of adding to it. A payload older than the
 * stored version (`updated_at`) is ignored. The store is an interface: a Map in tests, a table
 * (one JSON value per order, or one row per ContributionRow) in production; the bulk ingest's
 * `onRow` fills it for backfilled orders.
 */

export interface StoredContribution {
  updatedAtMs: number | null;
  rows: ContributionRow[];
}

/** Per-order contributions, keyed by order GID. A Map satisfies it. */
export interface ContributionStore {
  get(orderId: string): StoredContribution | undefined;
  set(orderId: string, contribution: StoredContribution): void;
}

export interface KpiLedger {
  aggregates: KpiAggregates;
  contributions: ContributionStore;
  clock: ShopDayClock;
  /** Shop currency; null skips the check. */
  shopCurrency: string | null;
}

export type WebhookOutcome =
  | { status: "applied"; orderId: string; excluded: ExclusionReason | null; rows: number }
  | { status: "stale"; orderId: string }
  | { status: "invalid"; problems: string[] };

const money = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const micro = parseMicro(String(value));
  if (micro === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not an amount: ${value}` });
    return z.NEVER;
  }
  return micro;
});

const instant = z.string().transform((value, ctx) => {
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not a timestamp: ${value}` });
    return z.NEVER;
  }
  return ms;
});

const restId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]);

const restLineItem = z.object({
  id: restId,
  admin_graphql_api_id: z.string().optional(),
  product_id: restId.nullable().optional(),
  quantity: z.number().int().nonnegative(),
  current_quantity: z.number().int().nonnegative().optional(),
  price: money,
  total_discount: money.optional(),
  discount_allocations: z.array(z.object({ amount: money })).optional(),
});

const restRefund = z.object({
  created_at: instant.nullable().optional(),
  refund_line_items: z
    .array(z.object({ line_item_id: restId, quantity: z.number().int().nonnegative() }))
    .default([]),
});

/** The fields of the REST order resource the KPIs need; everything else is ignored. */
export const restOrderPayload = z.object({
  id: restId,
  admin_graphql_api_id: z.string().optional(),
  created_at: instant,
  updated_at: instant.nullable().optional(),
  cancelled_at: instant.nullable().optional(),
  test: z.boolean().default(false),
  currency: z.string(),
  total_discounts: money.default("0"),
  line_items: z.array(restLineItem),
  refunds: z.array(restRefund).default([]),
});

export type RestOrderPayload = z.infer<typeof restOrderPayload>;

function gid(type: string, id: string | number): string {
  return `gid://shopify/${type}/${id}`;
}

/**
 * OrderFacts from a REST order payload. Line discount = Σ discount_allocations (order-level
 * discounts allocated to the line included, like `discountedTotalSet(withCodeDiscounts: true)`),
 * falling back to `total_discount`; `current_quantity` defaults to quantity minus refunded.
 */
export function factsFromRestOrder(payload: RestOrderPayload): OrderFacts {
  const refundedByLine = new Map<string, number>();
  for (const refund of payload.refunds) {
    for (const line of refund.refund_line_items) {
      const key = String(line.line_item_id);
      refundedByLine.set(key, (refundedByLine.get(key) ?? 0) + line.quantity);
    }
  }
  const lineItems: OrderLineFacts[] = payload.line_items.map((line) => {
    const allocated = line.discount_allocations?.reduce((sum, a) => sum + a.amount, 0);
    const discount = allocated ?? line.total_discount ?? 0;
    const originalTotal = line.price * line.quantity;
    if (!Number.isSafeInteger(originalTotal)) {
      throw new RangeError(`line item ${line.id}: total out of range`);
    }
    return {
      id: line.admin_graphql_api_id ?? gid("LineItem", line.id),
      productId: line.product_id == null ? null : gid("Product", line.product_id),
      quantity: line.quantity,
      currentQuantity:
        line.current_quantity ??
        Math.max(0, line.quantity - (refundedByLine.get(String(line.id)) ?? 0)),
      originalTotal,
      discountedTotal: originalTotal - discount,
    };
  });
  const lineGid = new Map(payload.line_items.map((line, i) => [String(line.id), lineItems[i].id]));
  return {
    id: payload.admin_graphql_api_id ?? gid("Order", payload.id),
    createdAtMs: payload.created_at,
    updatedAtMs: payload.updated_at ?? null,
    cancelled: payload.cancelled_at != null,
    test: payload.test,
    currencyCode: payload.currency,
    discounts: payload.total_discounts,
    refunds: payload.refunds.map((refund) => ({
      createdAtMs: refund.created_at ?? -Infinity,
      amount: 0,
      lines: refund.refund_line_items.map((line) => ({
        lineItemId: lineGid.get(String(line.line_item_id)) ?? gid("LineItem", line.line_item_id),
        quantity: line.quantity,
      })),
    })),
    lineItems,
  };
}

/** Replaces an order's contribution with the one from its latest facts. */
export function applyOrderFacts(ledger: KpiLedger, facts: OrderFacts): WebhookOutcome {
  const previous = ledger.contributions.get(facts.id);
  if (
    previous?.updatedAtMs != null &&
    facts.updatedAtMs !== null &&
    facts.updatedAtMs < previous.updatedAtMs
  ) {
    return { status: "stale", orderId: facts.id };
  }
  const next = orderContribution(facts, ledger.clock, ledger.shopCurrency);
  if (previous) ledger.aggregates.applyRows(previous.rows, -1);
  ledger.aggregates.applyRows(next.rows, 1);
  ledger.contributions.set(facts.id, { updatedAtMs: facts.updatedAtMs, rows: next.rows });
  return { status: "applied", orderId: facts.id, excluded: next.excluded, rows: next.rows.length };
}

/** `orders/create` / `orders/updated`: validates the payload and replaces the contribution. */
export function applyOrderWebhook(ledger: KpiLedger, payload: unknown): WebhookOutcome {
  const parsed = restOrderPayload.safeParse(payload);
  if (!parsed.success) {
    return {
      status: "invalid",
      problems: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    };
  }
  let facts: OrderFacts;
  try {
    facts = factsFromRestOrder(parsed.data);
  } catch (error) {
    return {
      status: "invalid",
      problems: [error instanceof Error ? error.message : String(error)],
    };
  }
  return applyOrderFacts(ledger, facts);
}

/**
 * A bulk ingest `onRow` that records backfilled contributions in a store, so later webhooks
 * for those orders replace them instead of counting them twice.
 */
export function recordBulkRows(
  store: ContributionStore,
): (row: ContributionRow, orderUpdatedAtMs: number) => void {
  return (row, orderUpdatedAtMs) => {
    const existing = store.get(row.orderId);
    if (existing) existing.rows.push(row);
    else store.set(row.orderId, { updatedAtMs: orderUpdatedAtMs, rows: [row] });
  };
}
