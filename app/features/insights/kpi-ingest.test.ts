import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { KpiAggregates, type ContributionRow, type DayKpis } from "./kpi-aggregates";
import { ShopDayClock } from "./kpi-day";
import { ingestOrdersJsonl, type KpiIngestOptions, type KpiIngestResult } from "./kpi-ingest";
import { orderContribution, type OrderFacts } from "./kpi-order-facts";
import {
  chunked,
  jsonl,
  lineItemJson,
  orderJson,
  orderLines,
  seededRandom,
  type FixtureOrder,
} from "./kpi-test-fixtures";

const OPTIONS: KpiIngestOptions = { timeZone: "Europe/Stockholm", currencyCode: "SEK" };
const M = 1_000_000n;

async function ingest(lines: string[], options: Partial<KpiIngestOptions> = {}) {
  return ingestOrdersJsonl(chunked(jsonl(lines), 4096), { ...OPTIONS, ...options });
}

function day(result: KpiIngestResult, date: string): DayKpis | undefined {
  return result.days.find((d) => d.date === date);
}

const simple: FixtureOrder = {
  id: 1001,
  createdAt: "2026-01-14T23:30:00Z", // 00:30 on the 15th in Stockholm
  lineItems: [
    { id: 1, quantity: 2, price: "100.00", discount: "20.00", productId: 7 },
    { id: 2, quantity: 1, price: "50.00", productId: 8 },
  ],
};

describe("ingestOrdersJsonl: sales KPIs per shop-local day", () => {
  it("GIVEN an order at 23:30 UTC WHEN ingested THEN it counts on the next Stockholm day", async () => {
    const result = await ingest(orderLines(simple));
    expect(result.days.map((d) => d.date)).toEqual(["2026-01-15"]);
    expect(day(result, "2026-01-15")).toEqual({
      date: "2026-01-15",
      grossSales: 250n * M,
      discounts: -20n * M,
      returns: 0n,
      netSales: 230n * M,
      averageOrderValue: 230n * M,
      orders: 1,
      units: 3,
      returnedUnits: 0,
    });
    expect([...result.productDays()]).toEqual([
      { date: "2026-01-15", productId: "gid://shopify/Product/7", netSales: 180n * M },
      { date: "2026-01-15", productId: "gid://shopify/Product/8", netSales: 50n * M },
    ]);
    expect(result.report).toMatchObject({
      lines: 3,
      orderLines: 1,
      lineItemLines: 2,
      countedOrders: 1,
      malformedLines: 0,
    });
  });

  it("GIVEN orders on both sides of the spring-forward night THEN the 23-hour day holds exactly its own", async () => {
    const orders: FixtureOrder[] = [
      {
        id: 1,
        createdAt: "2026-03-28T22:59:59Z",
        lineItems: [{ id: 11, quantity: 1, price: "1.00" }],
      }, // 23:59:59 CET on the 28th
      {
        id: 2,
        createdAt: "2026-03-28T23:00:00Z",
        lineItems: [{ id: 12, quantity: 1, price: "2.00" }],
      }, // 00:00 on the 29th
      {
        id: 3,
        createdAt: "2026-03-29T21:59:59Z",
        lineItems: [{ id: 13, quantity: 1, price: "4.00" }],
      }, // 23:59:59 CEST on the 29th
      {
        id: 4,
        createdAt: "2026-03-29T22:00:00Z",
        lineItems: [{ id: 14, quantity: 1, price: "8.00" }],
      }, // 00:00 on the 30th
    ];
    const result = await ingest(orders.flatMap(orderLines));
    expect(result.days.map((d) => [d.date, d.grossSales / M])).toEqual([
      ["2026-03-28", 1n],
      ["2026-03-29", 6n],
      ["2026-03-30", 8n],
    ]);
  });

  it("GIVEN a partial refund days later THEN the return lowers the refund day, not the order day", async () => {
    const order: FixtureOrder = {
      ...simple,
      refunds: [{ createdAt: "2026-01-20T10:00:00Z", amount: "90.00" }],
      lineItems: [
        {
          id: 1,
          quantity: 2,
          currentQuantity: 1,
          price: "100.00",
          discount: "20.00",
          productId: 7,
        },
        { id: 2, quantity: 1, price: "50.00", productId: 8 },
      ],
    };
    const result = await ingest(orderLines(order));
    expect(day(result, "2026-01-15")).toMatchObject({ netSales: 230n * M, returns: 0n, orders: 1 });
    expect(day(result, "2026-01-20")).toMatchObject({
      grossSales: 0n,
      returns: -90n * M, // one of two units at (200 - 20) / 2
      netSales: -90n * M,
      orders: 0,
      returnedUnits: 1,
      averageOrderValue: 0n,
    });
    expect([...result.productDays()]).toContainEqual({
      date: "2026-01-20",
      productId: "gid://shopify/Product/7",
      netSales: -90n * M,
    });
  });

  it("GIVEN two refunds THEN the returned value is split by refunded amount and the order is reported", async () => {
    const order: FixtureOrder = {
      id: 5,
      createdAt: "2026-02-01T10:00:00Z",
      refunds: [
        { createdAt: "2026-02-03T10:00:00Z", amount: "30.00" },
        { createdAt: "2026-02-05T10:00:00Z", amount: "10.00" },
      ],
      lineItems: [{ id: 51, quantity: 4, currentQuantity: 0, price: "10.00" }],
    };
    const result = await ingest(orderLines(order));
    expect(day(result, "2026-02-03")).toMatchObject({ returns: -30n * M, returnedUnits: 3 });
    expect(day(result, "2026-02-05")).toMatchObject({ returns: -10n * M, returnedUnits: 1 });
    expect(result.report.splitRefundOrders).toBe(1);
  });

  it("GIVEN cancelled, test and foreign-currency orders THEN none of them or their lines count", async () => {
    const lines = [
      ...orderLines({
        ...simple,
        id: 1,
        cancelledAt: "2026-01-15T08:00:00Z",
        refunds: [{ createdAt: "2026-01-15T08:00:00Z", amount: "230.00" }],
      }),
      ...orderLines({ ...simple, id: 2, test: true }),
      ...orderLines({ ...simple, id: 3, currencyCode: "EUR" }),
      ...orderLines({ ...simple, id: 4 }),
    ];
    const result = await ingest(lines);
    expect(result.days).toHaveLength(1);
    expect(day(result, "2026-01-15")).toMatchObject({ orders: 1, grossSales: 250n * M });
    expect(result.report.excludedOrders).toEqual({ test: 1, cancelled: 1, otherCurrency: 1 });
    expect(result.report.issues).toContainEqual({
      line: 7,
      reason: "order in EUR, not the shop currency; left out",
    });
  });

  it("GIVEN children before their parent and after the next parent THEN they are all booked", async () => {
    const a: FixtureOrder = { ...simple, id: 1 };
    const b: FixtureOrder = { ...simple, id: 2, createdAt: "2026-01-16T12:00:00Z" };
    const lines = [
      lineItemJson(a, a.lineItems[0]), // before its parent
      orderJson(a),
      orderJson(b),
      lineItemJson(a, a.lineItems[1]), // after the next parent
      lineItemJson(b, b.lineItems[1]),
      lineItemJson(b, b.lineItems[0]),
    ];
    const result = await ingest(lines);
    expect(result.days.map((d) => [d.date, d.grossSales / M, d.units])).toEqual([
      ["2026-01-15", 250n, 3],
      ["2026-01-16", 250n, 3],
    ]);
    expect(result.report.orphanLineItems).toBe(0);
  });

  it("GIVEN a child whose order never comes THEN it is reported as an orphan with its line number", async () => {
    const ghost: FixtureOrder = { ...simple, id: 99 };
    const result = await ingest([...orderLines(simple), lineItemJson(ghost, ghost.lineItems[0])]);
    expect(result.report.orphanLineItems).toBe(1);
    expect(result.report.issues).toEqual([
      { line: 4, reason: "line item whose order is not in the file" },
    ]);
    expect(day(result, "2026-01-15")?.grossSales).toBe(250n * M);
  });

  it("GIVEN malformed lines THEN each is counted with its line number and the rest still count", async () => {
    const [order, first, second] = orderLines(simple);
    const lines = [
      order,
      first.slice(0, 40), // truncated
      '{"id":"gid://shopify/Order/5","createdAt":"2026-13-01T00:00:00Z"}', // bad date + missing fields
      "not json",
      "",
      "   ",
      second.replace('"quantity":1', '"quantity":1.5'),
      '{"id":"gid://shopify/Order/6"} trailing',
      '{"id":"gid://shopify/Order/7","createdAt":"2026-01-15T10:00:00Z","updatedAt":"2026-01-15T10:00:00Z","cancelledAt":null,"test":false,"currencyCode":"SEK","totalDiscountsSet":{"shopMoney":{"amount":"1.0000001"}},"refunds":[]}',
    ];
    const result = await ingest(lines);
    expect(result.report.malformedLines).toBe(6);
    expect(result.report.issues.map((issue) => issue.line)).toEqual([2, 3, 4, 7, 8, 9]);
    expect(result.report.issues[0].reason).toMatch(
      /^malformed: line ends inside a key \(column 41\)/,
    );
    expect(result.report.issues[1].reason).toMatch(/invalid timestamp/);
    expect(result.report.issues[3].reason).toMatch(/expected an integer/);
    expect(result.report.issues[5].reason).toMatch(/more than 6 decimals/);
    expect(result.report.lines).toBe(9);
    // The order still counts; both of its line items were broken, so no sales from them.
    expect(day(result, "2026-01-15")).toMatchObject({ orders: 1, grossSales: 0n });
  });

  it("GIVEN a line missing a field the KPIs need THEN it is malformed, naming the field", async () => {
    const [order] = orderLines(simple);
    const withoutRefunds = order.replace(/,"refunds":\[\]/, "");
    const result = await ingest([withoutRefunds]);
    expect(result.report.issues).toEqual([{ line: 1, reason: "malformed: order without refunds" }]);
  });

  it("GIVEN the same order twice THEN the second copy is ignored and reported", async () => {
    const result = await ingest([...orderLines(simple), orderJson(simple)]);
    expect(day(result, "2026-01-15")?.orders).toBe(1);
    expect(result.report.duplicateOrders).toBe(1);
  });

  it("GIVEN whitespace, CRLF, escapes and unknown fields THEN lines still parse", async () => {
    const order = JSON.stringify(JSON.parse(orderJson(simple)), null, 1).replace(/\n/g, " ");
    const child = lineItemJson(simple, simple.lineItems[0]).replace(
      '{"id"',
      '{"note":"a \\"quoted\\" \\u00e5 value","nested":[1,-2.5e3,{"x":[true,false,null]}],"id"',
    );
    const text = `${order}\r\n${child}\r\n${lineItemJson(simple, simple.lineItems[1])}`; // no final newline
    const result = await ingestOrdersJsonl(chunked(new TextEncoder().encode(text), 7), OPTIONS);
    expect(result.report.malformedLines).toBe(0);
    expect(day(result, "2026-01-15")?.grossSales).toBe(250n * M);
  });

  it("GIVEN a web ReadableStream or a Node stream THEN both are read", async () => {
    const bytes = jsonl(orderLines(simple));
    const web = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 10));
        controller.enqueue(bytes.subarray(10));
        controller.close();
      },
    });
    const fromWeb = await ingestOrdersJsonl(web, OPTIONS);
    const fromNode = await ingestOrdersJsonl(Readable.from([Buffer.from(bytes)]), OPTIONS);
    expect(fromWeb.days).toEqual(fromNode.days);
    expect(fromWeb.days[0].grossSales).toBe(250n * M);
  });
});

// ---------------------------------------------------------------------------------------------
// A straightforward reference: JSON.parse, whole orders in memory, BigInt, Intl per instant.

interface ParsedOrder {
  id: string;
  createdAt: string;
  cancelledAt: string | null;
  test: boolean;
  currencyCode: string;
  totalDiscountsSet: { shopMoney: { amount: string } };
  refunds: { createdAt: string | null; totalRefundedSet: { shopMoney: { amount: string } } }[];
}
interface ParsedLine {
  id: string;
  quantity: number;
  currentQuantity: number;
  originalTotalSet: { shopMoney: { amount: string } };
  discountedTotalSet: { shopMoney: { amount: string } };
  product: { id: string } | null;
  __parentId: string;
}

function micro(text: string): bigint {
  const [whole, fraction = ""] = text.replace("-", "").split(".");
  const value = BigInt(whole) * M + BigInt(fraction.padEnd(6, "0"));
  return text.startsWith("-") ? -value : value;
}

function roundDiv(a: bigint, b: bigint): bigint {
  const q = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -q : q;
}

function referenceKpis(text: string, zone: string) {
  const local = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const dateOf = (iso: string) => local.format(new Date(iso));
  const orders = new Map<string, ParsedOrder>();
  const children = new Map<string, ParsedLine[]>();
  for (const line of text.split("\n").filter(Boolean)) {
    const object = JSON.parse(line) as ParsedOrder | ParsedLine;
    if ("__parentId" in object)
      children.set(object.__parentId, [...(children.get(object.__parentId) ?? []), object]);
    else orders.set(object.id, object);
  }
  const days = new Map<
    string,
    {
      gross: bigint;
      discounts: bigint;
      returns: bigint;
      orders: number;
      units: number;
      returnedUnits: number;
    }
  >();
  const products = new Map<string, bigint>();
  const dayOf = (date: string) => {
    if (!days.has(date))
      days.set(date, {
        gross: 0n,
        discounts: 0n,
        returns: 0n,
        orders: 0,
        units: 0,
        returnedUnits: 0,
      });
    return days.get(date)!;
  };
  const addProduct = (date: string, product: string | null, amount: bigint) => {
    const key = `${date}|${product}`;
    products.set(key, (products.get(key) ?? 0n) + amount);
  };
  for (const order of orders.values()) {
    if (order.test || order.cancelledAt || order.currencyCode !== "SEK") continue;
    const date = dateOf(order.createdAt);
    const d = dayOf(date);
    d.orders += 1;
    d.discounts -= micro(order.totalDiscountsSet.shopMoney.amount);
    const refundDates = order.refunds.map((r) => (r.createdAt ? dateOf(r.createdAt) : date));
    const weights = order.refunds.map((r) => micro(r.totalRefundedSet.shopMoney.amount));
    const times = order.refunds.map((r) => (r.createdAt ? Date.parse(r.createdAt) : -Infinity));
    for (const line of children.get(order.id) ?? []) {
      const product = line.product?.id ?? null;
      const discounted = micro(line.discountedTotalSet.shopMoney.amount);
      d.gross += micro(line.originalTotalSet.shopMoney.amount);
      d.units += line.quantity;
      addProduct(date, product, discounted);
      const returned = line.quantity - line.currentQuantity;
      if (returned <= 0) continue;
      const value = roundDiv(discounted, BigInt(line.quantity)) * BigInt(returned);
      let parts: { date: string; value: bigint; units: bigint }[];
      if (order.refunds.length === 0) parts = [{ date, value, units: BigInt(returned) }];
      else if (order.refunds.length === 1)
        parts = [{ date: refundDates[0], value, units: BigInt(returned) }];
      else {
        const split = (total: bigint) => {
          const sum = weights.reduce((a, w) => a + (w > 0n ? w : 0n), 0n);
          if (sum === 0n) {
            let latest = 0;
            times.forEach((t, i) => {
              if (t >= times[latest]) latest = i;
            });
            return weights.map((_w, i) => (i === latest ? total : 0n));
          }
          const shares = weights.map((w) => (w > 0n ? (total * w) / sum : 0n));
          const order = weights
            .map((w, i) => ({ i, r: w > 0n ? (total * w) % sum : -1n }))
            .filter((x) => x.r >= 0n)
            .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
          let left = total - shares.reduce((a, b) => a + b, 0n);
          for (let k = 0; left > 0n; k++, left--) shares[order[k].i] += 1n;
          return shares;
        };
        const values = split(value);
        const units = split(BigInt(returned));
        parts = refundDates.map((rd, i) => ({ date: rd, value: values[i], units: units[i] }));
      }
      for (const part of parts) {
        if (part.value === 0n && part.units === 0n) continue;
        const rd = dayOf(part.date);
        rd.returns -= part.value;
        rd.returnedUnits += Number(part.units);
        addProduct(part.date, product, -part.value);
      }
    }
  }
  return {
    days: [...days]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, d]) => ({
        date,
        grossSales: d.gross,
        discounts: d.discounts,
        returns: d.returns,
        netSales: d.gross + d.discounts + d.returns,
        averageOrderValue: d.orders ? roundDiv(d.gross + d.discounts, BigInt(d.orders)) : 0n,
        orders: d.orders,
        units: d.units,
        returnedUnits: d.returnedUnits,
      })),
    products: new Map([...products].map(([key, value]) => [key, value])),
  };
}

function randomOrders(seed: number, count: number): { orders: FixtureOrder[]; lines: string[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  // Around both Stockholm DST changes of 2026 and an ordinary week.
  const windows = [
    Date.parse("2026-03-27T00:00:00Z"),
    Date.parse("2026-10-23T00:00:00Z"),
    Date.parse("2026-06-01T00:00:00Z"),
  ];
  const orders: FixtureOrder[] = [];
  let lineId = 1;
  for (let i = 0; i < count; i++) {
    const created = pick(windows) + Math.floor(random() * 4 * 86_400_000);
    const lineItems = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const quantity = 1 + Math.floor(random() * 4);
      const price = (1 + Math.floor(random() * 50_000)) / 100;
      const discount = random() < 0.3 ? Math.floor(random() * price * quantity * 30) / 100 : 0;
      return {
        id: lineId++,
        quantity,
        currentQuantity: random() < 0.25 ? Math.floor(random() * (quantity + 1)) : quantity,
        price: price.toFixed(2),
        discount: discount.toFixed(2),
        productId: random() < 0.05 ? null : 1 + Math.floor(random() * 12),
      };
    });
    const refundCount = lineItems.some((l) => l.currentQuantity < l.quantity)
      ? pick([0, 1, 1, 2, 3])
      : 0;
    const refunds = Array.from({ length: refundCount }, () => ({
      createdAt:
        random() < 0.05
          ? null
          : new Date(created + Math.floor(random() * 9 * 86_400_000)).toISOString(),
      amount: random() < 0.2 ? "0.00" : (Math.floor(random() * 100_000) / 100).toFixed(2),
    }));
    orders.push({
      id: 5000 + i,
      createdAt: new Date(created).toISOString(),
      cancelledAt: random() < 0.05 ? new Date(created + 3_600_000).toISOString() : null,
      test: random() < 0.03,
      currencyCode: random() < 0.02 ? "EUR" : "SEK",
      refunds,
      lineItems,
    });
  }
  // Platform-like disorder: each child goes up to ~6 positions before or after its parent.
  const placed: { at: number; line: string }[] = [];
  orders.forEach((order, index) => {
    placed.push({ at: index * 10, line: orderJson(order) });
    for (const line of order.lineItems) {
      placed.push({
        at: index * 10 + Math.floor((random() - 0.3) * 60),
        line: lineItemJson(order, line),
      });
    }
  });
  placed.sort((a, b) => a.at - b.at);
  return { orders, lines: placed.map((p) => p.line) };
}

function factsOf(order: FixtureOrder, lines: string[]): OrderFacts {
  const parsed = lines
    .map((l) => JSON.parse(l) as ParsedLine)
    .filter((l) => l.__parentId === `gid://shopify/Order/${order.id}`);
  const head = JSON.parse(orderJson(order)) as ParsedOrder;
  return {
    id: head.id,
    createdAtMs: Date.parse(head.createdAt),
    updatedAtMs: Date.parse(head.createdAt),
    cancelled: head.cancelledAt !== null,
    test: head.test,
    currencyCode: head.currencyCode,
    discounts: Number(micro(head.totalDiscountsSet.shopMoney.amount)),
    refunds: head.refunds.map((r) => ({
      createdAtMs: r.createdAt ? Date.parse(r.createdAt) : -Infinity,
      amount: Number(micro(r.totalRefundedSet.shopMoney.amount)),
      lines: null,
    })),
    lineItems: parsed.map((l) => ({
      id: l.id,
      productId: l.product?.id ?? null,
      quantity: l.quantity,
      currentQuantity: l.currentQuantity,
      originalTotal: Number(micro(l.originalTotalSet.shopMoney.amount)),
      discountedTotal: Number(micro(l.discountedTotalSet.shopMoney.amount)),
    })),
  };
}

describe("ingestOrdersJsonl against a reference computation", () => {
  for (const seed of [1, 2, 3]) {
    it(`GIVEN random orders (seed ${seed}), children out of order, odd chunk sizes THEN streaming equals the reference`, async () => {
      const { orders, lines } = randomOrders(seed, 250);
      const bytes = jsonl(lines);
      const random = seededRandom(seed * 7);
      async function* randomChunks() {
        for (let i = 0; i < bytes.length;) {
          const size = 1 + Math.floor(random() * 300);
          yield bytes.subarray(i, i + size);
          i += size;
        }
      }
      const rows: ContributionRow[] = [];
      const result = await ingestOrdersJsonl(randomChunks(), {
        ...OPTIONS,
        onRow: (row) => rows.push(row),
      });
      const reference = referenceKpis(new TextDecoder().decode(bytes), "Europe/Stockholm");

      expect(result.report.malformedLines).toBe(0);
      expect(result.report.orphanLineItems).toBe(0);
      expect(result.days).toEqual(reference.days);
      const productDays = [...result.productDays()];
      expect(new Map(productDays.map((p) => [`${p.date}|${p.productId}`, p.netSales]))).toEqual(
        reference.products,
      );

      // The per-order path (webhooks) books the same numbers from the same facts.
      const clock = new ShopDayClock("Europe/Stockholm");
      const perOrder = new KpiAggregates();
      for (const order of orders)
        perOrder.applyRows(orderContribution(factsOf(order, lines), clock, "SEK").rows, 1);
      expect(perOrder.days()).toEqual(result.days);
      expect([...perOrder.productDays()]).toEqual(productDays);

      // The rows handed to onRow add up to the same aggregates.
      const fromRows = new KpiAggregates();
      fromRows.applyRows(rows, 1);
      expect(fromRows.days()).toEqual(result.days);
    });
  }
});
