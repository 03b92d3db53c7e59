import {
  Prisma,
  type CollectionChange,
  type CollectionChangeItem,
  type CollectionChangeItemStatus,
  type CollectionChangeStatus,
} from "@prisma/client";
import { db } from "../../db.server";
import type { ChangeKind, Plan } from "./plan-types";
import { insertPlannedItems } from "./plan-store.server";

/**
 * Stored changes (plans, their items, locks). Every function takes the shop first and scopes
 * every query by it: another shop's change id behaves like one that does not exist.
 */
export const ACTIVE_CHANGE_STATUSES: CollectionChangeStatus[] = ["QUEUED", "APPLYING"];

export async function createPlannedChange(
  shop: string,
  input: {
    kind: ChangeKind;
    request: Prisma.InputJsonValue;
    plan: Plan;
    createdBy: string;
    undoOfId?: string;
    snapshot?: Prisma.InputJsonValue;
  },
): Promise<CollectionChange> {
  const { plan } = input;
  return db().$transaction(
    async (tx) => {
      const change = await tx.collectionChange.create({
        data: {
          shop,
          kind: input.kind,
          input: input.request,
          summary: plan.summary as unknown as Prisma.InputJsonValue,
          snapshot: input.snapshot,
          collectionIds: plan.collectionIds,
          totalItems: plan.items.length,
          totalUnits: plan.totalUnits,
          createdBy: input.createdBy,
          undoOfId: input.undoOfId,
        },
      });
      // One INSERT … SELECT per batch (plan-store.server.ts): createMany took ~17 s at 4,000 items.
      await insertPlannedItems(tx, shop, change.id, plan.items);
      return change;
    },
    { timeout: 60_000 },
  );
}

export function getChange(shop: string, id: string): Promise<CollectionChange | null> {
  return db().collectionChange.findFirst({ where: { id, shop } });
}

export function listChanges(shop: string, options: { take?: number; cursor?: string } = {}) {
  return db().collectionChange.findMany({
    where: { shop, status: { notIn: ["PLANNED", "DISCARDED"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 50,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
}

/** Items of a change in order; failures first when asked (for the report). */
export function listItems(
  shop: string,
  changeId: string,
  options: { take?: number; statuses?: CollectionChangeItemStatus[] } = {},
): Promise<CollectionChangeItem[]> {
  return db().collectionChangeItem.findMany({
    where: { shop, changeId, ...(options.statuses ? { status: { in: options.statuses } } : {}) },
    orderBy: { seq: "asc" },
    take: options.take,
  });
}

export async function countItemsByStatus(shop: string, changeId: string) {
  const rows = await db().collectionChangeItem.groupBy({
    by: ["status"],
    where: { shop, changeId },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all])) as Partial<
    Record<CollectionChangeItemStatus, number>
  >;
}

export async function updateItem(
  shop: string,
  id: string,
  data: Prisma.CollectionChangeItemUpdateManyMutationInput,
): Promise<void> {
  await db().collectionChangeItem.updateMany({ where: { id, shop }, data });
}

export async function updateChange(
  shop: string,
  id: string,
  data: Prisma.CollectionChangeUpdateManyMutationInput,
  onlyIn?: CollectionChangeStatus[],
): Promise<boolean> {
  const { count } = await db().collectionChange.updateMany({
    where: { id, shop, ...(onlyIn ? { status: { in: onlyIn } } : {}) },
    data,
  });
  return count === 1;
}

/** A collection is held by another change that is queued or applying. */
export class CollectionLockedError extends Error {
  override name = "CollectionLockedError";
  constructor(
    readonly collectionId: string,
    readonly heldBy: string,
  ) {
    super(`collection ${collectionId} is being changed by ${heldBy}`);
  }
}

/**
 * Moves a plan to QUEUED and takes the lock on each collection it writes, atomically: either the
 * change holds all its collections, or it is refused naming the change that holds one.
 */
export async function queueChange(
  shop: string,
  id: string,
  actor: string,
  taskId: string,
): Promise<"queued" | "not_planned"> {
  try {
    return await db().$transaction(async (tx) => {
      const change = await tx.collectionChange.findFirst({ where: { id, shop } });
      if (!change || change.status !== "PLANNED") return "not_planned";
      // Locks of changes that already finished are stale (a crash between finish and release).
      await tx.collectionLock.deleteMany({
        where: {
          shop,
          collectionId: { in: change.collectionIds },
          change: { status: { notIn: ACTIVE_CHANGE_STATUSES } },
        },
      });
      const held = await tx.collectionLock.findFirst({
        where: { shop, collectionId: { in: change.collectionIds } },
      });
      if (held) throw new CollectionLockedError(held.collectionId, held.changeId);
      await tx.collectionLock.createMany({
        data: change.collectionIds.map((collectionId) => ({ shop, collectionId, changeId: id })),
      });
      await tx.collectionChange.update({
        where: { id },
        data: { status: "QUEUED", queuedAt: new Date(), appliedBy: actor, taskId },
      });
      return "queued";
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const held = await db().collectionLock.findFirst({
        where: { shop, changeId: { not: id } },
        orderBy: { lockedAt: "desc" },
      });
      throw new CollectionLockedError(held?.collectionId ?? "", held?.changeId ?? "");
    }
    throw error;
  }
}

export async function releaseLocks(shop: string, changeId: string): Promise<void> {
  await db().collectionLock.deleteMany({ where: { shop, changeId } });
}
