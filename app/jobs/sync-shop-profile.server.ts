import { z } from "zod";
import { db } from "../db.server";
import { syncShopProfile } from "../features/shop/profile.server";
import { finishTask, reportProgress, startTask } from "../features/tasks/tasks.server";
import { offlineAdmin } from "../shopify/app.server";
import { ShopifyGateway } from "../shopify/gateway.server";
import { defineJob, TerminalJobError } from "./define";

const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);

const RETRY = { limit: 5, delaySeconds: 5, backoff: true };

export const syncShopProfileJob = defineJob({
  name: "shop.sync-profile",
  payload: z.object({ shop: shopDomain, taskId: z.string().uuid().optional() }),
  retry: RETRY,
  async handler({ shop, taskId }, { attempt }) {
    const record = await db().shop.findUnique({ where: { domain: shop } });
    if (!record || record.uninstalledAt) throw new TerminalJobError(`${shop} is not installed`);
    if (taskId && !(await startTask(shop, taskId))) return; // cancelled before it ran
    try {
      await syncShopProfile(new ShopifyGateway(shop, await offlineAdmin(shop)));
    } catch (error) {
      if (taskId) {
        const message = error instanceof Error ? error.message : String(error);
        // Only the last attempt fails the task; before that the merchant sees it retrying.
        if (attempt >= RETRY.limit) await finishTask(shop, taskId, { status: "FAILED", message });
        else await reportProgress(shop, taskId, { done: 0, message });
      }
      throw error;
    }
    if (taskId) await finishTask(shop, taskId, { status: "SUCCEEDED" });
  },
});
