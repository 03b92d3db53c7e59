import { Prisma, type Action, type ActionResource } from "@prisma/client";
import { db } from "../../db.server";
import { actionInputSchema, touchedResources, type ActionInput } from "./action-input";

/**
 * The action record: every capability writes what it did here (one place, one shape), and the
 * insights timeline and impact estimates read it. Scoped by shop like every repository.
 */
export type ActionWithResources = Action & { resources: ActionResource[] };

/**
 * Records an action. With an `externalKey`, recording the same key again returns the existing
 * action unchanged (retried jobs and redelivered webhooks record once).
 */
export async function recordAction(shop: string, input: ActionInput): Promise<Action> {
  const valid = actionInputSchema.parse(input);
  if (valid.externalKey) {
    const existing = await db().action.findUnique({
      where: { shop_externalKey: { shop, externalKey: valid.externalKey } },
    });
    if (existing) return existing;
  }
  const resources = touchedResources(valid.touched);
  const data: Prisma.ActionUncheckedCreateInput = {
    shop,
    source: valid.source,
    kind: valid.kind,
    title: valid.title,
    note: valid.note ?? null,
    category: valid.category ?? null,
    startedAt: valid.startedAt,
    endedAt: valid.endedAt ?? null,
    actor: valid.actor ?? null,
    outcome: valid.outcome,
    detailsPath: valid.detailsPath ?? null,
    expectedKpi: valid.expected?.kpi ?? null,
    expectedDirection: valid.expected?.direction ?? null,
    expectedSize: valid.expected?.size ?? null,
    externalKey: valid.externalKey ?? null,
  };
  try {
    return await db().$transaction(async (tx) => {
      const action = await tx.action.create({ data });
      if (resources.length) {
        await tx.actionResource.createMany({
          data: resources.map((resource) => ({ ...resource, actionId: action.id, shop })),
          skipDuplicates: true,
        });
        if (valid.source === "MERCHDESK") await dropOwnEchoes(tx, action, resources);
      }
      return action;
    });
  } catch (error) {
    // Two writers raced with the same key: the first one's record stands.
    const raced =
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      valid.externalKey;
    if (!raced) throw error;
    return db().action.findUniqueOrThrow({
      where: { shop_externalKey: { shop, externalKey: valid.externalKey! } },
    });
  }
}

/**
 * Shopify echoes Merchdesk's own writes as webhooks (collections/update, themes/publish...). A
 * webhook about a resource Merchdesk touched between the action's start and shortly after it was
 * recorded is that echo, not a change made outside Merchdesk (ADR 013).
 */
export const OWN_ECHO_BEFORE_MS = 60_000;
export const OWN_ECHO_AFTER_MS = 15 * 60_000;
/** Kinds of the EXTERNAL actions webhooks record (external-changes.ts). */
const ECHO_KIND_PREFIX = "external.";

type EchoResource = { type: ActionResource["type"]; resourceId: string };

/**
 * The echo may be processed before the action is recorded (the webhook arrives while a long
 * change is still applying): when the action is recorded, EXTERNAL actions filed for its
 * resources since it started are removed. They were never written to Shopify's timeline.
 */
async function dropOwnEchoes(
  tx: Prisma.TransactionClient,
  action: Action,
  resources: readonly EchoResource[],
): Promise<number> {
  const { count } = await tx.action.deleteMany({
    where: {
      shop: action.shop,
      source: "EXTERNAL",
      kind: { startsWith: ECHO_KIND_PREFIX },
      startedAt: {
        gte: new Date(action.startedAt.getTime() - OWN_ECHO_BEFORE_MS),
        lte: new Date(action.createdAt.getTime() + OWN_ECHO_AFTER_MS),
      },
      resources: {
        some: {
          OR: resources.map((r) => ({ type: r.type, resourceId: r.resourceId })),
        },
      },
    },
  });
  return count;
}

/**
 * Is a webhook about this resource at `at` the echo of a Merchdesk action (one that started before
 * it and was recorded at most a short while before it)?
 */
export async function isOwnEcho(shop: string, resource: EchoResource, at: Date): Promise<boolean> {
  const own = await db().action.findFirst({
    where: {
      shop,
      source: "MERCHDESK",
      startedAt: { lte: new Date(at.getTime() + OWN_ECHO_BEFORE_MS) },
      createdAt: { gte: new Date(at.getTime() - OWN_ECHO_AFTER_MS) },
      resources: { some: { type: resource.type, resourceId: resource.resourceId } },
    },
    select: { id: true },
  });
  return own !== null;
}

/** Closes an open range (e.g. a campaign that ended). */
export async function endAction(shop: string, id: string, endedAt: Date): Promise<boolean> {
  const { count } = await db().action.updateMany({
    where: { id, shop, endedAt: null, startedAt: { lte: endedAt } },
    // Its open-ended annotation on Shopify's timeline gets the end at the next sync.
    data: { endedAt, annotationDirty: true },
  });
  return count === 1;
}

export function getAction(shop: string, id: string): Promise<ActionWithResources | null> {
  return db().action.findFirst({ where: { id, shop }, include: { resources: true } });
}

/** Actions overlapping [from, to], oldest first. */
export function listActions(
  shop: string,
  range: { from: Date; to: Date },
  take = 1000,
): Promise<Action[]> {
  return db().action.findMany({
    where: {
      shop,
      startedAt: { lte: range.to },
      OR: [{ endedAt: null, startedAt: { gte: range.from } }, { endedAt: { gte: range.from } }],
    },
    orderBy: { startedAt: "asc" },
    take,
  });
}

/** Only the merchant's own notes can be deleted; what Merchdesk or Shopify did stays on record. */
export async function deleteManualAction(shop: string, id: string): Promise<boolean> {
  const { count } = await db().action.deleteMany({ where: { id, shop, source: "MANUAL" } });
  return count === 1;
}
