import type { JobDefinition } from "../../jobs/define";

/** The homepage capability's jobs (the worker runs every job listed in app/jobs/catalog.server.ts). */
export const homepageJobs: JobDefinition[] = [];
