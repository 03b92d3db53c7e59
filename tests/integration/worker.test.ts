import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob, TerminalJobError } from "../../app/jobs/define";
import { enqueue, queue } from "../../app/jobs/queue.server";
import { startWorker, type RunningWorker } from "../../worker/worker";

const seen: { key: string; attempt: number }[] = [];
const failUntil = new Map<string, number>();

const probeJob = defineJob({
  name: "test.probe",
  payload: z.object({ key: z.string() }),
  retry: { limit: 3, delaySeconds: 1, backoff: false },
  async handler({ key }, { attempt }) {
    seen.push({ key, attempt });
    if (key === "terminal") throw new TerminalJobError("cannot be done");
    if (attempt < (failUntil.get(key) ?? 0)) throw new Error("transient");
  },
});

let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ jobs: [probeJob] });
});

afterAll(async () => {
  await worker.stop();
  await (await queue()).stop({ graceful: false });
});

const runsOf = (key: string) => seen.filter((entry) => entry.key === key);

describe("worker process (pg-boss)", () => {
  it("GIVEN a queued job THEN the worker runs it once", async () => {
    await enqueue(probeJob, { key: "once" });
    await expect.poll(() => runsOf("once").length, { timeout: 15_000 }).toBe(1);
  });

  it("GIVEN a payload that breaks the job's schema THEN it is refused when sent", async () => {
    await expect(enqueue(probeJob, { key: 42 } as unknown as { key: string })).rejects.toThrow();
  });

  it("GIVEN a transient failure THEN the job is retried until it succeeds", async () => {
    failUntil.set("flaky", 2);
    await enqueue(probeJob, { key: "flaky" });
    await expect
      .poll(() => runsOf("flaky").map((r) => r.attempt), { timeout: 20_000 })
      .toEqual([0, 1, 2]);
  });

  it("GIVEN a terminal failure THEN the job is not retried", async () => {
    const id = await enqueue(probeJob, { key: "terminal" });
    const boss = await queue();
    await expect
      .poll(async () => (await boss.getJobById(probeJob.name, id!))?.state, { timeout: 15_000 })
      .toBe("failed");
    expect(runsOf("terminal")).toHaveLength(1);
  });
});
