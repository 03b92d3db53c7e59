import { PgBoss } from "pg-boss";
import type { z } from "zod";
import { getEnv } from "../env.server";
import type { JobDefinition } from "./define";

export const QUEUE_SCHEMA = "pgboss";

declare global {
  var __merchdeskBoss: Promise<PgBoss> | undefined;
}

/**
 * pg-boss on the app's own PostgreSQL. The web process only sends (no supervision, no cron);
 * the worker process runs maintenance, schedules and handlers.
 */
export function createBoss(options: { role: "web" | "worker"; connectionString?: string }) {
  const isWorker = options.role === "worker";
  return new PgBoss({
    connectionString: options.connectionString ?? getEnv().DATABASE_URL,
    schema: QUEUE_SCHEMA,
    supervise: isWorker,
    schedule: isWorker,
    max: isWorker ? 10 : 4,
  });
}

async function startSender(): Promise<PgBoss> {
  const boss = createBoss({ role: "web" });
  boss.on("error", (error) => console.error(`[queue] ${error.message}`));
  await boss.start();
  return boss;
}

/** The web process's queue client, started on first use. */
export function queue(): Promise<PgBoss> {
  globalThis.__merchdeskBoss ??= startSender().catch((error: unknown) => {
    globalThis.__merchdeskBoss = undefined;
    throw error;
  });
  return globalThis.__merchdeskBoss;
}

export async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  await boss.createQueue(job.name, {
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: job.retry.backoff,
    expireInSeconds: job.expireInSeconds ?? 15 * 60,
    policy: job.policy,
  });
}

const ensured = new WeakMap<PgBoss, Set<string>>();

/**
 * Validates the payload against the job's schema and queues it. On an "exclusive" queue,
 * `singletonKey` makes a second enqueue of the same logical work a no-op while the first is
 * queued or running (a "standard" queue ignores it).
 */
export async function enqueue<S extends z.ZodTypeAny>(
  job: JobDefinition<S>,
  payload: z.infer<S>,
  options: { singletonKey?: string; startAfter?: Date; priority?: number; boss?: PgBoss } = {},
): Promise<string | null> {
  const data = job.payload.parse(payload) as object;
  const boss = options.boss ?? (await queue());
  const names = ensured.get(boss) ?? new Set<string>();
  ensured.set(boss, names);
  if (!names.has(job.name)) {
    await ensureQueue(boss, job as JobDefinition);
    names.add(job.name);
  }
  return boss.send(job.name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    // Higher first; among equals, oldest first. (pg-boss refuses an undefined priority.)
    ...(options.priority === undefined ? {} : { priority: options.priority }),
  });
}
