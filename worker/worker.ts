import type { Job, PgBoss } from "pg-boss";
import { JOBS, WATCHERS } from "../app/jobs/catalog.server";
import type { JobDefinition, Watcher } from "../app/jobs/define";
import { registerLiveness, releaseLiveness } from "../app/jobs/liveness.server";
import { createBoss, ensureQueue } from "../app/jobs/queue.server";
import { runJob, type JobOutcome } from "../app/jobs/run.server";

/**
 * Poll period of the kinds that are not streamed. Nothing among them is due to the second (the
 * switches are streamed); every kind has its own pollers, so at 0.5 s an idle worker sent ~60
 * fetch queries a second (ADR 034).
 */
const POLL_SECONDS = 2;

export interface RunningWorker {
  boss: PgBoss;
  queues: string[];
  stop(): Promise<void>;
}

/**
 * Starts pg-boss as a worker, subscribes one handler per job kind (streamed kinds get their own
 * fetch loop), starts the watchers and takes the process's liveness lock.
 */
export async function startWorker(
  options: {
    jobs?: JobDefinition[];
    watchers?: Watcher[];
    connectionString?: string;
    concurrency?: number;
  } = {},
): Promise<RunningWorker> {
  const jobs = options.jobs ?? JOBS;
  const boss = createBoss({ role: "worker", connectionString: options.connectionString });
  boss.on("error", (error) => console.error(`[worker] ${error.message}`));
  await boss.start();
  // Before the first claim: claims made under this id are taken over the moment we die.
  await registerLiveness(options.connectionString);
  const streams: Stream[] = [];
  for (const job of jobs) {
    await ensureQueue(boss, job);
    if (job.stream) streams.push(startStream(boss, job, job.stream));
    else {
      await boss.work(
        job.name,
        {
          batchSize: job.batchSize ?? 1,
          localConcurrency: job.concurrency ?? options.concurrency ?? 2,
          perJobResults: true,
          pollingIntervalSeconds: POLL_SECONDS,
        },
        (pgJobs) =>
          Promise.all(
            pgJobs.map(async (pgJob) => {
              const outcome = await runJob(job, pgJob);
              if (outcome.status === "completed")
                return { id: pgJob.id, status: "completed" as const };
              logFailure(job, pgJob, outcome);
              return {
                id: pgJob.id,
                status: outcome.terminal ? ("deadletter" as const) : ("failed" as const),
                output: { error: outcome.error },
              };
            }),
          ),
      );
    }
    if (job.schedule)
      await boss.schedule(job.name, job.schedule.cron, job.schedule.payload as object);
  }
  const timers = (options.watchers ?? WATCHERS).map((watcher) => startWatcher(watcher));
  return {
    boss,
    queues: jobs.map((job) => job.name),
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(streams.map((stream) => stream.stop()));
      await boss.stop({ graceful: true, timeout: 30_000 });
      await releaseLiveness();
    },
  };
}

function logFailure(job: JobDefinition, pgJob: Job<unknown>, outcome: JobOutcome) {
  if (outcome.status === "failed")
    console.error(`[worker] ${job.name} ${pgJob.id} failed: ${outcome.error}`);
}

function startWatcher(watcher: Watcher): NodeJS.Timeout {
  let running = false;
  return setInterval(() => {
    if (running) return; // a slow round is not stacked on
    running = true;
    watcher
      .run()
      .catch((error: unknown) =>
        console.error(
          `[worker] ${watcher.name}: ${error instanceof Error ? error.message : error}`,
        ),
      )
      .finally(() => (running = false));
  }, watcher.everyMs);
}

interface Stream {
  stop(): Promise<void>;
}

/** How often finished jobs of a stream are settled in one query. */
const SETTLE_MS = 100;

/**
 * Streamed delivery (JobDefinition.stream): one fetch per poll for as many jobs as there is room
 * for; each job runs on its own; completions are settled in groups. A job whose handler is waiting
 * for its instant never holds back the next fetch.
 */
function startStream(
  boss: PgBoss,
  job: JobDefinition,
  options: { inFlight: number; pollMs: number },
): Stream {
  const running = new Set<Promise<void>>();
  let completed: string[] = [];
  let stopping = false;

  async function settle() {
    if (completed.length === 0) return;
    const ids = completed;
    completed = [];
    await boss.complete(job.name, ids).catch((error: unknown) => {
      console.error(`[worker] ${job.name}: completing ${ids.length} jobs failed: ${String(error)}`);
    });
  }

  async function runOne(pgJob: Job<unknown>) {
    const outcome = await runJob(job, pgJob);
    if (outcome.status === "completed") {
      completed.push(pgJob.id);
      return;
    }
    logFailure(job, pgJob, outcome);
    // Terminal failures (an invalid payload) fail again on each retry and end failed.
    await boss.fail(job.name, pgJob.id, { error: outcome.error }).catch(() => undefined);
  }

  const settler = setInterval(() => void settle(), SETTLE_MS);
  const loop = (async () => {
    while (!stopping) {
      const room = options.inFlight - running.size;
      if (room > 0) {
        try {
          const fetched = await boss.fetch(job.name, { batchSize: room });
          for (const pgJob of fetched) {
            const run = runOne(pgJob).finally(() => running.delete(run));
            running.add(run);
          }
        } catch (error) {
          console.error(`[worker] ${job.name}: fetch failed: ${String(error)}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  })();

  return {
    async stop() {
      stopping = true;
      await loop;
      await Promise.allSettled([...running]);
      clearInterval(settler);
      await settle();
    },
  };
}
