/**
 * Test support: OrdersForKpis bulk lines as the platform writes them (field order of the query,
 * `__parentId` on children, Decimal strings). Used by the insights tests only.
 */

export interface FixtureLineItem {
  id: number;
  quantity: number;
  currentQuantity?: number;
  /** Unit price as a decimal string. */
  price: string;
  /** Line discount as a decimal string. */
  discount?: string;
  productId?: number | null;
}

export interface FixtureRefund {
  createdAt: string | null;
  amount: string;
}

export interface FixtureOrder {
  id: number;
  createdAt: string;
  updatedAt?: string;
  cancelledAt?: string | null;
  test?: boolean;
  currencyCode?: string;
  discounts?: string;
  refunds?: FixtureRefund[];
  lineItems: FixtureLineItem[];
}

function bag(amount: string): { shopMoney: { amount: string } } {
  return { shopMoney: { amount } };
}

/** Cents arithmetic on decimal strings with two decimals (fixtures only). */
function cents(text: string): number {
  return Math.round(Number(text) * 100);
}

function decimal(value: number): string {
  return (value / 100).toFixed(2);
}

export function orderGid(id: number): string {
  return `gid://shopify/Order/${id}`;
}

export function orderJson(order: FixtureOrder): string {
  return JSON.stringify({
    id: orderGid(order.id),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt ?? order.createdAt,
    cancelledAt: order.cancelledAt ?? null,
    test: order.test ?? false,
    currencyCode: order.currencyCode ?? "SEK",
    totalDiscountsSet: bag(
      order.discounts ??
        decimal(order.lineItems.reduce((sum, line) => sum + cents(line.discount ?? "0"), 0)),
    ),
    refunds: (order.refunds ?? []).map((refund) => ({
      createdAt: refund.createdAt,
      totalRefundedSet: bag(refund.amount),
    })),
  });
}

export function lineItemJson(order: FixtureOrder, line: FixtureLineItem): string {
  const gross = cents(line.price) * line.quantity;
  return JSON.stringify({
    id: `gid://shopify/LineItem/${line.id}`,
    quantity: line.quantity,
    currentQuantity: line.currentQuantity ?? line.quantity,
    originalTotalSet: bag(decimal(gross)),
    discountedTotalSet: bag(decimal(gross - cents(line.discount ?? "0"))),
    product:
      line.productId === null ? null : { id: `gid://shopify/Product/${line.productId ?? 1}` },
    __parentId: orderGid(order.id),
  });
}

/** Parent first, then its children. */
export function orderLines(order: FixtureOrder): string[] {
  return [orderJson(order), ...order.lineItems.map((line) => lineItemJson(order, line))];
}

export function jsonl(lines: readonly string[]): Uint8Array {
  return new TextEncoder().encode(lines.map((line) => `${line}\n`).join(""));
}

/** An async iterable yielding `bytes` in chunks of `size` (lines split across chunks). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Deterministic PRNG for random datasets. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
