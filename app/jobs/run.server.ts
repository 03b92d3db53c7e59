import type { Job } from "pg-boss";
import type { JobDefinition } from "./define";
import { TerminalJobError } from "./define";

export type JobOutcome =
  { status: "completed" } | { status: "failed"; terminal: boolean; error: string };

/**
 * Runs one job through its definition: validates the payload, calls the handler, classifies the
 * failure. Terminal failures (bad payload, TerminalJobError) are not retried.
 */
export async function runJob(definition: JobDefinition, job: Job<unknown>): Promise<JobOutcome> {
  const parsed = definition.payload.safeParse(job.data);
  if (!parsed.success) {
    return { status: "failed", terminal: true, error: `invalid payload: ${parsed.error.message}` };
  }
  try {
    await definition.handler(parsed.data, {
      jobId: job.id,
      attempt: job.retryCount,
      signal: job.signal,
    });
    return { status: "completed" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "failed", terminal: error instanceof TerminalJobError, error: message };
  }
}
