import type { Task } from "@prisma/client";
import { enqueue } from "../../jobs/queue.server";
import { syncShopProfileJob } from "../../jobs/sync-shop-profile.server";
import { createTask } from "../tasks/tasks.server";

/** The merchant asked to re-read the store's details: a task they can follow, run by the worker. */
export async function requestProfileRefresh(shop: string, actor: string): Promise<Task> {
  const task = await createTask(shop, {
    kind: syncShopProfileJob.name,
    total: 1,
    createdBy: actor,
  });
  await enqueue(syncShopProfileJob, { shop, taskId: task.id });
  return task;
}
