import type { JobDefinition } from "../../jobs/define";

/** The insights capability's jobs (the worker runs every job listed in app/jobs/catalog.server.ts). */
export const insightsJobs: JobDefinition[] = [];
