import { collectionsJobs } from "../features/collections/jobs.server";
import { homepageJobs } from "../features/homepage/jobs.server";
import { insightsJobs } from "../features/insights/jobs.server";
import type { JobDefinition } from "./define";
import { processWebhookJob } from "./process-webhook.server";
import { syncShopProfileJob } from "./sync-shop-profile.server";

/** Every job kind the worker runs: the foundation's, then each capability's own list. */
export const JOBS: JobDefinition[] = [
  syncShopProfileJob as JobDefinition,
  processWebhookJob as JobDefinition,
  ...collectionsJobs,
  ...homepageJobs,
  ...insightsJobs,
];
