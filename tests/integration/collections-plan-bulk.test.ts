import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChange, listItems } from "../../app/features/collections/changes.server";
import { planMembershipChange } from "../../app/features/collections/membership.server";
import type { MembershipRequest } from "../../app/features/collections/membership-request";
import {
  PLAN_TASK_KIND,
  runPlanningTask,
  startMembershipPlanning,
} from "../../app/features/collections/plan-job.server";
import type { PlanSummary } from "../../app/features/collections/plan-types";
import { getTask } from "../../app/features/tasks/tasks.server";
import { loader as planningLoader } from "../../app/routes/app.collections.planning.$taskId";
import type { ShopifyGateway } from "../../app/shopify/gateway.server";
import type { Emulator } from "../../emulator/server";
import { installDemoShop } from "../support/emulator";
import { runQueuedJobs } from "../support/jobs";
import { adminRequest } from "../support/sessions";

/**
 * Planning through a bulk query (ADR 024) against the emulator: the same request planned by
 * paging and by the bulk export gives the same stored plan.
 */
const SHOP = "plan-bulk-shop.myshopify.com";
let emulator: Emulator;
let gateway: ShopifyGateway;

beforeAll(async () => {
  ({ emulator, gateway } = await installDemoShop(SHOP));
});

afterAll(async () => {
  await emulator.close();
});

function collectionId(handle: string): string {
  const found = [...emulator.shops.get(SHOP)!.collections.values()].find(
    (c) => c.handle === handle,
  );
  if (!found) throw new Error(`no collection ${handle}`);
  return found.id;
}

function productIds(filter: (tags: string[]) => boolean): string[] {
  return [...emulator.shops.get(SHOP)!.products.values()]
    .filter((p) => filter(p.tags))
    .map((p) => p.id);
}

/** Plans `request` both ways and returns the two stored plans (summary and items). */
async function planBothWays(request: MembershipRequest) {
  const plans = [];
  for (const bulkThreshold of [Number.POSITIVE_INFINITY, 0]) {
    const change = await planMembershipChange(gateway, SHOP, "staff:1", request, {
      bulkThreshold,
    });
    const items = await listItems(SHOP, change.id);
    plans.push({
      strategy: change.readStrategy,
      summary: change.summary as unknown as PlanSummary,
      totalUnits: change.totalUnits,
      collectionIds: change.collectionIds,
      items: items.map((item) => ({
        op: item.op,
        collectionId: item.collectionId,
        productIds: item.productIds,
      })),
    });
  }
  const [paged, bulk] = plans;
  expect(paged!.strategy).toBe("paged");
  expect(bulk!.strategy).toBe("bulk");
  return { paged: paged!, bulk: bulk! };
}

const strip = ({ strategy: _strategy, ...plan }: { strategy: string } & object) => plan;

describe("membership planning through a bulk query", () => {
  it("GIVEN an add by filter to manual, condition and sub-collection targets THEN the bulk plan equals the paged plan", async () => {
    const { paged, bulk } = await planBothWays({
      operation: "add",
      collectionIds: [
        collectionId("fjallveckan"),
        collectionId("jackor"),
        collectionId("vinterutrustning"),
      ],
      products: { mode: "filter", filter: { status: ["ACTIVE"] } },
    });
    expect(strip(bulk)).toEqual(strip(paged));
    // The case is not trivial: some chosen products are already members, others are added.
    expect(paged.summary.totals.adds).toBeGreaterThan(0);
    expect(paged.summary.warnings.some((w) => w.code === "alreadyMember")).toBe(true);
  });

  it("GIVEN a remove from a collection with conditions THEN both ways see the same manual picks and members via conditions", async () => {
    const { paged, bulk } = await planBothWays({
      operation: "remove",
      collectionIds: [
        collectionId("jackor"),
        collectionId("hostfavoriter"),
        collectionId("black-friday"),
      ],
      products: { mode: "filter", filter: { status: ["ACTIVE", "DRAFT"] } },
    });
    expect(strip(bulk)).toEqual(strip(paged));
    expect(paged.summary.totals.removes).toBeGreaterThan(0);
    expect(paged.summary.warnings.some((w) => w.code === "viaConditions")).toBe(true);
  });

  it("GIVEN picked products (one unknown id among them) THEN both ways plan the same picks", async () => {
    const picked = productIds((tags) => tags.includes("bestseller") || tags.includes("rea"));
    expect(picked.length).toBeGreaterThan(3);
    const { paged, bulk } = await planBothWays({
      operation: "add",
      collectionIds: [collectionId("startsidan-utvalda"), collectionId("black-friday")],
      products: { mode: "pick", productIds: [...picked, "gid://shopify/Product/999999999"] },
    });
    expect(strip(bulk)).toEqual(strip(paged));
    expect(paged.summary.collections[0]!.adds + paged.summary.collections[1]!.adds).toBeGreaterThan(
      0,
    );
  });

  it("GIVEN a large request WHEN planning starts THEN a job plans it with progress and the planning page leads to the plan", async () => {
    const request: MembershipRequest = {
      operation: "add",
      collectionIds: [collectionId("fjallveckan")],
      products: { mode: "filter", filter: { status: ["ACTIVE"] } },
    };
    const started = await startMembershipPlanning(gateway, SHOP, "staff:1", request, {
      bulkThreshold: 0,
    });
    expect(started.status).toBe("queued");
    if (started.status !== "queued") return;
    const queued = await getTask(SHOP, started.taskId);
    expect(queued).toMatchObject({ kind: PLAN_TASK_KIND, status: "QUEUED" });
    expect(queued!.total).toBeGreaterThan(0);

    const waiting = await planningLoader({
      request: await adminRequest(SHOP, `/app/collections/planning/${started.taskId}`),
      params: { taskId: started.taskId },
      context: {},
    });
    expect(waiting).toMatchObject({ status: "QUEUED" });

    // The worker's run (the job uses the default threshold); here the bulk path is forced.
    await runPlanningTask(gateway, SHOP, started.taskId, { bulkThreshold: 0 });
    const done = await getTask(SHOP, started.taskId);
    expect(done!.status).toBe("SUCCEEDED");
    expect(done!.message).toBe("plan:save");
    expect(done!.done).toBe(done!.total);
    const { changeId, readStrategy } = done!.result as { changeId: string; readStrategy: string };
    expect(readStrategy).toBe("bulk");
    expect((await getChange(SHOP, changeId))?.status).toBe("PLANNED");

    const response = await planningLoader({
      request: await adminRequest(SHOP, `/app/collections/planning/${started.taskId}`),
      params: { taskId: started.taskId },
      context: {},
    });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe(
      `/app/collections/changes/${changeId}`,
    );
  });

  it("GIVEN a queued plan whose collection is deleted meanwhile THEN the job ends the task FAILED naming it", async () => {
    const doomed = collectionId("startsidan-utvalda");
    const started = await startMembershipPlanning(
      gateway,
      SHOP,
      "staff:1",
      {
        operation: "add",
        collectionIds: [doomed],
        products: { mode: "filter", filter: { status: ["ACTIVE"] } },
      },
      { bulkThreshold: 0 },
    );
    expect(started.status).toBe("queued");
    if (started.status !== "queued") return;
    emulator.shops.get(SHOP)!.collections.delete(doomed);
    const ran = await runQueuedJobs();
    expect(ran.map((job) => job.name)).toContain("collections.plan-membership");
    const task = await getTask(SHOP, started.taskId);
    expect(task!.status).toBe("FAILED");
    expect(task!.result).toEqual({ reason: "collectionNotFound", collectionId: doomed });
  });
});
