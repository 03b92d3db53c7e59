import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { getChange, listItems } from "../../app/features/collections/changes.server";
import { confirmChange, planUndo } from "../../app/features/collections/flow.server";
import { planMembershipChange } from "../../app/features/collections/membership.server";
import type { PlanSummary } from "../../app/features/collections/plan-types";
import type { ShopifyGateway } from "../../app/shopify/gateway.server";
import { collectionMembership } from "../../emulator/catalog/membership";
import type { Emulator } from "../../emulator/server";
import type { Collection } from "../../emulator/store/types";
import { collectionByHandle, installDemoShop } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";

const SHOP = "membership-shop.myshopify.com";
let emulator: Emulator;
let gateway: ShopifyGateway;

beforeAll(async () => {
  ({ emulator, gateway } = await installDemoShop(SHOP));
});

afterAll(async () => {
  await emulator.close();
});

function collection(handle: string): Collection {
  return collectionByHandle(emulator, SHOP, handle);
}

function members(handle: string): Set<string> {
  return collectionMembership(emulator.shops.get(SHOP)!, collection(handle)).members;
}

function productsTagged(tag: string): string[] {
  return [...emulator.shops.get(SHOP)!.products.values()]
    .filter((p) => p.tags.includes(tag))
    .map((p) => p.id);
}

async function applyAndRun(changeId: string) {
  const confirmed = await confirmChange(SHOP, changeId, "staff:1");
  expect(confirmed.status).toBe("queued");
  await runQueuedJobs();
  return (await getChange(SHOP, changeId))!;
}

describe("bulk membership change through the emulator", () => {
  it("GIVEN products tagged 'ull' WHEN added to a manual collection THEN the plan shows the diff and applying adds exactly them", async () => {
    const target = collection("fjallveckan");
    const tagged = productsTagged("ull");
    const before = members("fjallveckan");
    const expectedAdds = tagged.filter((id) => !before.has(id));

    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: [target.id],
      products: { mode: "filter", filter: { tag: "ull", status: [] } },
    });
    const summary = change.summary as unknown as PlanSummary;
    expect(summary.totals.adds).toBe(expectedAdds.length);
    expect(summary.collections[0]).toMatchObject({
      before: before.size,
      adds: expectedAdds.length,
    });
    expect(members("fjallveckan").size).toBe(before.size); // nothing written yet

    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(applied.doneUnits).toBe(expectedAdds.length);
    for (const id of tagged) expect(members("fjallveckan").has(id)).toBe(true);
  });

  it("GIVEN an applied change THEN it is recorded as an action touching its collection and products", async () => {
    const [change] = await db().collectionChange.findMany({
      where: { shop: SHOP, kind: "membership", status: "SUCCEEDED" },
    });
    const action = await db().action.findUniqueOrThrow({
      where: { id: change!.actionId! },
      include: { resources: true },
    });
    expect(action.kind).toBe("collections.membership");
    expect(action.detailsPath).toBe(`/app/collections/changes/${change!.id}`);
    expect(action.resources.filter((r) => r.type === "COLLECTION")).toHaveLength(1);
    expect(action.resources.filter((r) => r.type === "PRODUCT").length).toBe(change!.doneUnits);
  });

  it("GIVEN the applied change WHEN it is undone THEN exactly the added products leave again", async () => {
    const [change] = await db().collectionChange.findMany({
      where: { shop: SHOP, kind: "membership", status: "SUCCEEDED" },
    });
    const before = members("fjallveckan");
    const undo = await planUndo(gateway, SHOP, change!.id, "staff:1");
    expect(undo.status).toBe("planned");
    if (undo.status !== "planned") return;
    const applied = await applyAndRun(undo.change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(members("fjallveckan").size).toBe(before.size - change!.doneUnits);
    expect((await getChange(SHOP, change!.id))!.undoneById).toBe(undo.change.id);
    expect((await planUndo(gateway, SHOP, change!.id, "staff:1")).status).toBe("cannot_undo");
  });

  it("GIVEN picked products of which one is deleted before applying THEN the others are added and the report names the failed one", async () => {
    const target = collection("black-friday");
    const candidates = productsTagged("ull").filter((id) => !members("black-friday").has(id));
    const picked = candidates.slice(0, 3);
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: [target.id],
      products: { mode: "pick", productIds: picked },
    });
    emulator.shops.get(SHOP)!.products.delete(picked[1]!);
    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("PARTIAL");
    expect(applied.doneUnits).toBe(2);
    expect(applied.failedUnits).toBe(1);
    const [item] = await listItems(SHOP, change.id);
    expect(item!.failures).toEqual([{ id: picked[1], reason: "Product does not exist" }]);
    expect(members("black-friday").has(picked[0]!)).toBe(true);
    expect(members("black-friday").has(picked[2]!)).toBe(true);
  });

  it("GIVEN a change queued on a collection WHEN a second change on it is confirmed THEN it is refused naming the first", async () => {
    const target = collection("jackor");
    const plan = (tag: string) =>
      planMembershipChange(gateway, SHOP, "staff:1", {
        operation: "add",
        collectionIds: [target.id],
        products: { mode: "filter", filter: { tag, status: [] } },
      });
    const first = await plan("rea");
    const second = await plan("ull");
    expect((await confirmChange(SHOP, first.id, "staff:1")).status).toBe("queued");
    expect(await confirmChange(SHOP, second.id, "staff:1")).toEqual({
      status: "locked",
      collectionId: target.id,
      heldBy: first.id,
    });
    await runQueuedJobs();
    expect((await getChange(SHOP, first.id))!.status).toBe("SUCCEEDED");
    expect((await confirmChange(SHOP, second.id, "staff:1")).status).toBe("queued");
    await runQueuedJobs();
  });

  it("GIVEN Shopify throttles during apply THEN the change still completes with every product added", async () => {
    const target = collection("startsidan-utvalda");
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: [target.id],
      products: { mode: "filter", filter: { vendor: "Fjällvik", status: ["ACTIVE"] } },
    });
    emulator.faults.set(SHOP, { throttle: 3 });
    const applied = await applyAndRun(change.id);
    expect(emulator.faults.get(SHOP).throttle).toBe(0);
    expect(applied.status).toBe("SUCCEEDED");
    expect(applied.failedUnits).toBe(0);
  });

  it("GIVEN the worker dies mid-apply WHEN the job runs again THEN it resumes and adds everything once", async () => {
    const target = collection("hostfavoriter");
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: [target.id],
      products: { mode: "filter", filter: { status: ["ACTIVE"], priceMin: "100" } },
    });
    const items = await listItems(SHOP, change.id);
    expect(items.length).toBeGreaterThan(2);
    // The first write goes through, then the Admin API fails for longer than the job retries.
    let writes = 0;
    const state = emulator.shops.get(SHOP)!;
    const originalPush = state.mutationLog.push.bind(state.mutationLog);
    state.mutationLog.push = (...entries) => {
      if (++writes === 1) emulator.faults.set(SHOP, { serverErrors: 100 });
      return originalPush(...entries);
    };
    await confirmChange(SHOP, change.id, "staff:1");
    const firstRun = await runQueuedJobs();
    expect(firstRun[0]!.outcome.status).toBe("failed");
    state.mutationLog.push = originalPush;
    emulator.faults.clear(SHOP);
    const midway = await getChange(SHOP, change.id);
    expect(midway!.status).toBe("APPLYING");

    const { applyChangeJob } = await import("../../app/features/collections/jobs.server");
    await applyChangeJob.handler(
      { shop: SHOP, changeId: change.id },
      {
        jobId: "resume",
        attempt: 1,
        signal: new AbortController().signal,
      },
    );
    const done = (await getChange(SHOP, change.id))!;
    expect(done.status).toBe("SUCCEEDED");
    expect(done.doneUnits).toBe(done.totalUnits);
    const expected = new Set(items.flatMap((item) => item.productIds));
    for (const id of expected) expect(members("hostfavoriter").has(id)).toBe(true);
    const selections = target.sources.flatMap((s) =>
      s.kind === "conditions" ? s.inclusion.selections.map((sel) => sel.productId) : [],
    );
    expect(selections.length).toBe(new Set(selections).size);
  });
});
