import "@shopify/shopify-api/adapters/node";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmulatorClock } from "../clock";
import { createShopState } from "../store/shop";
import { WebhookSender, type WebhookSenderOptions } from "./sender";
import { webhookHmac } from "./signing";

const SECRET = "test-app-secret";
const shopify = shopifyApi({
  apiKey: "test-api-key",
  apiSecretKey: SECRET,
  hostName: "merchdesk.example.com",
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error, log: async () => undefined },
});

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  validation: Awaited<ReturnType<typeof shopify.webhooks.validate>>;
}

/** A real local HTTP receiver that answers with the next scripted status (200 when none left). */
class Receiver {
  readonly received: Received[] = [];
  statuses: number[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      void shopify.webhooks
        .validate({ rawBody: body, rawRequest: req, rawResponse: res })
        .then((validation) => {
          this.received.push({ headers: req.headers, body, validation });
          res.statusCode = this.statuses.shift() ?? 200;
          res.end("ok");
        });
    });
  });
  url = "";
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks`;
  }
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const shop = createShopState({ domain: "fjallvik.myshopify.com" });
const clock = new EmulatorClock();
clock.freeze(new Date("2026-11-02T10:00:00Z"));
let receiver: Receiver;
let sender: WebhookSender | null = null;

function makeSender(overrides: Partial<WebhookSenderOptions> = {}): WebhookSender {
  sender = new WebhookSender({
    appSecret: SECRET,
    clock,
    targetFor: () => receiver.url,
    retryDelaysMs: [5, 5, 5],
    ...overrides,
  });
  return sender;
}

beforeEach(async () => {
  receiver = new Receiver();
  await receiver.start();
});

afterEach(async () => {
  sender?.close();
  sender = null;
  await receiver.stop();
});

describe("WebhookSender", () => {
  it("GIVEN an emitted webhook WHEN delivered THEN @shopify/shopify-api validates its signature", async () => {
    const s = makeSender();
    s.emit(shop, "orders/create", { id: 1001, name: "#1001" });
    await s.flush();
    expect(receiver.received).toHaveLength(1);
    const { validation } = receiver.received[0];
    expect(validation.valid).toBe(true);
    if (!validation.valid) return;
    expect(validation.topic).toBe("ORDERS_CREATE"); // the library normalises topic names
    expect(validation.webhookType === "webhooks" && validation.webhookId).toBe(
      s.deliveries(shop.domain)[0].id,
    );
    expect(validation.domain).toBe("fjallvik.myshopify.com");
    expect(validation.apiVersion).toBe("2026-10");
  });

  it("GIVEN an emitted webhook WHEN delivered THEN the body is the JSON payload and all Shopify headers are set", async () => {
    const s = makeSender({ subscriptionName: (topic) => `merchdesk-${topic.replace("/", "-")}` });
    s.emit(shop, "collections/update", { id: 7, title: "Jackor" });
    await s.flush();
    const { headers, body } = receiver.received[0];
    expect(JSON.parse(body)).toEqual({ id: 7, title: "Jackor" });
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["x-shopify-hmac-sha256"]).toBe(webhookHmac(SECRET, body));
    expect(headers["x-shopify-topic"]).toBe("collections/update");
    expect(headers["x-shopify-shop-domain"]).toBe("fjallvik.myshopify.com");
    expect(headers["x-shopify-api-version"]).toBe("2026-10");
    expect(headers["x-shopify-triggered-at"]).toBe("2026-11-02T10:00:00.000Z");
    expect(headers["x-shopify-name"]).toBe("merchdesk-collections-update");
    expect(headers["x-shopify-event-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers["x-shopify-webhook-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("GIVEN a wrong secret on the receiving side WHEN validated THEN the signature is rejected", async () => {
    const s = makeSender({ appSecret: "another-secret" });
    s.emit(shop, "orders/create", { id: 1 });
    await s.flush();
    expect(receiver.received[0].validation.valid).toBe(false);
  });

  it("GIVEN a receiver that answers 500 once WHEN delivering THEN it retries and succeeds with the same webhook id", async () => {
    receiver.statuses = [500];
    const s = makeSender();
    s.emit(shop, "orders/create", { id: 1 });
    await s.flush();
    const [delivery] = s.deliveries(shop.domain);
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 200]);
    expect(delivery.delivered).toBe(true);
    const ids = receiver.received.map((r) => r.headers["x-shopify-webhook-id"]);
    expect(ids).toEqual([delivery.id, delivery.id]);
  });

  it("GIVEN a receiver that always fails WHEN the schedule runs out THEN the delivery is recorded as undelivered", async () => {
    receiver.statuses = [500, 502, 503, 500, 500];
    const s = makeSender({ retryDelaysMs: [1, 2, 4] });
    s.emit(shop, "orders/create", { id: 1 });
    await s.flush();
    const [delivery] = s.deliveries(shop.domain);
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 502, 503, 500]);
    expect(delivery.delivered).toBe(false);
  });

  it("GIVEN two emits WHEN delivered THEN each has its own webhook id and event id", async () => {
    const s = makeSender();
    s.emit(shop, "orders/create", { id: 1 });
    s.emit(shop, "orders/create", { id: 2 });
    await s.flush();
    const [a, b] = s.deliveries(shop.domain);
    expect(a.id).not.toBe(b.id);
    expect(a.eventId).not.toBe(b.eventId);
    expect(new Set(receiver.received.map((r) => r.headers["x-shopify-webhook-id"])).size).toBe(2);
  });

  it("GIVEN an injected fault on the first attempt WHEN delivering THEN that attempt fails without a request and the retry succeeds", async () => {
    let faults = 1;
    const s = makeSender({ shouldFail: () => faults-- > 0 });
    s.emit(shop, "orders/create", { id: 1 });
    await s.flush();
    const [delivery] = s.deliveries(shop.domain);
    expect(delivery.attempts.map((a) => a.status)).toEqual([null, 200]);
    expect(delivery.attempts[0].error).toMatch(/fault injected/);
    expect(receiver.received).toHaveLength(1);
  });

  it("GIVEN an unreachable endpoint WHEN delivering THEN network errors are recorded and retried", async () => {
    await receiver.stop();
    const s = makeSender({ retryDelaysMs: [1] });
    s.emit(shop, "orders/create", { id: 1 });
    await s.flush();
    const [delivery] = s.deliveries(shop.domain);
    expect(delivery.attempts).toHaveLength(2);
    expect(delivery.attempts.every((a) => a.status === null && a.error !== null)).toBe(true);
    await receiver.start(); // afterEach stops it again
  });

  it("GIVEN no target for the shop WHEN emitting THEN the delivery is recorded without attempts", async () => {
    const s = makeSender({ targetFor: () => undefined });
    s.emit(shop, "orders/create", { id: 1 });
    await s.flush();
    const [delivery] = s.deliveries(shop.domain);
    expect(delivery.attempts).toEqual([]);
    expect(delivery.delivered).toBe(false);
    expect(receiver.received).toHaveLength(0);
  });

  it("GIVEN a retry waiting WHEN closed THEN no further attempt is made and flush resolves", async () => {
    receiver.statuses = [500, 500];
    const s = makeSender({ retryDelaysMs: [60_000] });
    s.emit(shop, "orders/create", { id: 1 });
    while (s.deliveries(shop.domain)[0].attempts.length === 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const flushed = s.flush();
    s.close();
    await flushed;
    expect(s.deliveries(shop.domain)[0].attempts).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });
});
