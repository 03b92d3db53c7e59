/**
 * Ingestion benchmark: a 1,000,000-order OrdersForKpis bulk result (JSONL with line items, in
 * the platform's `groupObjects: false` format) to daily KPIs, streamed from disk.
 *
 *   npx tsx bench/ingest.ts [orders]
 *
 * The file is generated first, streamed to a temp file in ~1 MB writes (never whole in memory):
 * 1–4 line items per order; about a third of the orders have their line items after the *next*
 * order (as the platform writes them) and a few percent before their own order. Some orders are
 * refunded (a few with two refunds), cancelled or test orders. Then the file is ingested with a
 * plain file stream and the figures are printed, one per line. No assertions: it measures.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ingestOrdersJsonl } from "../app/features/insights/kpi-ingest";

const GENERATE_FLAG = "--generate";
const ORDER_COUNT = Number(
  (process.argv[2] === GENERATE_FLAG ? process.argv[4] : process.argv[2]) ?? 1_000_000,
);
const TIME_ZONE = "Europe/Stockholm";
const START_MS = Date.parse("2025-11-01T00:00:00Z");
const SPAN_MS = 365 * 86_400_000;
const PRODUCTS = 5_000;
const WRITE_BYTES = 1 << 20;
const READ_BYTES = 1 << 20;

/** Small deterministic PRNG (mulberry32), so every run ingests the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shopify's Decimal style: "199.0", "12.5", "0.25". Input in cents. */
function decimal(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return `${whole}.0`;
  return rest % 10 === 0 ? `${whole}.${rest / 10}` : `${whole}.${String(rest).padStart(2, "0")}`;
}

function money(cents: number): string {
  return `{"shopMoney":{"amount":"${decimal(cents)}"}}`;
}

interface GeneratedFile {
  file: string;
  bytes: number;
  lines: number;
}

function generate(file: string): GeneratedFile {
  const next = random(20261001);
  const fd = fs.openSync(file, "w");
  let buffer: string[] = [];
  let bufferedBytes = 0;
  let bytes = 0;
  let lines = 0;
  const write = (line: string) => {
    buffer.push(line);
    bufferedBytes += line.length + 1;
    lines++;
    if (bufferedBytes >= WRITE_BYTES) flush();
  };
  const flush = () => {
    if (!buffer.length) return;
    const text = buffer.join("\n") + "\n";
    bytes += fs.writeSync(fd, text);
    buffer = [];
    bufferedBytes = 0;
  };
  let deferred: string[] = [];
  let lineItemId = 30_000_000_000;
  for (let i = 0; i < ORDER_COUNT; i++) {
    const orderId = `gid://shopify/Order/${10_000_000_000 + i}`;
    const createdMs = START_MS + Math.floor((SPAN_MS * i) / ORDER_COUNT);
    const createdAt = new Date(createdMs).toISOString().replace(".000Z", "Z");
    const lineCount = 1 + Math.floor(next() * 4);
    const children: string[] = [];
    let subtotal = 0;
    let discounts = 0;
    const discounted = next() < 0.2;
    const refundRoll = next();
    for (let j = 0; j < lineCount; j++) {
      const quantity = 1 + Math.floor(next() * 3);
      const unit = 4_900 + Math.floor(next() * 50_000);
      const gross = unit * quantity;
      const discount = discounted ? Math.round(gross * 0.1) : 0;
      const returned = refundRoll < 0.07 && j === 0 ? quantity : 0;
      subtotal += gross - discount;
      discounts += discount;
      const product = 1_000_000 + Math.floor(next() * PRODUCTS);
      children.push(
        `{"id":"gid://shopify/LineItem/${lineItemId++}","quantity":${quantity},` +
          `"currentQuantity":${quantity - returned},"originalTotalSet":${money(gross)},` +
          `"discountedTotalSet":${money(gross - discount)},` +
          `"product":{"id":"gid://shopify/Product/${product}"},"__parentId":"${orderId}"}`,
      );
    }
    let refunds = "[]";
    if (refundRoll < 0.07) {
      const refundAt = new Date(createdMs + 5 * 86_400_000).toISOString().replace(".000Z", "Z");
      refunds = `[{"createdAt":"${refundAt}","totalRefundedSet":${money(Math.round(subtotal / 3))}}]`;
      if (refundRoll < 0.01) {
        const secondAt = new Date(createdMs + 9 * 86_400_000).toISOString().replace(".000Z", "Z");
        refunds = `${refunds.slice(0, -1)},{"createdAt":"${secondAt}","totalRefundedSet":${money(5_900)}}]`;
      }
    }
    const cancelled = next() < 0.012 ? `"${createdAt}"` : "null";
    const test = next() < 0.005;
    const order =
      `{"id":"${orderId}","createdAt":"${createdAt}","updatedAt":"${createdAt}",` +
      `"cancelledAt":${cancelled},"test":${test},"currencyCode":"SEK",` +
      `"totalDiscountsSet":${money(discounts)},"refunds":${refunds}}`;
    const placement = next();
    if (placement < 0.05) {
      // Children before their parent.
      for (const child of children) write(child);
      write(order);
    } else if (placement < 0.4) {
      // Children after the next parent, as the platform writes them without grouping.
      write(order);
      for (const child of deferred) write(child);
      deferred = children;
      continue;
    } else {
      write(order);
      for (const child of children) write(child);
    }
    for (const child of deferred) write(child);
    deferred = [];
  }
  for (const child of deferred) write(child);
  flush();
  fs.closeSync(fd);
  return { file, bytes, lines };
}

interface Peaks {
  rss: number;
  heapUsed: number;
}

/** Yields the file's chunks and samples memory between them (timers may starve while reading). */
async function* sampled(stream: AsyncIterable<Buffer>, peaks: Peaks): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    const usage = process.memoryUsage();
    if (usage.rss > peaks.rss) peaks.rss = usage.rss;
    if (usage.heapUsed > peaks.heapUsed) peaks.heapUsed = usage.heapUsed;
    yield chunk;
  }
}

/** Generates in a child process, so the ingest's memory figures start from a fresh process. */
function generateInChild(file: string): GeneratedFile {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), GENERATE_FLAG, file, String(ORDER_COUNT)],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`generator failed with status ${child.status}`);
  return JSON.parse(child.stdout) as GeneratedFile;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "merchdesk-bench-ingest-"));
  const file = path.join(dir, "orders.jsonl");
  try {
    const generatedAt = performance.now();
    const generated = generateInChild(file);
    const generationMs = performance.now() - generatedAt;

    const peaks: Peaks = { rss: 0, heapUsed: 0 };
    const timer = setInterval(() => {
      const usage = process.memoryUsage();
      if (usage.rss > peaks.rss) peaks.rss = usage.rss;
      if (usage.heapUsed > peaks.heapUsed) peaks.heapUsed = usage.heapUsed;
    }, 20);
    const rssBefore = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const stream = fs.createReadStream(file, { highWaterMark: READ_BYTES });
    const result = await ingestOrdersJsonl(sampled(stream, peaks), {
      timeZone: TIME_ZONE,
      currencyCode: "SEK",
    });
    const wallMs = performance.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // Output, timed apart from ingestion: a caller writes these rows to storage.
    const walkStartedAt = performance.now();
    let productDays = 0;
    for (const row of result.productDays()) if (row.netSales !== undefined) productDays++;
    const walkMs = performance.now() - walkStartedAt;
    clearInterval(timer);
    const final = process.memoryUsage();
    peaks.rss = Math.max(peaks.rss, final.rss);
    peaks.heapUsed = Math.max(peaks.heapUsed, final.heapUsed);

    const { report } = result;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    const print = (label: string, value: string | number) =>
      console.log(`${`${label}:`.padEnd(24)}${value}`);
    print("node", process.version);
    print("cpus / load (1 min)", `${os.cpus().length} / ${os.loadavg()[0].toFixed(2)}`);
    print(
      "file",
      `${mb(generated.bytes)}, ${generated.lines} lines (generated in ${(generationMs / 1000).toFixed(1)} s)`,
    );
    print("orders", report.orderLines);
    print("line items", report.lineItemLines);
    print("lines", report.lines);
    print("counted orders", report.countedOrders);
    print("days", result.days.length);
    print(
      "product-day rows",
      `${productDays} (walked in ${(walkMs / 1000).toFixed(2)} s after ingest)`,
    );
    print(
      "issues",
      `${report.malformedLines} malformed, ${report.orphanLineItems} orphans, ${report.duplicateOrders} duplicates`,
    );
    print("wall time", `${(wallMs / 1000).toFixed(2)} s`);
    print("orders/s", Math.round(report.orderLines / (wallMs / 1000)));
    print(
      "cpu time",
      `${(cpuMs / 1000).toFixed(2)} s (orders per cpu-second: ${Math.round(report.orderLines / (cpuMs / 1000))})`,
    );
    print("MB/s", (generated.bytes / 1024 / 1024 / (wallMs / 1000)).toFixed(1));
    print("peak RSS", `${mb(peaks.rss)} (before ingest ${mb(rssBefore)})`);
    print("peak heap used", mb(peaks.heapUsed));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === GENERATE_FLAG) {
  process.stdout.write(JSON.stringify(generate(process.argv[3])));
} else {
  await main();
}
