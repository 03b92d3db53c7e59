import type { Prisma, Task, TaskStatus } from "@prisma/client";
import { db } from "../../db.server";

/**
 * Long work the merchant can follow. Every function takes the shop and every query is scoped by
 * it: a task id from another shop behaves exactly like an id that does not exist.
 */
export const ACTIVE_STATUSES: TaskStatus[] = ["QUEUED", "RUNNING"];

export function createTask(
  shop: string,
  input: { kind: string; total?: number; payload?: Prisma.InputJsonValue; createdBy?: string },
): Promise<Task> {
  return db().task.create({
    data: {
      shop,
      kind: input.kind,
      total: input.total,
      payload: input.payload,
      createdBy: input.createdBy,
    },
  });
}

export function getTask(shop: string, id: string): Promise<Task | null> {
  return db().task.findFirst({ where: { id, shop } });
}

export function listTasks(shop: string, take = 10): Promise<Task[]> {
  return db().task.findMany({ where: { shop }, orderBy: { createdAt: "desc" }, take });
}

/** Moves a queued task to running; false if it was cancelled (or is not this shop's). */
export async function startTask(shop: string, id: string): Promise<boolean> {
  const { count } = await db().task.updateMany({
    where: { id, shop, status: { in: ACTIVE_STATUSES } },
    data: { status: "RUNNING", startedAt: new Date() },
  });
  return count === 1;
}

export async function reportProgress(
  shop: string,
  id: string,
  progress: { done: number; total?: number; errorCount?: number; message?: string },
): Promise<void> {
  await db().task.updateMany({
    where: { id, shop, status: "RUNNING" },
    data: progress,
  });
}

export async function finishTask(
  shop: string,
  id: string,
  outcome: { status: "SUCCEEDED" | "FAILED"; message?: string; result?: Prisma.InputJsonValue },
): Promise<void> {
  await db().task.updateMany({
    where: { id, shop, status: { in: ACTIVE_STATUSES } },
    data: { ...outcome, finishedAt: new Date() },
  });
}

export type CancelResult = "cancelled" | "finished" | "not_found";

/** Cancels a task that has not finished. Running work checks for cancellation between steps. */
export async function cancelTask(shop: string, id: string): Promise<CancelResult> {
  const { count } = await db().task.updateMany({
    where: { id, shop, status: { in: ACTIVE_STATUSES } },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (count === 1) return "cancelled";
  return (await getTask(shop, id)) ? "finished" : "not_found";
}
