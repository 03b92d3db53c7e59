import type { PgBoss } from "pg-boss";
import { JOBS } from "../app/jobs/catalog.server";
import type { JobDefinition } from "../app/jobs/define";
import { createBoss, ensureQueue } from "../app/jobs/queue.server";
import { runJob } from "../app/jobs/run.server";

export interface RunningWorker {
  boss: PgBoss;
  queues: string[];
  stop(): Promise<void>;
}

/** Starts pg-boss as a worker and subscribes one handler per job kind. */
export async function startWorker(
  options: { jobs?: JobDefinition[]; connectionString?: string; concurrency?: number } = {},
): Promise<RunningWorker> {
  const jobs = options.jobs ?? JOBS;
  const boss = createBoss({ role: "worker", connectionString: options.connectionString });
  boss.on("error", (error) => console.error(`[worker] ${error.message}`));
  await boss.start();
  for (const job of jobs) {
    await ensureQueue(boss, job);
    await boss.work(
      job.name,
      {
        batchSize: job.batchSize ?? 1,
        localConcurrency: job.concurrency ?? options.concurrency ?? 2,
        perJobResults: true,
        pollingIntervalSeconds: 0.5,
      },
      (pgJobs) =>
        Promise.all(
          pgJobs.map(async (pgJob) => {
            const outcome = await runJob(job, pgJob);
            if (outcome.status === "completed")
              return { id: pgJob.id, status: "completed" as const };
            console.error(`[worker] ${job.name} ${pgJob.id} failed: ${outcome.error}`);
            return {
              id: pgJob.id,
              status: outcome.terminal ? ("deadletter" as const) : ("failed" as const),
              output: { error: outcome.error },
            };
          }),
        ),
    );
    if (job.schedule)
      await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object);
  }
  return {
    boss,
    queues: jobs.map((job) => job.name),
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}
