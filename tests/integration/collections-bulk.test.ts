import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChange, listItems, queueChange } from "../../app/features/collections/changes.server";
import { runChange } from "../../app/features/collections/apply.server";
import { planMembershipChange } from "../../app/features/collections/membership.server";
import { createTask } from "../../app/features/tasks/tasks.server";
import { offlineAdmin } from "../../app/shopify/app.server";
import { useBulkResultFetch } from "../../app/shopify/bulk.server";
import { setBulkUploadFetch } from "../../app/shopify/bulk-mutation.server";
import { ShopifyGateway } from "../../app/shopify/gateway.server";
import { collectionMembership } from "../../emulator/catalog/membership";
import type { Emulator } from "../../emulator/server";
import { startInProcessEmulator } from "../support/emulator";
import { installShop } from "../support/sessions";

const SHOP = "bulk-shop.myshopify.com";
let emulator: Emulator;
let gateway: ShopifyGateway;

beforeAll(async () => {
  emulator = startInProcessEmulator();
  const route = (url: string, init?: RequestInit) => emulator.handle(new Request(url, init));
  setBulkUploadFetch(route);
  useBulkResultFetch(route);
  const shop = emulator.createShop({ domain: SHOP, seed: "demo" });
  await installShop(SHOP, shop.app.accessToken);
  gateway = new ShopifyGateway(SHOP, await offlineAdmin(SHOP));
});

afterAll(async () => {
  await emulator.close();
});

function collection(handle: string) {
  return [...emulator.shops.get(SHOP)!.collections.values()].find((c) => c.handle === handle)!;
}

describe("large membership changes as a bulk operation", () => {
  it("GIVEN a change above the bulk threshold WHEN applied THEN a bulk mutation adds every product and a refused product is reported", async () => {
    const targets = [collection("fjallveckan"), collection("black-friday")];
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: targets.map((c) => c.id),
      products: { mode: "filter", filter: { status: ["ACTIVE"], priceMin: "500" } },
    });
    const items = await listItems(SHOP, change.id);
    const gone = items[0]!.productIds[3]!;
    emulator.shops.get(SHOP)!.products.delete(gone);
    const task = await createTask(SHOP, { kind: "collections.apply" });
    await queueChange(SHOP, change.id, "staff:1", task.id);

    await runChange(gateway, SHOP, change.id, { bulkThreshold: 1 });

    const log = emulator.shops.get(SHOP)!.mutationLog.map((entry) => JSON.stringify(entry));
    expect(log.some((entry) => entry.includes("bulkOperationRunMutation"))).toBe(true);
    const applied = (await getChange(SHOP, change.id))!;
    expect(applied.status).toBe("PARTIAL");
    const linesWithGone = items.filter((item) => item.productIds.includes(gone)).length;
    expect(applied.failedUnits).toBe(linesWithGone);
    expect(applied.doneUnits).toBe(applied.totalUnits - linesWithGone);
    const [first] = await listItems(SHOP, change.id);
    expect(first!.failures).toEqual([{ id: gone, reason: "Product does not exist" }]);
    const shop = emulator.shops.get(SHOP)!;
    for (const item of items) {
      const members = collectionMembership(
        shop,
        targets.find((t) => t.id === item.collectionId)!,
      ).members;
      for (const id of item.productIds.filter((p) => p !== gone)) {
        expect(members.has(id)).toBe(true);
      }
    }
  });
});
