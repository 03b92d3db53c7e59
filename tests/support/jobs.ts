import { JOBS } from "../../app/jobs/catalog.server";
import { queue } from "../../app/jobs/queue.server";
import { runJob, type JobOutcome } from "../../app/jobs/run.server";

/**
 * Runs every job queued so far, in this process, exactly as the worker would (same definitions,
 * same runner), and returns what ran. Keeps integration tests free of timers.
 */
export async function runQueuedJobs(): Promise<
  { name: string; data: unknown; outcome: JobOutcome }[]
> {
  const boss = await queue();
  const ran: { name: string; data: unknown; outcome: JobOutcome }[] = [];
  for (let pass = 0; pass < 10; pass++) {
    let found = false;
    for (const definition of JOBS) {
      const jobs = await boss.fetch(definition.name, { batchSize: 50 }).catch(() => []);
      for (const job of jobs) {
        found = true;
        const outcome = await runJob(definition, job);
        if (outcome.status === "completed") await boss.complete(definition.name, job.id);
        else await boss.fail(definition.name, job.id, { error: outcome.error });
        ran.push({ name: definition.name, data: job.data, outcome });
      }
    }
    if (!found) break;
  }
  return ran;
}
