import { collectionsJobs } from "../features/collections/jobs.server";
import { homepageJobs, homepageWatchers } from "../features/homepage/jobs.server";
import { insightsJobs } from "../features/insights/jobs.server";
import type { JobDefinition, Watcher } from "./define";
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

/** What every worker process runs on a short period by itself (see Watcher). */
export const WATCHERS: Watcher[] = [...homepageWatchers];
