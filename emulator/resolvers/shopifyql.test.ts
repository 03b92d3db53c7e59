import { describe, expect, it } from "vitest";
import { createTestHarness } from "../testing";
import { ALL_APP_SCOPES } from "../store/shop";
import type { Order } from "../store/types";
import { shopifyqlResolvers } from "./shopifyql";

/** Clock 2026-11-02T10:00:00Z; shop zone Europe/Stockholm (UTC+1 after 2026-10-25). */
function order(
  n: number,
  createdAt: string,
  lines: [number, string][],
  extra: Partial<Order> = {},
): Order {
  const lineItems = lines.map(([quantity, price], i) => ({
    id: `gid://shopify/LineItem/${n}${i}`,
    productId: null,
    variantId: null,
    title: "Item",
    quantity,
    price,
    discount: "0.00",
  }));
  return {
    id: `gid://shopify/Order/${n}`,
    name: `#${n}`,
    createdAt,
    processedAt: createdAt,
    updatedAt: createdAt,
    cancelledAt: null,
    test: false,
    currencyCode: "SEK",
    subtotal: "0.00",
    totalDiscounts: "0.00",
    totalShipping: "0.00",
    totalTax: "0.00",
    total: "0.00",
    lineItems,
    refunds: [],
    ...extra,
  };
}

const ORDERS: Order[] = [
  order(5, "2026-10-29T10:00:00Z", [[1, "80.00"]], {
    total: "80.00",
    refunds: [
      {
        id: "gid://shopify/Refund/1",
        createdAt: "2026-10-31T09:00:00Z",
        amount: "80.00",
        lines: [{ lineItemId: "gid://shopify/LineItem/50", quantity: 1 }],
      },
    ],
  }),
  // 23:30 UTC on the 30th is 00:30 on the 31st in Stockholm.
  order(1, "2026-10-30T23:30:00Z", [[2, "100.00"]], {
    totalDiscounts: "20.00",
    totalShipping: "49.00",
    total: "229.00",
  }),
  order(2, "2026-10-31T12:00:00Z", [[1, "50.00"]], { total: "50.00" }),
  order(3, "2026-10-31T13:00:00Z", [[1, "1000.00"]], { total: "1000.00", test: true }),
  order(4, "2026-10-31T14:00:00Z", [[1, "300.00"]], {
    total: "300.00",
    cancelledAt: "2026-10-31T15:00:00Z",
  }),
];

function setup(scopes: string[] = ALL_APP_SCOPES) {
  const harness = createTestHarness(shopifyqlResolvers, { scopes });
  harness.shop.orders.push(...structuredClone(ORDERS));
  harness.shop.traffic.push(
    {
      date: "2026-10-30",
      sessions: 100,
      sessionsWithCartAdditions: 10,
      sessionsThatReachedCheckout: 5,
    },
    {
      date: "2026-10-31",
      sessions: 200,
      sessionsWithCartAdditions: 20,
      sessionsThatReachedCheckout: 8,
    },
  );
  return harness;
}

const QUERY = `query($q: String!) { shopifyqlQuery(query: $q) {
  tableData { columns { name displayName dataType columnOrigin } rows rowMetadata { rawResourceIds } }
  parseErrors parseWarnings } }`;

interface QlPayload {
  shopifyqlQuery: {
    tableData: {
      columns: { name: string; dataType: string }[];
      rows: Record<string, string>[];
      rowMetadata: unknown[];
    } | null;
    parseErrors: string[];
    parseWarnings: string[];
  };
}

async function ql(run: ReturnType<typeof setup>["run"], q: string) {
  const result = await run(QUERY, { q });
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as QlPayload).shopifyqlQuery;
}

describe("shopifyqlQuery FROM sales", () => {
  it("GIVEN hand-computed orders WHEN querying daily sales THEN each KPI matches, by the shop's local day", async () => {
    const { run } = setup();
    const payload = await ql(
      run,
      "FROM sales SHOW gross_sales, discounts, returns, net_sales, total_sales, orders, average_order_value TIMESERIES day SINCE 2026-10-30 UNTIL 2026-10-31",
    );
    expect(payload.parseErrors).toEqual([]);
    expect(payload.tableData?.rows).toEqual([
      {
        day: "2026-10-30",
        gross_sales: "0.00",
        discounts: "0.00",
        returns: "0.00",
        net_sales: "0.00",
        total_sales: "0.00",
        orders: "0",
        average_order_value: "0.00",
      },
      {
        day: "2026-10-31",
        gross_sales: "250.00",
        discounts: "-20.00",
        returns: "-80.00",
        net_sales: "150.00",
        total_sales: "199.00",
        orders: "2",
        average_order_value: "115.00",
      },
    ]);
  });

  it("GIVEN a query WHEN answered THEN columns are typed and rowMetadata aligns with rows", async () => {
    const { run } = setup();
    const payload = await ql(
      run,
      "FROM sales SHOW net_sales, orders TIMESERIES day SINCE 2026-10-30 UNTIL 2026-10-31",
    );
    expect(payload.tableData?.columns).toEqual([
      { name: "day", displayName: "Day", dataType: "DAY_TIMESTAMP", columnOrigin: "REQUESTED" },
      { name: "net_sales", displayName: "Net sales", dataType: "MONEY", columnOrigin: "REQUESTED" },
      { name: "orders", displayName: "Orders", dataType: "INTEGER", columnOrigin: "REQUESTED" },
    ]);
    expect(payload.tableData?.rowMetadata).toHaveLength(2);
    expect(payload.parseWarnings).toEqual([]);
  });

  it("GIVEN no TIMESERIES WHEN querying THEN one row totals the range", async () => {
    const { run } = setup();
    const payload = await ql(
      run,
      "FROM sales SHOW net_sales, orders SINCE 2026-10-29 UNTIL 2026-10-31",
    );
    expect(payload.tableData?.rows).toEqual([{ net_sales: "230.00", orders: "3" }]);
  });

  it("GIVEN relative dates WHEN querying SINCE -3d UNTIL yesterday THEN the range ends the day before the clock's local today", async () => {
    const { run } = setup();
    const payload = await ql(
      run,
      "FROM sales SHOW orders TIMESERIES day SINCE -3d UNTIL yesterday",
    );
    expect(payload.tableData?.rows.map((row) => row.day)).toEqual([
      "2026-10-30",
      "2026-10-31",
      "2026-11-01",
    ]);
  });

  it("GIVEN ORDER BY and LIMIT WHEN querying THEN rows are sorted and cut", async () => {
    const { run } = setup();
    const payload = await ql(
      run,
      "FROM sales SHOW orders TIMESERIES day SINCE 2026-10-29 UNTIL 2026-10-31 ORDER BY orders DESC LIMIT 1",
    );
    expect(payload.tableData?.rows).toEqual([{ day: "2026-10-31", orders: "2" }]);
  });
});

describe("shopifyqlQuery FROM sessions", () => {
  it("GIVEN traffic and orders WHEN querying the funnel THEN sessions sum and conversion is orders/sessions", async () => {
    const { run } = setup();
    const payload = await ql(
      run,
      "FROM sessions SHOW sessions, sessions_with_cart_additions, sessions_that_reached_checkout, sessions_that_completed_checkout, conversion_rate TIMESERIES day SINCE 2026-10-30 UNTIL 2026-10-31",
    );
    expect(payload.tableData?.rows).toEqual([
      {
        day: "2026-10-30",
        sessions: "100",
        sessions_with_cart_additions: "10",
        sessions_that_reached_checkout: "5",
        sessions_that_completed_checkout: "0",
        conversion_rate: "0.0000",
      },
      {
        day: "2026-10-31",
        sessions: "200",
        sessions_with_cart_additions: "20",
        sessions_that_reached_checkout: "8",
        sessions_that_completed_checkout: "2",
        conversion_rate: "0.0100",
      },
    ]);
  });
});

describe("shopifyqlQuery errors", () => {
  it.each([
    ["an unknown column", "FROM sales SHOW nonsense SINCE -7d", /Column 'nonsense' does not exist/],
    ["an unknown table", "FROM visits SHOW sessions", /Table 'visits'/],
    ["clauses out of order", "FROM sales SHOW orders SINCE -7d TIMESERIES day", /out of order/],
    [
      "an unsupported WHERE",
      "FROM sales SHOW orders WHERE billing_country = 'SE' SINCE -7d",
      /WHERE is not supported/,
    ],
    ["a missing FROM", "SHOW orders", /missing FROM/],
    [
      "SINCE after UNTIL",
      "FROM sales SHOW orders SINCE 2026-10-31 UNTIL 2026-10-01",
      /after UNTIL/,
    ],
    ["a bad date", "FROM sales SHOW orders SINCE 2026-02-30", /Invalid date/],
  ])("GIVEN %s WHEN querying THEN parseErrors and tableData null", async (_name, q, message) => {
    const { run } = setup();
    const payload = await ql(run, q);
    expect(payload.tableData).toBeNull();
    expect(payload.parseErrors.join("\n")).toMatch(message);
  });

  it("GIVEN no read_reports WHEN querying THEN a top-level ACCESS_DENIED error", async () => {
    const { run } = setup(["read_orders"]);
    const result = await run(QUERY, { q: "FROM sales SHOW orders" });
    expect(result.errors?.[0]?.message).toMatch(
      /^Access denied for shopifyqlQuery field\. Required access: `read_reports` access scope/,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "ACCESS_DENIED" });
  });
});
