import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import { ALL_APP_SCOPES } from "../store/shop";
import type { Order } from "../store/types";
import { orderResolvers } from "./orders";

/** Harness clock: 2026-11-02T10:00:00Z. */
function makeOrder(n: number, createdAt: string, overrides: Partial<Order> = {}): Order {
  return {
    id: `gid://shopify/Order/${n}`,
    name: `#${1000 + n}`,
    createdAt,
    processedAt: createdAt,
    updatedAt: createdAt,
    cancelledAt: null,
    test: false,
    currencyCode: "SEK",
    subtotal: "180.00",
    totalDiscounts: "20.00",
    totalShipping: "49.00",
    totalTax: "45.80",
    total: "229.00",
    lineItems: [
      {
        id: `gid://shopify/LineItem/${n}1`,
        productId: null,
        variantId: null,
        title: "Tee",
        quantity: 2,
        price: "100.00",
        discount: "20.00",
      },
    ],
    refunds: [],
    ...overrides,
  };
}

const ORDERS = [
  makeOrder(1, "2026-08-01T10:00:00Z"), // older than 60 days
  makeOrder(2, "2026-10-01T10:00:00Z", { test: true }),
  makeOrder(3, "2026-10-15T10:00:00Z", { processedAt: "2026-10-15T09:00:00Z" }),
  makeOrder(4, "2026-10-20T10:00:00Z", {
    refunds: [
      {
        id: "gid://shopify/Refund/1",
        createdAt: "2026-10-25T10:00:00Z",
        amount: "90.00",
        lines: [{ lineItemId: "gid://shopify/LineItem/41", quantity: 1 }],
      },
    ],
  }),
];

function setup(scopes: string[] = ALL_APP_SCOPES.filter((s) => s !== "read_all_orders")) {
  const harness = createTestHarness(orderResolvers, { scopes });
  harness.shop.orders.push(...ORDERS.map((order) => structuredClone(order)));
  return harness;
}

async function orderIds(run: ReturnType<typeof setup>["run"], args: string) {
  const result = await run(`{ orders(first: 50${args}) { nodes { id } } }`);
  expect(result.errors).toBeUndefined();
  return (result.data as { orders: { nodes: { id: string }[] } }).orders.nodes.map((n) =>
    n.id.split("/").pop(),
  );
}

describe("orders 60-day window", () => {
  it("GIVEN no read_all_orders WHEN listing THEN orders older than 60 days are invisible", async () => {
    const { run } = setup();
    expect(await orderIds(run, ", sortKey: CREATED_AT")).toEqual(["2", "3", "4"]);
  });

  it("GIVEN read_all_orders WHEN listing THEN old orders are visible", async () => {
    const { run } = setup(ALL_APP_SCOPES);
    expect(await orderIds(run, ", sortKey: CREATED_AT")).toEqual(["1", "2", "3", "4"]);
  });

  it("GIVEN no read_all_orders WHEN reading an old order by id THEN it is null", async () => {
    const { run } = setup();
    const result = await run(`{ order(id: "gid://shopify/Order/1") { id } }`);
    expect(result.data).toEqual({ order: null });
  });

  it("GIVEN no read_all_orders WHEN counting THEN old orders are not counted", async () => {
    const { run } = setup();
    const result = await run(`{ ordersCount { count precision } }`);
    expect(result.data).toEqual({ ordersCount: { count: 3, precision: "EXACT" } });
  });
});

describe("orders query and sort", () => {
  it("GIVEN created_at bounds and test:false WHEN listing THEN only matching orders return", async () => {
    const { run } = setup(ALL_APP_SCOPES);
    const ids = await orderIds(
      run,
      `, query: "created_at:>='2026-09-01T00:00:00Z' created_at:<2026-10-20 test:false"`,
    );
    expect(ids).toEqual(["3"]);
  });

  it("GIVEN the default PROCESSED_AT sort with reverse WHEN listing THEN newest processed first", async () => {
    const { run } = setup();
    expect(await orderIds(run, ", reverse: true")).toEqual(["4", "3", "2"]);
  });

  it("GIVEN an OR query WHEN listing THEN either side matches", async () => {
    const { run } = setup();
    expect(
      await orderIds(run, `, query: "test:true OR financial_status:partially_refunded"`),
    ).toEqual(["2", "4"]);
  });

  it("GIVEN a limit below the count WHEN counting THEN AT_LEAST with the limit", async () => {
    const { run } = setup(ALL_APP_SCOPES);
    const result = await run(`{ ordersCount(limit: 2) { count precision } }`);
    expect(result.data).toEqual({ ordersCount: { count: 2, precision: "AT_LEAST" } });
  });

  it("GIVEN a filter the emulator does not implement WHEN listing THEN it fails loudly", async () => {
    const { run } = setup();
    const result = await run(`{ orders(first: 5, query: "sku:ABC") { nodes { id } } }`);
    expect(result.errors?.[0]?.message).toMatch(/not emulated: orders search filter "sku"/);
  });

  it("GIVEN no read_orders WHEN listing THEN ACCESS_DENIED", async () => {
    const { run } = setup(["read_products"]);
    const result = await run(`{ orders(first: 5) { nodes { id } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "ACCESS_DENIED" });
  });
});

describe("Order money fields", () => {
  it("GIVEN a partly refunded order WHEN read THEN totals, current totals and line quantities reflect the refund", async () => {
    const { run } = setup();
    const result = await run(`{ order(id: "gid://shopify/Order/4") {
      name test currencyCode displayFinancialStatus
      subtotalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount } }
      currentSubtotalPriceSet { shopMoney { amount } }
      totalPriceSet { shopMoney { amount } } currentTotalPriceSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } } totalRefundedSet { shopMoney { amount } }
      totalShippingPriceSet { shopMoney { amount } } totalTaxSet { shopMoney { amount } }
      lineItems(first: 5) { nodes { title quantity currentQuantity
        originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } } product { id } variant { id } } }
      refunds { createdAt totalRefundedSet { shopMoney { amount } }
        refundLineItems(first: 5) { nodes { quantity subtotalSet { shopMoney { amount } } lineItem { title } } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      order: {
        name: "#1004",
        test: false,
        currencyCode: "SEK",
        displayFinancialStatus: "PARTIALLY_REFUNDED",
        subtotalPriceSet: {
          shopMoney: { amount: "180.0", currencyCode: "SEK" },
          presentmentMoney: { amount: "180.0" },
        },
        currentSubtotalPriceSet: { shopMoney: { amount: "90.0" } },
        totalPriceSet: { shopMoney: { amount: "229.0" } },
        currentTotalPriceSet: { shopMoney: { amount: "139.0" } },
        totalDiscountsSet: { shopMoney: { amount: "20.0" } },
        totalRefundedSet: { shopMoney: { amount: "90.0" } },
        totalShippingPriceSet: { shopMoney: { amount: "49.0" } },
        totalTaxSet: { shopMoney: { amount: "45.8" } },
        lineItems: {
          nodes: [
            {
              title: "Tee",
              quantity: 2,
              currentQuantity: 1,
              originalUnitPriceSet: { shopMoney: { amount: "100.0" } },
              discountedTotalSet: { shopMoney: { amount: "180.0" } },
              product: null,
              variant: null,
            },
          ],
        },
        refunds: [
          {
            createdAt: "2026-10-25T10:00:00Z",
            totalRefundedSet: { shopMoney: { amount: "90.0" } },
            refundLineItems: {
              nodes: [
                {
                  quantity: 1,
                  subtotalSet: { shopMoney: { amount: "90.0" } },
                  lineItem: { title: "Tee" },
                },
              ],
            },
          },
        ],
      },
    });
  });
});
