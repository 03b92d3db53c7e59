import { afterEach, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../../emulator/server";
import type { Order, Product, ShopState } from "../../../emulator/store/types";
import { ordersForKpisBulkQuery } from "../../shopify/operations/orders-bulk";
import { ingestOrdersJsonl } from "./kpi-ingest";
import { formatMoney } from "./kpi-money";
import { seededRandom } from "./kpi-test-fixtures";

/**
 * The app's KPIs and the emulated Shopify analytics must agree: same orders, exported through
 * the emulator's bulk operation and ingested, versus the emulator's `shopifyqlQuery FROM sales`.
 */

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
});

async function graphql(em: Emulator, shop: ShopState, query: string, variables = {}) {
  const response = await em.handle(
    new Request(`https://${shop.domain}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-shopify-access-token": shop.app.accessToken,
      },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return (await response.json()) as {
    data?: Record<string, Record<string, unknown>>;
    errors?: unknown[];
  };
}

function cents(n: number): string {
  return (n / 100).toFixed(2);
}

function seedOrders(shop: ShopState): void {
  const random = seededRandom(42);
  const at = "2026-01-01T00:00:00.000Z";
  for (let p = 1; p <= 6; p++) {
    const product: Product = {
      id: `gid://shopify/Product/${p}`,
      title: `P${p}`,
      handle: `p${p}`,
      descriptionHtml: "",
      vendor: "V",
      productType: "T",
      tags: [],
      status: "ACTIVE",
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      publicationIds: [],
      variants: [],
    };
    shop.products.set(product.id, product);
  }
  const orders: Order[] = [];
  let seq = 1;
  // Around the autumn DST change in Stockholm, plus late-evening UTC orders.
  const start = Date.parse("2026-10-22T00:00:00Z");
  for (let i = 0; i < 300; i++) {
    const created = start + Math.floor(random() * 6 * 86_400_000);
    const lineItems = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const quantity = 1 + Math.floor(random() * 3);
      const price = 100 + Math.floor(random() * 40_000);
      const discount = random() < 0.3 ? Math.floor(price * quantity * 0.15) : 0;
      return {
        id: `gid://shopify/LineItem/${seq++}`,
        productId: `gid://shopify/Product/${1 + Math.floor(random() * 6)}`,
        variantId: null,
        title: "Item",
        quantity,
        price: cents(price),
        discount: cents(discount),
      };
    });
    const discounts = lineItems.reduce((sum, l) => sum + Math.round(Number(l.discount) * 100), 0);
    const subtotal =
      lineItems.reduce((sum, l) => sum + Math.round(Number(l.price) * 100) * l.quantity, 0) -
      discounts;
    const refundAt = new Date(created + Math.floor(random() * 3 * 86_400_000)).toISOString();
    const returned = random() < 0.2 ? lineItems[0] : null;
    const iso = new Date(created).toISOString();
    orders.push({
      id: `gid://shopify/Order/${1000 + i}`,
      name: `#${1000 + i}`,
      createdAt: iso,
      processedAt: iso,
      updatedAt: iso,
      cancelledAt: random() < 0.04 ? iso : null,
      test: random() < 0.03,
      currencyCode: "SEK",
      subtotal: cents(subtotal),
      totalDiscounts: cents(discounts),
      totalShipping: "0.00",
      totalTax: "0.00",
      total: cents(subtotal),
      lineItems,
      refunds: returned
        ? [
            {
              id: `gid://shopify/Refund/${i}`,
              createdAt: refundAt,
              amount: "1.00",
              lines: [{ lineItemId: returned.id, quantity: 1 }],
            },
          ]
        : [],
    });
  }
  orders.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  shop.orders.push(...orders);
}

describe("KPIs agree with the emulated Shopify analytics", () => {
  it("GIVEN orders exported by bulk operation WHEN ingested THEN every day matches FROM sales", async () => {
    emulator = createEmulator({
      apiKey: "k",
      appSecret: "s",
      seed: "empty",
      publicUrl: "http://emulator.test",
    });
    emulator.clock.freeze(new Date("2026-11-02T10:00:00Z"));
    const em = emulator;
    const shop = em.shops.get(em.defaultShopDomain)!;
    seedOrders(shop);

    const started = await graphql(
      em,
      shop,
      `
        mutation ($q: String!) {
          bulkOperationRunQuery(query: $q) {
            bulkOperation {
              id
            }
            userErrors {
              message
            }
          }
        }
      `,
      { q: ordersForKpisBulkQuery() },
    );
    const run = started.data?.bulkOperationRunQuery as {
      bulkOperation: { id: string } | null;
      userErrors: unknown[];
    };
    expect(run.userErrors).toEqual([]);
    await em.settle();
    const read = await graphql(
      em,
      shop,
      `
        query ($id: ID!) {
          bulkOperation(id: $id) {
            status
            url
          }
        }
      `,
      { id: run.bulkOperation!.id },
    );
    const op = read.data?.bulkOperation as { status: string; url: string };
    expect(op.status).toBe("COMPLETED");
    const file = await em.handle(new Request(op.url));
    const result = await ingestOrdersJsonl(file.body!, {
      timeZone: shop.ianaTimezone,
      currencyCode: "SEK",
    });
    expect(result.report.malformedLines).toBe(0);
    expect(result.report.orphanLineItems).toBe(0);

    const first = result.days[0].date;
    const last = result.days.at(-1)!.date;
    const ql = await graphql(
      em,
      shop,
      `
        query ($q: String!) {
          shopifyqlQuery(query: $q) {
            tableData {
              rows
            }
            parseErrors
          }
        }
      `,
      {
        q: `FROM sales SHOW gross_sales, discounts, returns, net_sales, orders, average_order_value TIMESERIES day SINCE ${first} UNTIL ${last}`,
      },
    );
    const table = ql.data?.shopifyqlQuery as {
      tableData: { rows: Record<string, string>[] };
      parseErrors: string[];
    };
    expect(table.parseErrors).toEqual([]);
    const analytics = table.tableData.rows.filter(
      (row) => row.orders !== "0" || row.returns !== "0.00",
    );
    const ours = result.days.map((d) => ({
      day: d.date,
      gross_sales: formatMoney(d.grossSales),
      discounts: formatMoney(d.discounts),
      returns: formatMoney(d.returns),
      net_sales: formatMoney(d.netSales),
      orders: String(d.orders),
      average_order_value: formatMoney(d.averageOrderValue),
    }));
    expect(ours.length).toBeGreaterThan(5);
    expect(ours).toEqual(analytics);
  });
});
