import type { HomepageSwitch } from "@prisma/client";
import { db } from "../../db.server";

/**
 * The switch lease (docs/decisions/031-one-switch-per-shop-at-a-time.md): a worker holds at most
 * one RUNNING switch per shop. Claiming takes a per-shop advisory lock for the length of one short
 * transaction, so two claims for the same shop cannot both see "nobody holds it" (write skew).
 * The lease lives on the switch row (status RUNNING, leaseUntil); its token is the claim's
 * startedAt, so a worker that lost its lease (stalled past leaseUntil) can tell and back off.
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
 * Claims a due switch if it is PENDING (or its lease expired) and no other switch of the shop
 * holds a live lease.
 */
export async function claimSwitch(item: HomepageSwitch): Promise<ClaimResult> {
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const others = { id: { not: item.id }, status: "RUNNING" as const, leaseUntil: { gte: now } };
  const [, claim] = await db().$transaction([
    db().$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`homepage-switch:${item.shop}`}))`,
    db().homepageSwitch.updateMany({
      where: {
        shop: item.shop,
        id: item.id,
        dueAt: item.dueAt,
        OR: [{ status: "PENDING" }, { status: "RUNNING", leaseUntil: { lt: now } }],
        // Read after the lock is held: no other claim of this shop can slip in between.
        shopRecord: { homepageSwitches: { none: others } },
      },
      data: { status: "RUNNING", leaseUntil, attempts: { increment: 1 }, startedAt: now },
    }),
  ]);
  if (claim.count === 1) return { claimed: true, lease: { switchId: item.id, token: now } };
  const busy = await db().homepageSwitch.count({ where: { shop: item.shop, ...others } });
  return { claimed: false, reason: busy > 0 ? "shop-busy" : "taken" };
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
