import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { getChange, listItems } from "../../app/features/collections/changes.server";
import { confirmChange, planUndo } from "../../app/features/collections/flow.server";
import { planMembershipChange } from "../../app/features/collections/membership.server";
import {
  orderRequestSchema,
  orderSnapshotOf,
  type OrderRequest,
} from "../../app/features/collections/order-plan";
import { startOrderPlanning } from "../../app/features/collections/order-planning.server";
import { planOrderChange, snapshotManualOrders } from "../../app/features/collections/order.server";
import { PLAN_TASK_KIND } from "../../app/features/collections/plan-job.server";
import { getTask } from "../../app/features/tasks/tasks.server";
import { loader as planningLoader } from "../../app/routes/app.collections.planning.$taskId";
import { addProduct } from "../../emulator/catalog/testing-fixtures";
import type { PlanSummary } from "../../app/features/collections/plan-types";
import { offlineAdmin } from "../../app/shopify/app.server";
import { ShopifyGateway } from "../../app/shopify/gateway.server";
import { collectionProductIds, markCatalogChanged } from "../../emulator/catalog/membership";
import type { Emulator } from "../../emulator/server";
import { nextGid } from "../../emulator/store/shop";
import type { Collection, CollectionSortOrder } from "../../emulator/store/types";
import {
  action as orderAction,
  loader as orderLoader,
} from "../../app/routes/app.collections.$id.order";
import { installDemoShop } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { adminRequest } from "../support/sessions";

const SHOP = "order-shop.myshopify.com";
let emulator: Emulator;
let gateway: ShopifyGateway;

beforeAll(async () => {
  ({ emulator, gateway } = await installDemoShop(SHOP));
});

afterAll(async () => {
  await emulator.close();
});

const state = () => emulator.shops.get(SHOP)!;

/** A collection of manually picked products, in that order, straight into the emulator. */
function manualCollection(
  title: string,
  count: number,
  sortOrder: CollectionSortOrder = "MANUAL",
): Collection {
  const shop = state();
  const taken = new Set(
    [...shop.collections.values()].flatMap((c) =>
      c.title.startsWith("Order test") ? c.manualOrder : [],
    ),
  );
  const productIds = [...shop.products.keys()].filter((id) => !taken.has(id)).slice(0, count);
  const now = new Date().toISOString();
  const collection: Collection = {
    id: nextGid(shop, "Collection"),
    title: `Order test ${title}`,
    handle: `order-test-${title.toLowerCase().replace(/\W+/g, "-")}`,
    descriptionHtml: "",
    seo: { title: null, description: null },
    sortOrder,
    templateSuffix: null,
    createdAt: now,
    updatedAt: now,
    sources: [
      {
        kind: "conditions",
        id: nextGid(shop, "CollectionSource"),
        title: "Manual selection",
        description: null,
        targetType: "PRODUCTS",
        shareable: false,
        inclusion: {
          matchType: null,
          conditions: [],
          selections: productIds.map((productId) => ({ productId, variantIds: null })),
        },
        exclusion: null,
      },
    ],
    manualOrder: [...productIds],
    publicationIds: [],
  };
  shop.collections.set(collection.id, collection);
  markCatalogChanged(shop);
  return collection;
}

const orderOf = (collection: Collection) => collectionProductIds(state(), collection);

function reorderCalls(): number {
  return state().mutationLog.filter((entry) => entry.fields.includes("collectionReorderProducts"))
    .length;
}

async function plan(request: OrderRequest) {
  const result = await planOrderChange(gateway, SHOP, "staff:1", orderRequestSchema.parse(request));
  if (result.status !== "planned") throw new Error(`not planned: ${JSON.stringify(result)}`);
  return result.change;
}

async function applyAndRun(changeId: string) {
  expect((await confirmChange(SHOP, changeId, "staff:1")).status).toBe("queued");
  await runQueuedJobs();
  return (await getChange(SHOP, changeId))!;
}

async function undo(changeId: string) {
  const result = await planUndo(gateway, SHOP, changeId, "staff:1");
  if (result.status !== "planned") throw new Error("undo not planned");
  return result.change;
}

describe("merchandising a manual collection through the emulator", () => {
  it("GIVEN products pinned to the top THEN the plan writes nothing, applying pins them in order, it is recorded, and undo restores the exact order", async () => {
    const collection = manualCollection("pin", 30);
    const before = orderOf(collection);
    const pinned = [before[24]!, before[2]!, before[9]!];

    const change = await plan({ mode: "pin", collectionId: collection.id, productIds: pinned });
    const summary = change.summary as unknown as PlanSummary;
    expect(summary.totals.moves).toBe(3);
    expect(change.snapshot).toEqual({ orders: { [collection.id]: before } });
    expect(orderOf(collection)).toEqual(before); // nothing written yet

    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(applied.doneUnits).toBe(3);
    const pinnedSet = new Set(pinned);
    expect(orderOf(collection)).toEqual([...pinned, ...before.filter((id) => !pinnedSet.has(id))]);

    const action = await db().action.findUniqueOrThrow({
      where: { id: applied.actionId! },
      include: { resources: true },
    });
    expect(action.kind).toBe("collections.order");
    expect(
      action.resources
        .filter((r) => r.type === "PRODUCT")
        .map((r) => r.resourceId)
        .sort(),
    ).toEqual([...pinned].sort());

    const reverse = await undo(change.id);
    expect((await applyAndRun(reverse.id)).status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual(before);
    expect((await getChange(SHOP, change.id))!.undoneById).toBe(reverse.id);
  });

  it("GIVEN a product moved to a position and a dragged page THEN both apply; undo reports a product removed meanwhile and restores the rest", async () => {
    const collection = manualCollection("move", 12);
    const before = orderOf(collection);
    const moved = await plan({
      mode: "move",
      collectionId: collection.id,
      productId: before[10]!,
      position: 2,
    });
    expect((await applyAndRun(moved.id)).status).toBe("SUCCEEDED");
    expect(orderOf(collection).slice(0, 3)).toEqual([before[0], before[10], before[1]]);

    const afterMove = orderOf(collection);
    const page = afterMove.slice(3, 8);
    const dragged = await plan({
      mode: "arrange",
      collectionId: collection.id,
      start: 3,
      productIds: [...page].reverse(),
    });
    expect((await applyAndRun(dragged.id)).status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual([
      ...afterMove.slice(0, 3),
      ...[...page].reverse(),
      ...afterMove.slice(8),
    ]);

    // Someone removes a product in Shopify before the drag is undone.
    const gone = page[0]!;
    const source = collection.sources[0]!;
    if (source.kind === "conditions") {
      source.inclusion.selections = source.inclusion.selections.filter((s) => s.productId !== gone);
    }
    markCatalogChanged(state());
    const reverse = await undo(dragged.id);
    const warnings = (reverse.summary as unknown as PlanSummary).warnings;
    expect(warnings).toEqual([
      { code: "removedSince", vars: { collection: collection.title, count: 1 } },
    ]);
    expect((await applyAndRun(reverse.id)).status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual(afterMove.filter((id) => id !== gone));
  });

  it("GIVEN a collection not sorted manually THEN the reorder is refused with nothing stored", async () => {
    const collection = manualCollection("best selling", 5, "BEST_SELLING");
    const result = await planOrderChange(gateway, SHOP, "staff:1", {
      mode: "pin",
      collectionId: collection.id,
      productIds: [orderOf(collection)[3]!],
    });
    expect(result).toEqual({
      status: "refused",
      refusal: { code: "notManual", vars: { collection: collection.title } },
    });
  });

  it("GIVEN the sort order is switched away from Manual after planning THEN applying fails with a clear reason and moves nothing", async () => {
    const collection = manualCollection("switched", 6);
    const before = orderOf(collection);
    const change = await plan({
      mode: "pin",
      collectionId: collection.id,
      productIds: [before[5]!],
    });
    collection.sortOrder = "ALPHA_ASC";
    markCatalogChanged(state());
    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("FAILED");
    const [item] = await listItems(SHOP, change.id);
    expect(item!.error).toBe("The collection is no longer sorted manually; nothing was moved.");
    collection.sortOrder = "MANUAL";
    markCatalogChanged(state());
    expect(orderOf(collection)).toEqual(before);
  });

  it("GIVEN the order changed in Shopify after planning THEN nothing is moved and the report says to plan again", async () => {
    const collection = manualCollection("stale", 8);
    const before = orderOf(collection);
    const change = await plan({
      mode: "pin",
      collectionId: collection.id,
      productIds: [before[7]!],
    });
    collection.manualOrder = [...before].reverse();
    markCatalogChanged(state());
    const calls = reorderCalls();
    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("FAILED");
    expect(reorderCalls()).toBe(calls);
    const [item] = await listItems(SHOP, change.id);
    expect(item!.error).toMatch(/changed outside Merchdesk/);
  });

  it("GIVEN the worker dies right after a batch went through THEN the resumed job records it without re-sending and finishes the rest", async () => {
    const collection = manualCollection("crash", 600);
    const before = orderOf(collection);
    const change = await plan({
      mode: "arrange",
      collectionId: collection.id,
      start: 0,
      productIds: [...before].reverse(),
    });
    const items = await listItems(SHOP, change.id);
    expect(items.map((item) => item.productIds.length)).toEqual([250, 250, 99]);

    // The second batch reaches Shopify, but its answer is lost (the process dies).
    const shop = state();
    const originalPush = shop.mutationLog.push.bind(shop.mutationLog);
    let batches = 0;
    shop.mutationLog.push = (...entries) => {
      const length = originalPush(...entries);
      if (entries.some((e) => e.fields.includes("collectionReorderProducts")) && ++batches === 2) {
        throw new Error("worker died");
      }
      return length;
    };
    const calls = reorderCalls();
    await confirmChange(SHOP, change.id, "staff:1");
    const firstRun = await runQueuedJobs();
    shop.mutationLog.push = originalPush;
    expect(firstRun[0]!.outcome.status).toBe("failed");
    const midway = await listItems(SHOP, change.id);
    expect(midway.map((item) => item.status)).toEqual(["DONE", "SENT", "PENDING"]);

    const { applyChangeJob } = await import("../../app/features/collections/jobs.server");
    await applyChangeJob.handler(
      { shop: SHOP, changeId: change.id },
      { jobId: "resume", attempt: 2, signal: new AbortController().signal },
    );
    const done = (await getChange(SHOP, change.id))!;
    expect(done.status).toBe("SUCCEEDED");
    expect(done.doneUnits).toBe(599);
    expect(reorderCalls() - calls).toBe(3); // batch 2 was not sent again
    expect(orderOf(collection)).toEqual([...before].reverse());
  });

  it("GIVEN products removed from a manual collection WHEN the removal is undone THEN they return to their old positions", async () => {
    const collection = manualCollection("membership", 20);
    const before = orderOf(collection);
    const removed = [before[1]!, before[7]!, before[13]!];
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "remove",
      collectionIds: [collection.id],
      products: { mode: "pick", productIds: removed },
    });
    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(applied.snapshot).toEqual({ orders: { [collection.id]: before } });
    expect(orderOf(collection)).toEqual(before.filter((id) => !removed.includes(id)));

    const reverse = await undo(change.id);
    const items = await listItems(SHOP, reverse.id);
    expect(items.map((item) => item.op)).toEqual(["add", "restoreOrder"]);
    expect((reverse.summary as unknown as PlanSummary).warnings).toContainEqual({
      code: "orderRestored",
      vars: { collection: collection.title },
    });
    const undone = await applyAndRun(reverse.id);
    expect(undone.status).toBe("SUCCEEDED");
    expect(undone.doneUnits).toBe(undone.totalUnits);
    expect(orderOf(collection)).toEqual(before);
  });
});

describe("the emulator's manual order", () => {
  it("GIVEN products removed and added again by a plain add THEN they join at the end (why undo restores positions)", async () => {
    const collection = manualCollection("rejoin", 10);
    const before = orderOf(collection);
    const picked = [before[2]!, before[5]!];
    for (const operation of ["remove", "add"] as const) {
      const change = await planMembershipChange(gateway, SHOP, "staff:1", {
        operation,
        collectionIds: [collection.id],
        products: { mode: "pick", productIds: picked },
      });
      expect((await applyAndRun(change.id)).status).toBe("SUCCEEDED");
    }
    expect(orderOf(collection)).toEqual([
      ...before.filter((id) => !picked.includes(id)),
      ...picked,
    ]);
  });
});

describe("the order page", () => {
  const numericId = (collection: Collection) => collection.id.split("/").pop()!;
  const post = async (collection: Collection, fields: [string, string][]) => {
    const body = new FormData();
    for (const [key, value] of fields) body.append(key, value);
    return (await orderAction({
      request: await adminRequest(SHOP, `/app/collections/${numericId(collection)}/order`, {
        method: "POST",
        body,
      }),
      params: { id: numericId(collection) },
      context: {},
    })) as Response;
  };

  it("GIVEN a large collection THEN the page shows 50 products at a time and pages on in order", async () => {
    const collection = manualCollection("page", 120);
    const order = orderOf(collection);
    const load = async (query: string) =>
      orderLoader({
        request: await adminRequest(
          SHOP,
          `/app/collections/${numericId(collection)}/order${query}`,
        ),
        params: { id: numericId(collection) },
        context: {},
      });
    const first = await load("");
    expect(first.rows.map((row) => row.id)).toEqual(order.slice(0, 50));
    expect(first.collection.productsCount).toBe(120);
    expect(first.next?.start).toBe(50);
    const second = await load(`?${new URLSearchParams({ after: first.next!.after, start: "50" })}`);
    expect(second.start).toBe(50);
    expect(second.rows.map((row) => row.id)).toEqual(order.slice(50, 100));

    const title = state().products.get(order[110]!)!.title;
    const found = await load(`?${new URLSearchParams({ q: title })}`);
    expect(found.results?.map((product) => product.id)).toContain(order[110]);
  });

  it("GIVEN an empty position THEN the move is refused with the translated position error", async () => {
    const collection = manualCollection("page errors", 4);
    const response = await post(collection, [
      ["intent", "move"],
      ["productId", orderOf(collection)[2]!],
      ["position", ""],
    ]);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { key: "collections.order.error.position", vars: {} },
    });
  });

  it("GIVEN a collection sorted by best selling THEN pinning is refused with the reason", async () => {
    const collection = manualCollection("page best selling", 4, "BEST_SELLING");
    const response = await post(collection, [
      ["intent", "pin"],
      ["productId", orderOf(collection)[2]!],
    ]);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { key: "collections.order.refused.notManual", vars: { collection: collection.title } },
    });
  });

  it("GIVEN a dragged page THEN the plan is stored and the change page opens", async () => {
    const collection = manualCollection("page drag", 6);
    const order = orderOf(collection);
    const dragged = [order[1]!, order[0]!, ...order.slice(2)];
    const response = await post(collection, [
      ["intent", "arrange"],
      ["start", "0"],
      ...dragged.map((id): [string, string] => ["productId", id]),
    ]);
    expect(response.status).toBe(302);
    const changeId = response.headers.get("Location")!.split("/").pop()!;
    const change = (await getChange(SHOP, changeId))!;
    expect(change.kind).toBe("order");
    expect((change.summary as unknown as PlanSummary).totals.moves).toBe(1);
    expect(orderOf(collection)).toEqual(order);
  });
});

describe("the order snapshot of a removal (read only as far as undo needs)", () => {
  /** A gateway that counts its calls, to show how much a snapshot reads. */
  async function countingGateway() {
    const meter = { calls: 0 };
    const counted = new ShopifyGateway(SHOP, await offlineAdmin(SHOP), {
      onCost: () => {
        meter.calls++;
      },
    });
    return { counted, meter };
  }

  function moreProducts(count: number) {
    for (let i = 0; i < count; i++) addProduct(state(), { title: `Order ends ${i}` });
    markCatalogChanged(state());
  }

  async function planRemoval(collection: Collection, removed: string[]) {
    return planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "remove",
      collectionIds: [collection.id],
      products: { mode: "pick", productIds: removed },
    });
  }

  it("GIVEN products removed near both ends of a 700-product manual collection THEN only the two ends are read and undo restores the exact order", async () => {
    moreProducts(700);
    const collection = manualCollection("ends", 700);
    const before = orderOf(collection);
    expect(before).toHaveLength(700);
    const removed = [before[3]!, before[120]!, before[560]!, before[699]!];
    const change = await planRemoval(collection, removed);

    const { counted, meter } = await countingGateway();
    await snapshotManualOrders(counted, change);
    // One small read for the sort order, one page of 250 from the front, one from the back.
    expect(meter.calls).toBe(3);
    const snapshot = orderSnapshotOf((await getChange(SHOP, change.id))!.snapshot);
    expect(snapshot.gaps).toEqual({ [collection.id]: 250 });
    expect(snapshot.orders[collection.id]).toEqual([...before.slice(0, 250), ...before.slice(450)]);

    const applied = await applyAndRun(change.id);
    expect(applied.status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual(before.filter((id) => !removed.includes(id)));

    const reverse = await undo(change.id);
    const items = await listItems(SHOP, reverse.id);
    expect(items.map((item) => item.op)).toEqual(["add", "restoreOrder"]);
    expect(items[1]!.data).toMatchObject({ gap: 250 });
    const undone = await applyAndRun(reverse.id);
    expect(undone.status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual(before);
  });

  it("GIVEN a snapshot already stored WHEN the job runs again THEN it is not taken again", async () => {
    const collection = manualCollection("ends retry", 12);
    const before = orderOf(collection);
    const change = await planRemoval(collection, [before[4]!]);
    await snapshotManualOrders(gateway, change);
    const stored = (await getChange(SHOP, change.id))!;
    expect(stored.snapshot).toEqual({ orders: { [collection.id]: before } });
    const { counted, meter } = await countingGateway();
    await snapshotManualOrders(counted, stored);
    expect(meter.calls).toBe(0);
  });

  it("GIVEN a removal from a collection not sorted manually THEN one small read decides and nothing is snapshotted", async () => {
    const collection = manualCollection("ends best selling", 40, "BEST_SELLING");
    const change = await planRemoval(collection, [orderOf(collection)[5]!]);
    const { counted, meter } = await countingGateway();
    await snapshotManualOrders(counted, change);
    expect(meter.calls).toBe(1);
    expect((await getChange(SHOP, change.id))!.snapshot).toEqual({ orders: {} });
  });

  it("GIVEN an addition to a manual collection THEN no order is read (undoing it leaves the others' order intact)", async () => {
    const collection = manualCollection("ends add", 10);
    const before = orderOf(collection);
    const outside = [...state().products.keys()].filter((id) => !before.includes(id)).slice(-2);
    const change = await planMembershipChange(gateway, SHOP, "staff:1", {
      operation: "add",
      collectionIds: [collection.id],
      products: { mode: "pick", productIds: outside },
    });
    const { counted, meter } = await countingGateway();
    await snapshotManualOrders(counted, change);
    expect(meter.calls).toBe(0);
    expect((await applyAndRun(change.id)).status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual([...before, ...outside]);
    const reverse = await undo(change.id);
    expect((await listItems(SHOP, reverse.id)).map((item) => item.op)).toEqual(["remove"]);
    expect((await applyAndRun(reverse.id)).status).toBe("SUCCEEDED");
    expect(orderOf(collection)).toEqual(before);
  });
});

describe("planning a reorder of a large collection as a job", () => {
  const planning = async (taskId: string) =>
    planningLoader({
      request: await adminRequest(SHOP, `/app/collections/planning/${taskId}`),
      params: { taskId },
      context: {},
    });

  it("GIVEN more products than a request may read THEN a task plans it with progress and the planning page leads to the plan", async () => {
    const collection = manualCollection("job", 30);
    const before = orderOf(collection);
    const pinned = [before[20]!, before[7]!];
    const started = await startOrderPlanning(
      gateway,
      SHOP,
      "staff:1",
      orderRequestSchema.parse({ mode: "pin", collectionId: collection.id, productIds: pinned }),
      { inRequestMax: 10 },
    );
    expect(started.status).toBe("queued");
    if (started.status !== "queued") return;
    expect(await getTask(SHOP, started.taskId)).toMatchObject({
      kind: PLAN_TASK_KIND,
      status: "QUEUED",
      total: 30,
    });
    expect(await planning(started.taskId)).toMatchObject({ status: "QUEUED" });

    const ran = await runQueuedJobs();
    expect(ran.map((job) => job.name)).toContain("collections.plan-membership");
    const task = (await getTask(SHOP, started.taskId))!;
    expect(task).toMatchObject({ status: "SUCCEEDED", message: "plan:order", done: 30 });
    const { changeId } = task.result as { changeId: string };
    const change = (await getChange(SHOP, changeId))!;
    expect(change).toMatchObject({ kind: "order", status: "PLANNED" });
    expect((change.summary as unknown as PlanSummary).totals.moves).toBe(2);
    expect(change.snapshot).toEqual({ orders: { [collection.id]: before } });
    expect(orderOf(collection)).toEqual(before); // planning writes nothing

    const page = await planning(started.taskId);
    expect((page as Response).headers.get("Location")).toBe(`/app/collections/changes/${changeId}`);
  });

  it("GIVEN the sort order switched away from Manual before the job runs THEN the task fails with the refusal the page explains", async () => {
    const collection = manualCollection("job refused", 12);
    const started = await startOrderPlanning(
      gateway,
      SHOP,
      "staff:1",
      orderRequestSchema.parse({
        mode: "move",
        collectionId: collection.id,
        productId: orderOf(collection)[9]!,
        position: 1,
      }),
      { inRequestMax: 5 },
    );
    if (started.status !== "queued") throw new Error("not queued");
    collection.sortOrder = "BEST_SELLING";
    markCatalogChanged(state());
    await runQueuedJobs();
    expect((await getTask(SHOP, started.taskId))!.result).toEqual({
      reason: "orderRefused",
      refusal: { code: "notManual", vars: { collection: collection.title } },
    });
    expect(await planning(started.taskId)).toMatchObject({
      status: "FAILED",
      orderRefusal: { code: "notManual", vars: { collection: collection.title } },
    });
  });

  it("GIVEN a small collection THEN the reorder is planned at once, and a collection not sorted manually is refused without reading its order", async () => {
    const small = manualCollection("job small", 6);
    const planned = await startOrderPlanning(
      gateway,
      SHOP,
      "staff:1",
      orderRequestSchema.parse({
        mode: "pin",
        collectionId: small.id,
        productIds: [orderOf(small)[3]!],
      }),
    );
    expect(planned.status).toBe("planned");
    const sorted = manualCollection("job best selling", 6, "BEST_SELLING");
    const { counted, meter } = await (async () => {
      const meter = { calls: 0 };
      const counted = new ShopifyGateway(SHOP, await offlineAdmin(SHOP), {
        onCost: () => {
          meter.calls++;
        },
      });
      return { counted, meter };
    })();
    const refused = await startOrderPlanning(
      counted,
      SHOP,
      "staff:1",
      orderRequestSchema.parse({
        mode: "pin",
        collectionId: sorted.id,
        productIds: [orderOf(sorted)[1]!],
      }),
    );
    expect(refused).toEqual({
      status: "refused",
      refusal: { code: "notManual", vars: { collection: sorted.title } },
    });
    expect(meter.calls).toBe(1);
  });
});
