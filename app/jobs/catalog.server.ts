import type { JobDefinition } from "./define";
import { processWebhookJob } from "./process-webhook.server";
import { syncShopProfileJob } from "./sync-shop-profile.server";

/** Every job kind the worker runs. A new job is added here and nowhere else. */
export const JOBS: JobDefinition[] = [syncShopProfileJob, processWebhookJob] as JobDefinition[];
