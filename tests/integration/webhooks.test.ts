import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action as complianceAction } from "../../app/routes/webhooks.compliance";
import { action as webhookAction } from "../../app/routes/webhooks";
import { runQueuedJobs } from "../support/jobs";
import { installShop } from "../support/sessions";
import { webhookRequest } from "../support/webhooks";

const SHOP = "hooks-shop.myshopify.com";

beforeEach(async () => {
  await installShop(SHOP);
});

async function deliver(
  path: "/webhooks" | "/webhooks/compliance",
  options: Parameters<typeof webhookRequest>[1],
): Promise<Response> {
  const request = webhookRequest(path, options);
  const handler = path === "/webhooks" ? webhookAction : complianceAction;
  return handler({ request, params: {}, context: {} }).catch((error: unknown) => {
    if (error instanceof Response) return error;
    throw error;
  });
}

describe("authenticate.webhook", () => {
  it("GIVEN a delivery signed with the app secret THEN 200 and it is recorded once", async () => {
    const webhookId = randomUUID();
    const response = await deliver("/webhooks", {
      shop: SHOP,
      topic: "collections/update",
      payload: { id: 1 },
      webhookId,
    });
    expect(response.status).toBe(200);
    expect(await db().webhookEvent.count({ where: { webhookId, shop: SHOP } })).toBe(1);
  });

  it("GIVEN a forged HMAC THEN 401 and nothing is recorded", async () => {
    const webhookId = randomUUID();
    const response = await deliver("/webhooks", {
      shop: SHOP,
      topic: "collections/update",
      payload: { id: 1 },
      webhookId,
      secret: "forged-secret",
    });
    expect(response.status).toBe(401);
    expect(await db().webhookEvent.count({ where: { webhookId } })).toBe(0);
  });

  it("GIVEN a forged compliance webhook THEN 401 and no request is recorded", async () => {
    const webhookId = randomUUID();
    const response = await deliver("/webhooks/compliance", {
      shop: SHOP,
      topic: "shop/redact",
      payload: { shop_domain: SHOP },
      webhookId,
      secret: "forged-secret",
    });
    expect(response.status).toBe(401);
    expect(await db().complianceRequest.count({ where: { webhookId } })).toBe(0);
    expect(await db().shop.count({ where: { domain: SHOP } })).toBe(1);
  });

  it("GIVEN Shopify redelivers the same webhook id THEN it is recorded and processed once", async () => {
    const webhookId = randomUUID();
    const options = { shop: SHOP, topic: "themes/publish", payload: { id: 7 }, webhookId };
    expect((await deliver("/webhooks", options)).status).toBe(200);
    expect((await deliver("/webhooks", options)).status).toBe(200);
    expect(await db().webhookEvent.count({ where: { webhookId } })).toBe(1);
    const ran = await runQueuedJobs();
    expect(
      ran.filter((job) => (job.data as { webhookId: string }).webhookId === webhookId),
    ).toHaveLength(1);
  });
});

describe("uninstall and redaction", () => {
  it("GIVEN app/uninstalled WHEN processed THEN the shop's credentials are gone and it is marked uninstalled", async () => {
    await deliver("/webhooks", { shop: SHOP, topic: "app/uninstalled", payload: { domain: SHOP } });
    await runQueuedJobs();
    expect(await db().session.count({ where: { shop: SHOP } })).toBe(0);
    const shop = await db().shop.findUniqueOrThrow({ where: { domain: SHOP } });
    expect(shop.uninstalledAt).not.toBeNull();
  });

  it("GIVEN shop/redact WHEN processed THEN every record of the shop is deleted and the request answered", async () => {
    const other = "other-shop.myshopify.com";
    await installShop(other);
    await db().task.create({ data: { shop: SHOP, kind: "shop.sync-profile" } });
    await db().task.create({ data: { shop: other, kind: "shop.sync-profile" } });
    const webhookId = randomUUID();
    const response = await deliver("/webhooks/compliance", {
      shop: SHOP,
      topic: "shop/redact",
      payload: { shop_id: 1, shop_domain: SHOP },
      webhookId,
    });
    expect(response.status).toBe(200);
    await runQueuedJobs();
    expect(await db().shop.count({ where: { domain: SHOP } })).toBe(0);
    expect(await db().task.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db().webhookEvent.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db().session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await db().task.count({ where: { shop: other } })).toBe(1);
    const request = await db().complianceRequest.findUniqueOrThrow({ where: { webhookId } });
    expect(request.completedAt).not.toBeNull();
  });
});
