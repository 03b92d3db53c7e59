import { enqueue } from "../../jobs/queue.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { createTask } from "../tasks/tasks.server";
import type { OrderRequest } from "./order-plan";
import { planOrderChange, readOrderPage, type PlanOrderResult } from "./order.server";
import { PLAN_TASK_KIND, planMembershipJob } from "./plan-job.server";

/**
 * Planning a reorder reads the collection's whole order, 250 products (≈ 250 cost points) a
 * call: above this many products that is more than one standard bucket (2,000 points, 100/s),
 * so the plan is made by the planning job with visible progress instead of in the request.
 */
export const ORDER_PLAN_IN_REQUEST_MAX = 2_000;

export type StartOrderPlanningResult = PlanOrderResult | { status: "queued"; taskId: string };

/**
 * Plans a reorder at once for a small collection, else queues it on the planning page (ADR 023).
 * One small read first: a collection that is gone or not sorted manually is answered at once.
 */
export async function startOrderPlanning(
  gateway: ShopifyGateway,
  shop: string,
  actor: string,
  request: OrderRequest,
  options: { inRequestMax?: number } = {},
): Promise<StartOrderPlanningResult> {
  const first = await readOrderPage(gateway, request.collectionId, 1, null);
  if (!first) return { status: "not_found" };
  if (first.sortOrder !== "MANUAL") {
    return { status: "refused", refusal: { code: "notManual", vars: { collection: first.title } } };
  }
  const count = first.productsCount?.count ?? 0;
  if (count <= (options.inRequestMax ?? ORDER_PLAN_IN_REQUEST_MAX)) {
    return planOrderChange(gateway, shop, actor, request);
  }
  const task = await createTask(shop, {
    kind: PLAN_TASK_KIND,
    total: count,
    createdBy: actor,
    payload: { actor, order: request },
  });
  await enqueue(planMembershipJob, { shop, taskId: task.id }, { singletonKey: task.id });
  return { status: "queued", taskId: task.id };
}
