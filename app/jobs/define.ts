import type { z } from "zod";

export interface JobContext {
  jobId: string;
  /** 0 on the first run, then 1, 2... on retries. */
  attempt: number;
  signal: AbortSignal;
}

export interface RetryPolicy {
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/**
 * A job kind: its name, the zod schema its payload must satisfy (checked when enqueued and again
 * when run), its retry policy and its handler. Handlers must be idempotent: a retry may follow a
 * run that did part of the work.
 */
export interface JobDefinition<S extends z.ZodTypeAny = z.ZodTypeAny> {
  name: string;
  payload: S;
  retry: RetryPolicy;
  expireInSeconds?: number;
  /**
   * pg-boss queue policy. "exclusive": at most one job per singletonKey queued or running (the
   * default, "standard", ignores singletonKey). Fixed when the queue is first created.
   */
  policy?: "standard" | "exclusive";
  /** Pollers of this kind per worker process (default: the worker's setting, 2). */
  concurrency?: number;
  /**
   * Jobs each poller fetches at once; they run side by side, so concurrency × batchSize run per
   * process with fewer fetch queries (default 1).
   */
  batchSize?: number;
  /**
   * Streamed delivery (time-critical jobs that wait in their handler): the worker fetches up to
   * `inFlight` jobs every `pollMs`, runs each on its own and settles them in groups, so a job
   * waiting for its instant never holds up the next fetch (a batch waits for its slowest job).
   */
  stream?: { inFlight: number; pollMs: number };
  /** Periodic jobs: a cron expression (UTC) and the payload each run gets. */
  schedule?: { cron: string; payload: z.infer<S> };
  handler(payload: z.infer<S>, ctx: JobContext): Promise<void>;
}

export function defineJob<S extends z.ZodTypeAny>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** An error no retry can fix (invalid payload, shop gone): the job fails at once. */
export class TerminalJobError extends Error {
  override name = "TerminalJobError";
}

/**
 * Work every worker process does on a short period by itself (not a job: cron's minute is too
 * coarse and a queued job per second would be mostly overhead), e.g. noticing claims of dead
 * workers. Must be cheap and idempotent: every worker runs it.
 */
export interface Watcher {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}
