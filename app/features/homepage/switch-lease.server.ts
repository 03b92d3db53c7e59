import { Prisma, type HomepageSwitch } from "@prisma/client";
import { db } from "../../db.server";

/**
 * The switch lease (docs/decisions/031-one-switch-per-shop-at-a-time.md): a worker holds at most
 * one RUNNING switch per shop. Claiming takes a per-shop advisory lock for the length of one
 * statement, so two claims for the same shop cannot both see "nobody holds it" (write skew).
 * The lease lives on the switch row (status RUNNING, leaseUntil, holder); its token is the claim's
 * startedAt, so a worker that lost its lease (stalled past leaseUntil) can tell and back off. A
 * claim also ends the moment its holder process dies (its liveness lock goes:
 * docs/decisions/034-scheduler-prefetch-and-liveness.md).
 */

/** How long a claim holds without renewal; a SIGKILLed worker's switch is free again after this. */
export const LEASE_MS = 10_000;
/** Renewal period while a switch runs (a slow Admin API answer must not lose the lease). */
const RENEW_MS = 3_000;

export interface Lease {
  switchId: string;
  /** The claim's startedAt: the fencing token for renewals and the final write. */
  token: Date;
}

export type ClaimResult =
  { claimed: true; lease: Lease } | { claimed: false; reason: "taken" | "shop-busy" };

/**
 * Claims a due switch if it is PENDING (or its claim ended: lease expired, or its holder process
 * died) and no other switch of the shop holds a live claim. `holder` is this process's liveness id
 * (null: the claim ends only with its lease). `leaseFrom` is when the lease starts counting: a
 * switch claimed ahead of its instant holds the claim while it waits (runSwitch).
 */
export async function claimSwitch(
  item: HomepageSwitch,
  options: { holder?: number | null; leaseFrom?: Date } = {},
): Promise<ClaimResult> {
  const now = new Date();
  const from = options.leaseFrom && options.leaseFrom > now ? options.leaseFrom : now;
  const leaseUntil = new Date(from.getTime() + LEASE_MS);
  const holder = options.holder ?? null;
  const at = now.toISOString();
  const outcome = await db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`homepage-switch:${item.shop}`}))`;
      // Read after the lock is held (a new statement, a new snapshot): no other claim of this
      // shop can slip in between.
      const claimed = await tx.$executeRaw`
        UPDATE "HomepageSwitch" AS s
        SET "status" = 'RUNNING', "leaseUntil" = ${leaseUntil.toISOString()}::timestamp(3),
            "attempts" = s."attempts" + 1, "startedAt" = ${at}::timestamp(3),
            "holder" = ${holder}::int, "updatedAt" = ${at}::timestamp(3)
        WHERE s."shop" = ${item.shop} AND s."id" = ${item.id}
          AND s."dueAt" = ${item.dueAt.toISOString()}::timestamp(3)
          AND (s."status" = 'PENDING' OR (s."status" = 'RUNNING' AND ${claimEnded("s", at)}))
          AND NOT EXISTS (
            SELECT 1 FROM "HomepageSwitch" o
            WHERE o."shop" = s."shop" AND o."id" <> s."id" AND o."status" = 'RUNNING'
              AND NOT ${claimEnded("o", at)}
          )`;
      if (claimed === 1) return "claimed";
      const [busy] = await tx.$queryRaw<{ busy: boolean }[]>`
        SELECT EXISTS (
          SELECT 1 FROM "HomepageSwitch" o
          WHERE o."shop" = ${item.shop} AND o."id" <> ${item.id} AND o."status" = 'RUNNING'
            AND NOT ${claimEnded("o", at)}
        ) AS busy`;
      return busy?.busy ? "shop-busy" : "taken";
    },
    // A burst (catch-up after downtime) queues for the pool; waiting beats failing the claim.
    { maxWait: 30_000 },
  );
  if (outcome === "claimed") return { claimed: true, lease: { switchId: item.id, token: now } };
  return { claimed: false, reason: outcome };
}

/**
 * SQL: the RUNNING row aliased `alias` no longer holds its claim at `at` (ISO instant): its lease
 * expired, or its holder process died (merchdesk_process_alive, app/jobs/liveness.server.ts).
 */
function claimEnded(alias: "s" | "o", at: string): Prisma.Sql {
  const row = (column: string) => Prisma.raw(`${alias}."${column}"`);
  return Prisma.sql`(${row("leaseUntil")} < ${at}::timestamp(3) OR (${row("holder")} IS NOT NULL AND NOT merchdesk_process_alive(${row("holder")})))`;
}

/** Gives a claim back untouched (it was taken ahead of an instant that has not come). */
export async function releaseClaim(lease: Lease): Promise<void> {
  await db().homepageSwitch.updateMany({
    where: heldBy(lease),
    data: { status: "PENDING", leaseUntil: null, holder: null, attempts: { decrement: 1 } },
  });
}

/**
 * RUNNING switches whose holder process died (its liveness lock is gone) while the lease still
 * runs: a worker re-queues them at once instead of waiting for the lease to expire.
 */
export async function orphanedClaims(): Promise<
  { id: string; shop: string; startedAt: Date | null }[]
> {
  return db().$queryRaw`
    SELECT s."id", s."shop", s."startedAt" FROM "HomepageSwitch" s
    WHERE s."status" = 'RUNNING' AND s."holder" IS NOT NULL
      AND NOT merchdesk_process_alive(s."holder")
    LIMIT 500`;
}

/** Where-clause of the row while this lease still holds it. */
export function heldBy(lease: Lease) {
  return { id: lease.switchId, status: "RUNNING" as const, startedAt: lease.token };
}

/**
 * Keeps the lease alive while `work` runs. `work` is told (by the signal) when the lease was
 * lost; writes made after that are fenced by compare-and-set and by `heldBy` anyway.
 */
export async function withRenewedLease<T>(
  lease: Lease,
  work: (lost: AbortSignal) => Promise<T>,
): Promise<T> {
  const lost = new AbortController();
  const timer = setInterval(() => {
    db()
      .homepageSwitch.updateMany({
        where: heldBy(lease),
        data: { leaseUntil: new Date(Date.now() + LEASE_MS) },
      })
      .then(({ count }) => {
        if (count === 0) lost.abort();
      })
      .catch(() => undefined);
  }, RENEW_MS);
  try {
    return await work(lost.signal);
  } finally {
    clearInterval(timer);
  }
}
