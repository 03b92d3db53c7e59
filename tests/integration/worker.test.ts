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

/** A streamed job kind (as the home-page switch): each job runs on its own, settled in groups. */
const streamed: string[] = [];
let releaseSlow: (() => void) | null = null;
const streamJob = defineJob({
  name: "test.stream",
  payload: z.object({ key: z.string() }),
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  stream: { inFlight: 8, pollMs: 100 },
  async handler({ key }, { attempt }) {
    streamed.push(`start ${key} ${attempt}`);
    if (key === "slow") await new Promise<void>((resolve) => (releaseSlow = resolve));
    if (key === "flaky" && attempt === 0) throw new Error("transient");
    streamed.push(`end ${key}`);
  },
});

let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({ jobs: [probeJob, streamJob], watchers: [] });
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

  it("GIVEN a streamed job waits in its handler THEN jobs queued after it run and complete meanwhile", async () => {
    const boss = await queue();
    const slow = await enqueue(streamJob, { key: "slow" });
    await expect.poll(() => streamed, { timeout: 15_000 }).toContain("start slow 0");
    const quick = await enqueue(streamJob, { key: "quick" });
    await expect
      .poll(async () => (await boss.getJobById(streamJob.name, quick!))?.state, { timeout: 15_000 })
      .toBe("completed");
    expect(streamed).not.toContain("end slow");
    releaseSlow?.();
    await expect
      .poll(async () => (await boss.getJobById(streamJob.name, slow!))?.state, { timeout: 15_000 })
      .toBe("completed");
  });

  it("GIVEN a streamed job fails once THEN it is retried and completes", async () => {
    const boss = await queue();
    const id = await enqueue(streamJob, { key: "flaky" });
    await expect
      .poll(async () => (await boss.getJobById(streamJob.name, id!))?.state, { timeout: 20_000 })
      .toBe("completed");
    expect(streamed.filter((e) => e.startsWith("start flaky"))).toEqual([
      "start flaky 0",
      "start flaky 1",
    ]);
  });
});
