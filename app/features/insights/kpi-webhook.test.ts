import { describe, expect, it } from "vitest";
import { KpiAggregates } from "./kpi-aggregates";
import { ShopDayClock } from "./kpi-day";
import { ingestOrdersJsonl } from "./kpi-ingest";
import { jsonl, orderLines } from "./kpi-test-fixtures";
import {
  applyOrderWebhook,
  recordBulkRows,
  type KpiLedger,
  type StoredContribution,
} from "./kpi-webhook";

const M = 1_000_000n;

function ledger(
  aggregates = new KpiAggregates(),
  contributions = new Map<string, StoredContribution>(),
): KpiLedger {
  return {
    aggregates,
    contributions,
    clock: new ShopDayClock("Europe/Stockholm"),
    shopCurrency: "SEK",
  };
}

/** A REST order as `orders/create` sends it (fields the KPIs read, plus some they ignore). */
function restOrder(overrides: Record<string, unknown> = {}) {
  return {
    id: 820982911946154500,
    admin_graphql_api_id: "gid://shopify/Order/820982911946154500",
    name: "#1001",
    created_at: "2026-03-28T23:30:00+00:00", // 00:30 on 2026-03-29 in Stockholm
    updated_at: "2026-03-28T23:30:00+00:00",
    cancelled_at: null,
    test: false,
    currency: "SEK",
    total_discounts: "20.00",
    line_items: [
      {
        id: 466157049,
        admin_graphql_api_id: "gid://shopify/LineItem/466157049",
        product_id: 632910392,
        quantity: 2,
        current_quantity: 2,
        price: "100.00",
        total_discount: "0.00",
        discount_allocations: [{ amount: "20.00" }],
      },
      { id: 518995019, product_id: null, quantity: 1, price: "50.00", total_discount: "0.00" },
    ],
    refunds: [],
    ...overrides,
  };
}

describe("applyOrderWebhook", () => {
  it("GIVEN orders/create THEN the order counts on its shop-local day", () => {
    const l = ledger();
    expect(applyOrderWebhook(l, restOrder())).toMatchObject({ status: "applied", excluded: null });
    expect(l.aggregates.days()).toEqual([
      expect.objectContaining({
        date: "2026-03-29",
        orders: 1,
        grossSales: 250n * M,
        discounts: -20n * M,
        netSales: 230n * M,
        units: 3,
      }),
    ]);
  });

  it("GIVEN the same delivery twice THEN the KPIs are those of one delivery", () => {
    const l = ledger();
    applyOrderWebhook(l, restOrder());
    const once = l.aggregates.days();
    applyOrderWebhook(l, restOrder());
    expect(l.aggregates.days()).toEqual(once);
    expect([...l.aggregates.productDays()]).toEqual([
      { date: "2026-03-29", productId: null, netSales: 50n * M },
      { date: "2026-03-29", productId: "gid://shopify/Product/632910392", netSales: 180n * M },
    ]);
  });

  it("GIVEN orders/updated with a refund THEN the previous contribution is replaced and the return lands on the refund day", () => {
    const l = ledger();
    applyOrderWebhook(l, restOrder());
    const updated = restOrder({
      updated_at: "2026-04-02T09:00:00+02:00",
      line_items: [
        { ...restOrder().line_items[0], current_quantity: 1 },
        restOrder().line_items[1],
      ],
      refunds: [
        {
          id: 1,
          created_at: "2026-04-02T09:00:00+02:00",
          refund_line_items: [{ line_item_id: 466157049, quantity: 1, subtotal: "90.00" }],
        },
      ],
    });
    expect(applyOrderWebhook(l, updated)).toMatchObject({ status: "applied" });
    const days = l.aggregates.days();
    expect(days.map((d) => [d.date, d.orders, d.netSales / M, d.returnedUnits])).toEqual([
      ["2026-03-29", 1, 230n, 0],
      ["2026-04-02", 0, -90n, 1],
    ]);
  });

  it("GIVEN a cancellation THEN the order's whole contribution is removed", () => {
    const l = ledger();
    applyOrderWebhook(l, restOrder());
    const outcome = applyOrderWebhook(
      l,
      restOrder({
        cancelled_at: "2026-03-29T08:00:00+02:00",
        updated_at: "2026-03-29T08:00:00+02:00",
      }),
    );
    expect(outcome).toMatchObject({ status: "applied", excluded: "cancelled", rows: 0 });
    expect(l.aggregates.days()).toEqual([]);
  });

  it("GIVEN a delivery older than the stored version THEN it is ignored", () => {
    const l = ledger();
    applyOrderWebhook(
      l,
      restOrder({
        updated_at: "2026-03-30T10:00:00Z",
        total_discounts: "0.00",
        line_items: [restOrder().line_items[1]],
      }),
    );
    const outcome = applyOrderWebhook(l, restOrder({ updated_at: "2026-03-29T10:00:00Z" }));
    expect(outcome).toEqual({ status: "stale", orderId: "gid://shopify/Order/820982911946154500" });
    expect(l.aggregates.days()[0].grossSales).toBe(50n * M);
  });

  it("GIVEN test orders and invalid payloads THEN nothing is booked and the reason is returned", () => {
    const l = ledger();
    expect(applyOrderWebhook(l, restOrder({ test: true }))).toMatchObject({ excluded: "test" });
    const invalid = applyOrderWebhook(l, restOrder({ total_discounts: "a lot" }));
    expect(invalid.status).toBe("invalid");
    expect(invalid.status === "invalid" && invalid.problems[0]).toMatch(
      /total_discounts: not an amount/,
    );
    expect(applyOrderWebhook(l, { id: 1 }).status).toBe("invalid");
    expect(l.aggregates.days()).toEqual([]);
  });

  it("GIVEN a backfilled order recorded via onRow WHEN its webhook arrives THEN it is replaced, not counted twice", async () => {
    const contributions = new Map<string, StoredContribution>();
    const order = {
      id: 820982911946154500,
      createdAt: "2026-03-28T23:30:00Z",
      lineItems: [
        { id: 466157049, quantity: 2, price: "100.00", discount: "20.00", productId: 632910392 },
        { id: 518995019, quantity: 1, price: "50.00", productId: null },
      ],
    };
    const backfill = await ingestOrdersJsonl([jsonl(orderLines(order))], {
      timeZone: "Europe/Stockholm",
      currencyCode: "SEK",
      onRow: recordBulkRows(contributions),
    });
    const l = ledger(backfill.aggregates, contributions);
    const before = l.aggregates.days();
    applyOrderWebhook(l, restOrder({ updated_at: "2026-03-29T12:00:00Z" }));
    expect(l.aggregates.days()).toEqual(before);
    expect(before[0]).toMatchObject({ orders: 1, netSales: 230n * M });
  });
});
