import { z } from "zod";
import { db } from "../../db.server";
import { defineJob, TerminalJobError, type JobDefinition } from "../../jobs/define";
import { offlineAdmin } from "../../shopify/app.server";
import { ShopifyGateway } from "../../shopify/gateway.server";
import { abandonChange, runChange } from "./apply.server";
import { planMembershipJob } from "./plan-job.server";

const RETRY = { limit: 10, delaySeconds: 5, backoff: true };
const shopDomain = z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/);

/**
 * Applies a confirmed change. Idempotent: a retry (after a crash, a worker restart or an
 * expired run) resumes from the items not yet recorded as done.
 */
export const applyChangeJob = defineJob({
  name: "collections.apply-change",
  payload: z.object({ shop: shopDomain, changeId: z.string().uuid() }),
  retry: RETRY,
  expireInSeconds: 6 * 60 * 60,
  async handler({ shop, changeId }, { attempt }) {
    const record = await db().shop.findUnique({ where: { domain: shop } });
    if (!record || record.uninstalledAt) throw new TerminalJobError(`${shop} is not installed`);
    const gateway = new ShopifyGateway(shop, await offlineAdmin(shop));
    try {
      await runChange(gateway, shop, changeId);
    } catch (error) {
      if (attempt >= RETRY.limit) await abandonChange(gateway, shop, changeId);
      throw error;
    }
  },
});

/** The collections capability's jobs (the worker runs every job listed in app/jobs/catalog.server.ts). */
export const collectionsJobs: JobDefinition[] = [
  applyChangeJob as JobDefinition,
  planMembershipJob as JobDefinition,
];
