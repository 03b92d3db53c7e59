import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "../../db.server";
import { defineJob, TerminalJobError } from "../../jobs/define";
import { enqueue } from "../../jobs/queue.server";
import { offlineAdmin } from "../../shopify/app.server";
import { ShopifyGateway } from "../../shopify/gateway.server";
import {
  ACTIVE_STATUSES,
  createTask,
  finishTask,
  getTask,
  reportProgress,
  startTask,
} from "../tasks/tasks.server";
import {
  CollectionNotFoundError,
  planMembershipChange,
  planStrategyFor,
  type PlanProgress,
} from "./membership.server";
import { membershipRequestSchema, type MembershipRequest } from "./membership-request";
import { orderRequestSchema, type OrderRefusal } from "./order-plan";
import { planOrderChange } from "./order.server";

/**
 * Large membership plans are prepared by a job (ADR 024): reading 100,000 products through a
 * bulk query takes seconds to minutes, too long to hold the merchant's request. The request and
 * its actor travel in a Task; progress (stage, products read) is written to it and the planning
 * page polls it, then moves on to the stored plan.
 */
export const PLAN_TASK_KIND = "collections.plan";
const RETRY = { limit: 3, delaySeconds: 10, backoff: true };
const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);

const storedRequest = z.object({ actor: z.string(), request: membershipRequestSchema });
/** A reorder of a large collection (ADR 023) is planned by the same task and page. */
const storedOrderRequest = z.object({ actor: z.string(), order: orderRequestSchema });

/** What the planning page shows when a plan could not be made. */
export type PlanFailure =
  | { reason: "collectionNotFound"; collectionId: string }
  | { reason: "orderRefused"; refusal: OrderRefusal }
  | { reason: "failed" };

class PlanningCancelled extends Error {
  override name = "PlanningCancelled";
}

async function isCancelled(shop: string, taskId: string): Promise<boolean> {
  return (await getTask(shop, taskId))?.status === "CANCELLED";
}

/** Runs the plan of a queued planning task; the change id lands in the task's result. */
export async function runPlanningTask(
  gateway: ShopifyGateway,
  shop: string,
  taskId: string,
  options: { bulkThreshold?: number; lastAttempt?: boolean } = {},
): Promise<void> {
  const task = await getTask(shop, taskId);
  if (!task || task.kind !== PLAN_TASK_KIND || !ACTIVE_STATUSES.includes(task.status)) return;
  const stored = storedRequest.safeParse(task.payload);
  const storedOrder = storedOrderRequest.safeParse(task.payload);
  if (!stored.success && !storedOrder.success) {
    await finishTask(shop, taskId, { status: "FAILED", result: { reason: "failed" } });
    throw new TerminalJobError(`planning task ${taskId} has no valid request`);
  }
  await startTask(shop, taskId);
  const onProgress = async (progress: PlanProgress) => {
    // Cancelling takes effect between steps; nothing was written to Shopify or stored yet.
    if (await isCancelled(shop, taskId)) throw new PlanningCancelled();
    await reportProgress(shop, taskId, {
      done: progress.done,
      total: progress.total ?? undefined,
      message: `plan:${progress.stage}`,
    });
  };
  try {
    if (storedOrder.success) {
      const { actor, order } = storedOrder.data;
      const planned = await planOrderChange(gateway, shop, actor, order, async (done, total) => {
        if (await isCancelled(shop, taskId)) throw new PlanningCancelled();
        await reportProgress(shop, taskId, { done, total, message: "plan:order" });
      });
      if (planned.status === "planned") {
        await finishTask(shop, taskId, {
          status: "SUCCEEDED",
          result: { changeId: planned.change.id },
        });
        return;
      }
      const failure: PlanFailure =
        planned.status === "refused"
          ? { reason: "orderRefused", refusal: planned.refusal }
          : { reason: "collectionNotFound", collectionId: order.collectionId };
      await finishTask(shop, taskId, {
        status: "FAILED",
        result: failure as unknown as Prisma.InputJsonValue,
      });
      return;
    }
    if (!stored.success) return;
    const change = await planMembershipChange(
      gateway,
      shop,
      stored.data.actor,
      stored.data.request,
      { bulkThreshold: options.bulkThreshold, onProgress },
    );
    await finishTask(shop, taskId, {
      status: "SUCCEEDED",
      result: { changeId: change.id, readStrategy: change.readStrategy },
    });
  } catch (error) {
    if (error instanceof PlanningCancelled) return;
    if (error instanceof CollectionNotFoundError) {
      const failure: PlanFailure = {
        reason: "collectionNotFound",
        collectionId: error.collectionId,
      };
      await finishTask(shop, taskId, { status: "FAILED", result: failure });
      return;
    }
    if (options.lastAttempt) {
      const failure: PlanFailure = { reason: "failed" };
      await finishTask(shop, taskId, { status: "FAILED", result: failure });
    }
    throw error;
  }
}

export const planMembershipJob = defineJob({
  name: "collections.plan-membership",
  payload: z.object({ shop: shopDomain, taskId: z.string().uuid() }),
  retry: RETRY,
  expireInSeconds: 60 * 60,
  async handler({ shop, taskId }, { attempt }) {
    const record = await db().shop.findUnique({ where: { domain: shop } });
    if (!record || record.uninstalledAt) throw new TerminalJobError(`${shop} is not installed`);
    const gateway = new ShopifyGateway(shop, await offlineAdmin(shop));
    await runPlanningTask(gateway, shop, taskId, { lastAttempt: attempt >= RETRY.limit });
  },
});

export type StartPlanningResult =
  { status: "planned"; changeId: string } | { status: "queued"; taskId: string };

/**
 * Plans a membership change: at once when it is small (paged reads within the bucket), else as
 * a job whose task the planning page follows.
 */
export async function startMembershipPlanning(
  gateway: ShopifyGateway,
  shop: string,
  actor: string,
  request: MembershipRequest,
  options: { bulkThreshold?: number } = {},
): Promise<StartPlanningResult> {
  const { strategy, chosen } = await planStrategyFor(gateway, request, options.bulkThreshold);
  if (strategy === "paged") {
    const change = await planMembershipChange(gateway, shop, actor, request, options);
    return { status: "planned", changeId: change.id };
  }
  const task = await createTask(shop, {
    kind: PLAN_TASK_KIND,
    total: chosen,
    createdBy: actor,
    payload: { actor, request },
  });
  await enqueue(planMembershipJob, { shop, taskId: task.id }, { singletonKey: task.id });
  return { status: "queued", taskId: task.id };
}
