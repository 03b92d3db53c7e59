import {
  KpiAggregates,
  type ContributionRow,
  type DayKpis,
  type ProductDayNetSales,
} from "./kpi-aggregates";
import {
  BulkLineScanner,
  fieldNames,
  GID_ORDER,
  KIND_LINE_ITEM,
  KIND_ORDER,
  SEEN_CANCELLED_AT,
  SEEN_CREATED_AT,
  SEEN_CURRENCY,
  SEEN_CURRENT_QUANTITY,
  SEEN_DISCOUNTED_TOTAL,
  SEEN_ID,
  SEEN_ORIGINAL_TOTAL,
  SEEN_PRODUCT,
  SEEN_QUANTITY,
  SEEN_REFUNDS,
  SEEN_TEST,
  SEEN_TOTAL_DISCOUNTS,
  SEEN_UPDATED_AT,
} from "./kpi-bulk-line";
import { dayKey, ShopDayClock } from "./kpi-day";
import { latestIndex, returnedValue, splitByWeights } from "./kpi-definitions";
import { Float64Column, Int32Column, NumberKeyIndex } from "./kpi-number-index";
import { emptyRow } from "./kpi-order-facts";

/**
 * Streaming ingest of an OrdersForKpis bulk result (JSONL, `groupObjects: false`) into daily KPI
 * aggregates, in one pass and bounded memory:
 *
 * - bytes are split into lines in place (no string per line) and each line is read by
 *   BulkLineScanner (kpi-bulk-line.ts);
 * - an order is added to its day as soon as its line arrives; a line item is added as soon as
 *   its order is known. Children that arrive before their parent wait in compact typed-array
 *   columns (a few dozen bytes each) until it does;
 * - per order, only what its later children need is kept (day, counted or not, where returns go)
 *   in typed arrays keyed by the order id's number: ~40 bytes per order, ~40 MB for a million;
 * - nothing is dropped silently: malformed lines, duplicate orders, children whose order never
 *   came, unexpected objects and out-of-range amounts are counted and sampled with line numbers.
 *
 * Definitions: kpi-definitions.ts.
 */

export interface KpiIngestOptions {
  /** The shop's IANA time zone (`shop.ianaTimezone`). */
  timeZone: string;
  /** The shop currency; orders in another currency are left out and reported. */
  currencyCode?: string;
  /**
   * Receives every contribution row as it is booked, with the order's `updatedAt` (ms), for a
   * caller that stores per-order contributions so webhooks can replace them later (kpi-webhook.ts).
   */
  onRow?: (row: ContributionRow, orderUpdatedAtMs: number) => void;
  /** How many issues to keep with their line numbers (all are counted). Default 100. */
  maxIssueSamples?: number;
}

export interface KpiIngestIssue {
  /** 1-based line number in the JSONL. */
  line: number;
  reason: string;
}

export interface KpiIngestReport {
  /** Lines read, including blank ones. */
  lines: number;
  orderLines: number;
  lineItemLines: number;
  countedOrders: number;
  excludedOrders: { test: number; cancelled: number; otherCurrency: number };
  malformedLines: number;
  duplicateOrders: number;
  /** Line items whose order never appeared in the file. */
  orphanLineItems: number;
  /** Objects that are neither orders nor their line items (e.g. from a changed query). */
  unexpectedLines: number;
  /** Amounts that fit no safe integer and lines whose currentQuantity exceeds quantity. */
  invalidAmounts: number;
  /** Orders whose returns were split across several refunds by refunded amount (approximate). */
  splitRefundOrders: number;
  issues: KpiIngestIssue[];
  /** True when more issues happened than `issues` holds. */
  issuesTruncated: boolean;
}

export interface KpiIngestResult {
  days: DayKpis[];
  /** Net sales per day and product (a generator over the aggregates; see productDays()). */
  productDays: () => Generator<ProductDayNetSales>;
  report: KpiIngestReport;
  /** The sums themselves, for the incremental path to continue from. */
  aggregates: KpiAggregates;
}

const ORDER_FIELDS =
  SEEN_ID |
  SEEN_CREATED_AT |
  SEEN_UPDATED_AT |
  SEEN_CANCELLED_AT |
  SEEN_TEST |
  SEEN_CURRENCY |
  SEEN_TOTAL_DISCOUNTS |
  SEEN_REFUNDS;
const LINE_ITEM_FIELDS =
  SEEN_ID |
  SEEN_QUANTITY |
  SEEN_CURRENT_QUANTITY |
  SEEN_ORIGINAL_TOTAL |
  SEEN_DISCOUNTED_TOTAL |
  SEEN_PRODUCT;

const STATE_UNSEEN = 0;
const STATE_COUNTED = 1;
const STATE_EXCLUDED = 2;
const NO_REFUND = -1;
const SEVERAL_REFUNDS = -2;
const NONE = -1;
const MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = new Uint8Array([10]);
/** Keys for GIDs with a non-numeric tail (never seen in practice). */
const SYNTHETIC_KEY_BASE = 2 ** 52;

interface RefundSplit {
  daySlots: number[];
  weights: number[];
  fallback: number;
  reported: boolean;
}

/** Line items waiting for their order, column-wise; freed slots are reused. */
class PendingLineItems {
  next = new Int32Column(1024, NONE);
  productSlot = new Int32Column(1024);
  quantity = new Int32Column(1024);
  currentQuantity = new Int32Column(1024);
  originalTotal = new Float64Column(1024);
  discountedTotal = new Float64Column(1024);
  lineNumber = new Float64Column(1024);
  lineItemKey = new Float64Column(1024);
  private used = 0;
  private free = NONE;

  allocate(): number {
    let slot = this.free;
    if (slot !== NONE) {
      this.free = this.next.values[slot];
    } else {
      slot = this.used++;
      this.next.ensure(slot);
      this.productSlot.ensure(slot);
      this.quantity.ensure(slot);
      this.currentQuantity.ensure(slot);
      this.originalTotal.ensure(slot);
      this.discountedTotal.ensure(slot);
      this.lineNumber.ensure(slot);
      this.lineItemKey.ensure(slot);
    }
    return slot;
  }

  release(slot: number): void {
    this.next.values[slot] = this.free;
    this.free = slot;
  }
}

export class KpiBulkIngest {
  readonly aggregates = new KpiAggregates();
  private readonly clock: ShopDayClock;
  private readonly scanner: BulkLineScanner;
  private readonly onRow: KpiIngestOptions["onRow"];
  private readonly maxIssues: number;

  private readonly orders = new NumberKeyIndex(1 << 16);
  private readonly orderState = new Int32Column(1 << 16, STATE_UNSEEN);
  private readonly orderDaySlot = new Int32Column(1 << 16);
  private readonly orderRefund = new Int32Column(1 << 16, NO_REFUND);
  /** Only kept when rows are emitted (they carry the order's updatedAt). */
  private readonly orderUpdatedAt: Float64Column;
  private readonly pendingHead = new Int32Column(1 << 16, NONE);
  private readonly refundSplits = new Map<number, RefundSplit>();
  private readonly pending = new PendingLineItems();
  private readonly syntheticKeys = new Map<string, number>();
  private readonly syntheticTexts: string[] = [];
  /** Order key per slot, kept only when rows are emitted. */
  private readonly orderKeys: number[] = [];

  private carry = new Uint8Array(64 * 1024);
  private carryLength = 0;
  private skippingLongLine = false;
  private lineNumber = 0;
  private finished = false;

  private readonly report: KpiIngestReport = {
    lines: 0,
    orderLines: 0,
    lineItemLines: 0,
    countedOrders: 0,
    excludedOrders: { test: 0, cancelled: 0, otherCurrency: 0 },
    malformedLines: 0,
    duplicateOrders: 0,
    orphanLineItems: 0,
    unexpectedLines: 0,
    invalidAmounts: 0,
    splitRefundOrders: 0,
    issues: [],
    issuesTruncated: false,
  };

  constructor(options: KpiIngestOptions) {
    this.clock = new ShopDayClock(options.timeZone);
    this.scanner = new BulkLineScanner(options.currencyCode ?? null);
    this.onRow = options.onRow;
    this.orderUpdatedAt = new Float64Column(this.onRow ? 1 << 16 : 1);
    this.maxIssues = options.maxIssueSamples ?? 100;
  }

  /** Feeds the next chunk of the file (any size; lines may span chunks). */
  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error("KpiBulkIngest: push after finish");
    let start = 0;
    if (this.carryLength > 0 || this.skippingLongLine) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        this.appendCarry(chunk, 0, chunk.length);
        return;
      }
      this.appendCarry(chunk, 0, newline + 1);
      this.endCarriedLine();
      start = newline + 1;
    }
    const lastNewline = chunk.lastIndexOf(10);
    if (lastNewline >= start) {
      this.lines(chunk, start, lastNewline);
      start = lastNewline + 1;
    }
    if (start < chunk.length) this.appendCarry(chunk, start, chunk.length);
  }

  /** Ends the input: reads a last line without newline, reports orphans, returns the KPIs. */
  finish(): KpiIngestResult {
    if (!this.finished) {
      if (this.carryLength > 0) this.appendCarry(NEWLINE, 0, 1);
      if (this.carryLength > 0 || this.skippingLongLine) this.endCarriedLine();
      this.finished = true;
      this.reportOrphans();
    }
    return {
      days: this.aggregates.days(),
      productDays: () => this.aggregates.productDays(),
      report: this.report,
      aggregates: this.aggregates,
    };
  }

  private appendCarry(chunk: Uint8Array, from: number, to: number): void {
    if (this.skippingLongLine) return;
    const length = to - from;
    if (this.carryLength + length > MAX_LINE_BYTES) {
      this.skippingLongLine = true;
      this.carryLength = 0;
      return;
    }
    if (this.carryLength + length > this.carry.length) {
      let capacity = this.carry.length * 2;
      while (capacity < this.carryLength + length) capacity *= 2;
      const next = new Uint8Array(capacity);
      next.set(this.carry.subarray(0, this.carryLength));
      this.carry = next;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLength);
    this.carryLength += length;
  }

  /** The carried bytes end with a newline now: read them as one line. */
  private endCarriedLine(): void {
    if (this.skippingLongLine) {
      this.skippingLongLine = false;
      this.lineNumber++;
      this.report.lines++;
      this.malformed(`line longer than ${MAX_LINE_BYTES} bytes`);
      return;
    }
    const length = this.carryLength;
    this.carryLength = 0;
    this.lines(this.carry, 0, length - 1);
  }

  /** Reads the complete lines in buf[start ..= lastNewline]. */
  private lines(buf: Uint8Array, start: number, lastNewline: number): void {
    const scanner = this.scanner;
    let p = start;
    while (p <= lastNewline) {
      this.lineNumber++;
      this.report.lines++;
      let lineEnd = buf[p] === 10 ? p : scanner.scan(buf, p, lastNewline);
      if (lineEnd === p) {
        // Blank line: nothing to read.
      } else if (lineEnd < 0) {
        lineEnd = buf.indexOf(10, p);
        if (!isBlank(buf, p, lineEnd)) this.malformed(scanner.error);
      } else {
        const kind = scanner.kind();
        if (kind === KIND_LINE_ITEM) this.lineItemLine();
        else if (kind === KIND_ORDER) this.orderLine();
        else {
          this.report.unexpectedLines++;
          this.issue(
            scanner.parentType !== 0
              ? "child object that is not an order line item"
              : "top-level object that is not an order",
          );
        }
      }
      p = lineEnd + 1;
    }
  }

  private orderLine(): void {
    const s = this.scanner;
    this.report.orderLines++;
    if ((s.seen & ORDER_FIELDS) !== ORDER_FIELDS) {
      this.malformed(`order without ${fieldNames(ORDER_FIELDS & ~s.seen).join(", ")}`);
      return;
    }
    const slot = this.orderSlot(s.idNumber, s.idText);
    if (this.orderState.values[slot] !== STATE_UNSEEN) {
      this.report.duplicateOrders++;
      this.issue("order appears twice; the second copy is ignored");
      return;
    }
    let excluded = true;
    if (s.test) this.report.excludedOrders.test++;
    else if (s.cancelled) this.report.excludedOrders.cancelled++;
    else if (!s.currencyMatches) {
      this.report.excludedOrders.otherCurrency++;
      this.issue(`order in ${s.currencyText}, not the shop currency; left out`);
    } else excluded = false;
    if (excluded) {
      this.orderState.values[slot] = STATE_EXCLUDED;
    } else {
      this.report.countedOrders++;
      const daySlot = this.aggregates.daySlot(this.clock.dayOf(s.createdAtMs));
      this.orderState.values[slot] = STATE_COUNTED;
      this.orderDaySlot.values[slot] = daySlot;
      if (this.onRow) this.orderUpdatedAt.values[slot] = s.updatedAtMs;
      this.orderRefund.values[slot] = this.refundPlacement(slot, daySlot);
      this.aggregates.addOrder(daySlot, 1, -s.discounts);
      if (this.onRow) this.emitOrderRow(slot, daySlot, -s.discounts);
    }
    this.drainPending(slot);
  }

  /** Where this order's returns go: NO_REFUND, a day slot, or SEVERAL_REFUNDS (see splits). */
  private refundPlacement(orderSlot: number, orderDaySlot: number): number {
    const s = this.scanner;
    if (s.refundCount === 0) return NO_REFUND;
    const dayOfRefund = (ms: number) =>
      ms === -Infinity ? orderDaySlot : this.aggregates.daySlot(this.clock.dayOf(ms));
    if (s.refundCount === 1) return dayOfRefund(s.refundMs[0]);
    const times = Array.from(s.refundMs.subarray(0, s.refundCount));
    this.refundSplits.set(orderSlot, {
      daySlots: times.map(dayOfRefund),
      weights: Array.from(s.refundAmount.subarray(0, s.refundCount)),
      fallback: latestIndex(times),
      reported: false,
    });
    return SEVERAL_REFUNDS;
  }

  private lineItemLine(): void {
    const s = this.scanner;
    this.report.lineItemLines++;
    if ((s.seen & LINE_ITEM_FIELDS) !== LINE_ITEM_FIELDS) {
      this.malformed(`line item without ${fieldNames(LINE_ITEM_FIELDS & ~s.seen).join(", ")}`);
      return;
    }
    if (s.parentType !== GID_ORDER) {
      this.report.unexpectedLines++;
      this.issue("line item whose __parentId is not an order");
      return;
    }
    const orderSlot = this.orderSlot(s.parentNumber, s.parentText);
    const productSlot =
      s.productText !== null
        ? this.aggregates.productSlotOfGid(s.productText)
        : this.aggregates.productSlot(s.productNumber < 0 ? 0 : s.productNumber);
    const lineItemKey = s.idNumber >= 0 ? s.idNumber : this.syntheticKey(s.idText ?? "");
    const state = this.orderState.values[orderSlot];
    if (state === STATE_COUNTED) {
      this.bookLineItem(
        orderSlot,
        productSlot,
        s.quantity,
        s.currentQuantity,
        s.originalTotal,
        s.discountedTotal,
        lineItemKey,
      );
    } else if (state === STATE_UNSEEN) {
      const p = this.pending;
      const slot = p.allocate();
      p.productSlot.values[slot] = productSlot;
      p.quantity.values[slot] = s.quantity;
      p.currentQuantity.values[slot] = s.currentQuantity;
      p.originalTotal.values[slot] = s.originalTotal;
      p.discountedTotal.values[slot] = s.discountedTotal;
      p.lineNumber.values[slot] = this.lineNumber;
      p.lineItemKey.values[slot] = lineItemKey;
      p.next.values[slot] = this.pendingHead.values[orderSlot];
      this.pendingHead.values[orderSlot] = slot;
    }
    // STATE_EXCLUDED: the order does not count, nor do its lines.
  }

  /** Books the line items that arrived before their order. */
  private drainPending(orderSlot: number): void {
    let slot = this.pendingHead.values[orderSlot];
    if (slot === NONE) return;
    this.pendingHead.values[orderSlot] = NONE;
    const counted = this.orderState.values[orderSlot] === STATE_COUNTED;
    const p = this.pending;
    while (slot !== NONE) {
      const next = p.next.values[slot];
      if (counted) {
        this.bookLineItem(
          orderSlot,
          p.productSlot.values[slot],
          p.quantity.values[slot],
          p.currentQuantity.values[slot],
          p.originalTotal.values[slot],
          p.discountedTotal.values[slot],
          p.lineItemKey.values[slot],
        );
      }
      p.release(slot);
      slot = next;
    }
  }

  private bookLineItem(
    orderSlot: number,
    productSlot: number,
    quantity: number,
    currentQuantity: number,
    originalTotal: number,
    discountedTotal: number,
    lineItemKey: number,
  ): void {
    const daySlot = this.orderDaySlot.values[orderSlot];
    const aggregates = this.aggregates;
    aggregates.addLine(daySlot, productSlot, originalTotal, quantity, discountedTotal);
    if (this.onRow) {
      this.emitLineRow(orderSlot, lineItemKey, productSlot, daySlot, {
        grossSales: originalTotal,
        units: quantity,
        productNetSales: discountedTotal,
      });
    }
    const returnedQuantity = quantity - currentQuantity;
    if (returnedQuantity <= 0) {
      if (returnedQuantity < 0)
        this.invalidAmount("currentQuantity above quantity; no return booked");
      return;
    }
    const value = returnedValue(returnedQuantity, quantity, discountedTotal);
    if (value === null) {
      this.invalidAmount("returned value out of range; no return booked");
      return;
    }
    const placement = this.orderRefund.values[orderSlot];
    if (placement !== SEVERAL_REFUNDS) {
      const returnDay = placement === NO_REFUND ? daySlot : placement;
      aggregates.addReturn(returnDay, productSlot, -value, returnedQuantity);
      if (this.onRow)
        this.emitReturnRow(orderSlot, lineItemKey, productSlot, returnDay, value, returnedQuantity);
      return;
    }
    const split = this.refundSplits.get(orderSlot)!;
    const values = splitByWeights(value, split.weights, split.fallback);
    const units = splitByWeights(returnedQuantity, split.weights, split.fallback);
    for (let i = 0; i < values.length; i++) {
      if (values[i] === 0 && units[i] === 0) continue;
      aggregates.addReturn(split.daySlots[i], productSlot, -values[i], units[i]);
      if (this.onRow) {
        this.emitReturnRow(
          orderSlot,
          lineItemKey,
          productSlot,
          split.daySlots[i],
          values[i],
          units[i],
        );
      }
    }
    if (!split.reported) {
      split.reported = true;
      this.report.splitRefundOrders++;
    }
  }

  private orderSlot(idNumber: number, idText: string | null): number {
    const key = idNumber >= 0 ? idNumber : this.syntheticKey(idText ?? "");
    const slot = this.orders.findOrAdd(key);
    if (slot >= this.orderState.values.length) {
      this.orderState.ensure(slot);
      this.orderDaySlot.ensure(slot);
      this.orderRefund.ensure(slot);
      if (this.onRow) this.orderUpdatedAt.ensure(slot);
      this.pendingHead.ensure(slot);
    }
    return slot;
  }

  private syntheticKey(text: string): number {
    let key = this.syntheticKeys.get(text);
    if (key === undefined) {
      key = SYNTHETIC_KEY_BASE + this.syntheticTexts.length;
      this.syntheticKeys.set(text, key);
      this.syntheticTexts.push(text);
    }
    return key;
  }

  private reportOrphans(): void {
    const p = this.pending;
    const orders = this.orders.size;
    for (let orderSlot = 0; orderSlot < orders; orderSlot++) {
      let slot = this.pendingHead.values[orderSlot];
      while (slot !== NONE) {
        this.report.orphanLineItems++;
        this.issueAt(p.lineNumber.values[slot], "line item whose order is not in the file");
        slot = p.next.values[slot];
      }
    }
  }

  private malformed(reason: string): void {
    this.report.malformedLines++;
    this.issue(`malformed: ${reason}`);
  }

  private invalidAmount(reason: string): void {
    this.report.invalidAmounts++;
    this.issue(reason);
  }

  private issue(reason: string): void {
    this.issueAt(this.lineNumber, reason);
  }

  private issueAt(line: number, reason: string): void {
    if (this.report.issues.length < this.maxIssues) this.report.issues.push({ line, reason });
    else this.report.issuesTruncated = true;
  }

  // Contribution rows (only when a caller asked for them).

  private orderGid(orderSlot: number): string {
    return gidOf("Order", this.orderKeys[orderSlot], this.syntheticTexts);
  }

  private emitOrderRow(orderSlot: number, daySlot: number, discounts: number): void {
    const s = this.scanner;
    // The index maps keys to slots; the reverse is only needed for rows.
    this.orderKeys[orderSlot] = s.idNumber >= 0 ? s.idNumber : this.syntheticKey(s.idText ?? "");
    this.onRow!(
      {
        ...emptyRow(this.orderGid(orderSlot), null, this.dateOfSlot(daySlot), null),
        orders: 1,
        discounts,
      },
      this.orderUpdatedAt.values[orderSlot],
    );
  }

  private emitLineRow(
    orderSlot: number,
    lineItemKey: number,
    productSlot: number,
    daySlot: number,
    parts: { grossSales: number; units: number; productNetSales: number },
  ): void {
    this.onRow!(
      { ...this.lineRow(orderSlot, lineItemKey, productSlot, daySlot), ...parts },
      this.orderUpdatedAt.values[orderSlot],
    );
  }

  private emitReturnRow(
    orderSlot: number,
    lineItemKey: number,
    productSlot: number,
    daySlot: number,
    value: number,
    units: number,
  ): void {
    this.onRow!(
      {
        ...this.lineRow(orderSlot, lineItemKey, productSlot, daySlot),
        returns: -value,
        productNetSales: -value,
        returnedUnits: units,
      },
      this.orderUpdatedAt.values[orderSlot],
    );
  }

  private lineRow(orderSlot: number, lineItemKey: number, productSlot: number, daySlot: number) {
    return emptyRow(
      this.orderGid(orderSlot),
      gidOf("LineItem", lineItemKey, this.syntheticTexts),
      this.dateOfSlot(daySlot),
      this.aggregates.productIdOfSlot(productSlot),
    );
  }

  private dateOfSlot(daySlot: number): string {
    return dayKey(this.aggregates.dayOfSlot(daySlot));
  }
}

function gidOf(type: string, key: number, syntheticTexts: readonly string[]): string {
  return key >= SYNTHETIC_KEY_BASE
    ? syntheticTexts[key - SYNTHETIC_KEY_BASE]
    : `gid://shopify/${type}/${key}`;
}

function isBlank(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Anything the ingest can read from: a web ReadableStream, a Node stream, any async iterable. */
export type JsonlSource =
  ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Streams a bulk result through KpiBulkIngest. Node streams must not set an encoding. */
export async function ingestOrdersJsonl(
  source: JsonlSource,
  options: KpiIngestOptions,
): Promise<KpiIngestResult> {
  const ingest = new KpiBulkIngest(options);
  const encoder = new TextEncoder();
  if (isWebStream(source)) {
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      ingest.push(value);
    }
  } else {
    for await (const chunk of source) {
      ingest.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    }
  }
  return ingest.finish();
}

function isWebStream(source: JsonlSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === "function";
}
