import type { Clock, Resolvers } from "../graphql/context";
import { nextGid } from "../store/shop";
import type { Gid, Job, ShopState } from "../store/types";

/**
 * Asynchronous jobs (`Job { id done query }`): a mutation that "might be processed
 * asynchronously" returns one; it reports `done` once the emulator clock reaches `doneAt`, and
 * only then does `query` resolve to the query root.
 */

/** Creates a job that completes after `delayMs` of emulator time (0 = done on the next read). */
export function createJob(shop: ShopState, clock: Clock, delayMs = 0): Gid {
  const id = nextGid(shop, "Job");
  shop.jobs.set(id, {
    id,
    doneAt: new Date(clock.now().getTime() + Math.max(0, delayMs)).toISOString(),
  });
  return id;
}

export function isJobDone(job: Job, clock: Clock): boolean {
  return clock.now().getTime() >= Date.parse(job.doneAt);
}

export const jobResolvers: Resolvers = {
  QueryRoot: {
    job: (_source, args, ctx) => {
      const job = ctx.shop.jobs.get(String(args.id));
      if (!job) return null;
      const done = isJobDone(job, ctx.clock);
      // An empty object as the root value: QueryRoot fields resolve through their resolvers.
      return { __typename: "Job", id: job.id, done, query: done ? {} : null };
    },
  },
};
