import { Prisma, type HomepageCampaign, type HomepageSwitch } from "@prisma/client";
import { db } from "../../db.server";
import { offlineAdmin } from "../../shopify/app.server";
import { ShopifyGateway } from "../../shopify/gateway.server";
import { endAction, recordAction } from "../insights/actions.server";
import { campaignAlert } from "./campaign-alert";
import { appNow } from "./clock.server";
import { desiredLive } from "./schedule";
import {
  applyLiveState,
  readLiveState,
  StaleLiveStateError,
  writeCampaignContent,
  type StorefrontScheduleEntry,
} from "./storefront-content.server";
import { livenessId } from "../../jobs/liveness.server";
import {
  claimSwitch,
  heldBy,
  orphanedClaims,
  releaseClaim,
  withRenewedLease,
  type ClaimResult,
  type Lease,
} from "./switch-lease.server";
import { applyTemplateSwitch, ThemePermissionError } from "./template-mode.server";
import { verifySwitchOnStorefront } from "./verification.server";

/**
 * The scheduler's core. Each campaign has at most one ON and one OFF switch row. A switch runs
 * when its pg-boss job comes due (startAfter) or when the due-check finds it due (catch-up after
 * downtime; the emulator clock in the demo). Exactly once: a worker must claim the row (a lease
 * in PostgreSQL, one per shop at a time: switch-lease.server.ts) before applying it, and applying
 * is idempotent — it computes what the home page should show now and writes only what differs,
 * with compare-and-set — so a re-run, late or concurrent, changes nothing
 * (docs/decisions/031-one-switch-per-shop-at-a-time.md).
 */

/** A switch that runs later than this says so ("ran late: the scheduler was not running"). */
export const LATE_AFTER_MS = 60_000;
export { LEASE_MS } from "./switch-lease.server";
/** Attempts before a switch is shown as failed (the job's retry policy gives the backoff). */
export const SWITCH_ATTEMPTS = 5;
/**
 * The due-check leaves switches this fresh to their own (startAfter) jobs, which survive restarts
 * in pg-boss. It catches what those missed (a job fetched by a worker that died before claiming).
 * Under a backlog, 3 s made every tick queue a catch-up job per waiting switch, hundreds of sends
 * every 2 s that deepened the backlog (ADR 034).
 */
const DUE_CHECK_GRACE_MS = 10_000;
/** The app clock is this far ahead of real time: an advanced emulator clock. */
const CLOCK_AHEAD_MS = 3_000;
/** A done switch without its action record this long after is followed up again (due-check). */
const FOLLOW_UP_GRACE_MS = 60_000;
/** How long a switch waits for another switch of the same shop before its job retries. */
const SHOP_WAIT_MS = 5_000;
// Each poll is a claim transaction: under a backlog, fast polling by many waiting switches of
// busy shops loaded the database more than the switches did.
const SHOP_POLL_MS = 200;
/** How many upcoming campaigns the storefront schedule carries. */
const SCHEDULE_SIZE = 10;
/**
 * A switch's job is delivered this long before its instant (pg-boss startAfter); the worker claims
 * the switch, prepares, and waits in-process until the instant, so lateness is only the write
 * (docs/decisions/034-scheduler-prefetch-and-liveness.md).
 */
export const PREFETCH_MS = 2_000;
/** A job that arrives up to this long before its switch's instant waits for it; earlier ones leave it. */
const MAX_WAIT_MS = PREFETCH_MS + 3_000;

export interface SwitchJobs {
  run(payload: { shop: string; switchId: string }, startAfter?: Date, key?: string): Promise<void>;
  /** What follows a done switch off its time-critical path: the action record, verification. */
  followUp(payload: { shop: string; switchId: string }): Promise<void>;
  /** Pre-flight again shortly before the start (the store may have changed since saving). */
  preflight(
    payload: { shop: string; campaignId: string },
    startAfter: Date,
    key: string,
  ): Promise<void>;
}

/** How long before the start the pre-flight checks run again. */
export const PREFLIGHT_LEAD_MS = 15 * 60_000;

let jobs: SwitchJobs | null = null;
/** jobs.server.ts registers how switches are queued (keeps this module free of the job list). */
export function registerSwitchJobs(value: SwitchJobs): void {
  jobs = value;
}
function switchJobs(): SwitchJobs {
  if (!jobs) throw new Error("homepage switch jobs are not registered");
  return jobs;
}

/** How long a shop's Admin API client is reused (it reads the offline session from the database). */
const CLIENT_TTL_MS = 30_000;
const clients = new Map<
  string,
  { client: Awaited<ReturnType<typeof offlineAdmin>>; until: number }
>();

export async function gatewayFor(shop: string): Promise<ShopifyGateway> {
  const cached = clients.get(shop);
  if (cached && cached.until > Date.now()) return new ShopifyGateway(shop, cached.client);
  const client = await offlineAdmin(shop);
  clients.set(shop, { client, until: Date.now() + CLIENT_TTL_MS });
  return new ShopifyGateway(shop, client);
}

/** Scheduled and live app-block campaigns, with what the storefront needs to switch by itself. */
async function scheduleState(shop: string) {
  const campaigns = await db().homepageCampaign.findMany({
    where: { shop, mode: "APP_BLOCK", status: { in: ["SCHEDULED", "LIVE"] } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return campaigns;
}

function scheduleEntries(campaigns: HomepageCampaign[], now: Date): StorefrontScheduleEntry[] {
  return campaigns
    .filter((c) => c.metaobjectId && (!c.endsAt || c.endsAt > now))
    .slice(0, SCHEDULE_SIZE)
    .map((c) => ({
      id: c.metaobjectId!,
      handle: c.metaobjectHandle,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt?.toISOString() ?? null,
    }));
}

async function ensureContent(gateway: ShopifyGateway, campaign: HomepageCampaign) {
  const id = await writeCampaignContent(gateway, {
    handle: campaign.metaobjectHandle,
    heading: campaign.heading,
    text: campaign.text,
    buttonLabel: campaign.buttonLabel,
    buttonLink: campaign.buttonLink,
    imageUrl: campaign.imageUrl,
    collectionId: campaign.collectionId,
  });
  if (id !== campaign.metaobjectId) {
    await db().homepageCampaign.updateMany({
      where: { shop: campaign.shop, id: campaign.id },
      data: { metaobjectId: id },
    });
  }
  return id;
}

async function upsertSwitch(
  campaign: HomepageCampaign,
  direction: "ON" | "OFF",
  dueAt: Date,
): Promise<HomepageSwitch> {
  return db().homepageSwitch.upsert({
    where: { campaignId_direction: { campaignId: campaign.id, direction } },
    create: { shop: campaign.shop, campaignId: campaign.id, direction, dueAt },
    update: {
      dueAt,
      status: "PENDING",
      error: null,
      attempts: 0,
      leaseUntil: null,
      late: false,
      lateMs: null,
      verifiedAt: null,
      verifiedOk: null,
      verifyNote: null,
    },
  });
}

/**
 * (Re)plans a campaign's switches after it was saved, paused, resumed or cancelled, writes its
 * storefront content, refreshes the storefront schedule and queues the switch jobs.
 */
export async function planSwitches(
  shop: string,
  gateway: ShopifyGateway,
  campaignId: string,
): Promise<void> {
  const campaign = await db().homepageCampaign.findFirst({ where: { shop, id: campaignId } });
  if (!campaign) return;
  const planned: HomepageSwitch[] = [];
  if (campaign.status === "SCHEDULED" || campaign.status === "LIVE") {
    const existing = await db().homepageSwitch.findMany({ where: { shop, campaignId } });
    const on = existing.find((s) => s.direction === "ON");
    if (campaign.status === "SCHEDULED")
      planned.push(await upsertSwitch(campaign, "ON", campaign.startsAt));
    else if (!on) planned.push(await upsertSwitch(campaign, "ON", campaign.startsAt));
    if (campaign.endsAt) planned.push(await upsertSwitch(campaign, "OFF", campaign.endsAt));
    else {
      await db().homepageSwitch.updateMany({
        where: { shop, campaignId, direction: "OFF", status: "PENDING" },
        data: { status: "CANCELLED" },
      });
    }
    if (campaign.mode === "APP_BLOCK") {
      try {
        await ensureContent(gateway, campaign);
      } catch (error) {
        // The switch writes the content again (with retries); the merchant sees why for now.
        await db().homepageCampaign.updateMany({
          where: { shop, id: campaignId },
          data: { alert: campaignAlert("content_not_saved", { error: messageOf(error) }) },
        });
      }
    }
  } else {
    await db().homepageSwitch.updateMany({
      where: { shop, campaignId, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
  }
  await refreshSchedule(shop, gateway).catch(() => undefined);
  if (campaign.status === "SCHEDULED") {
    const at = new Date(campaign.startsAt.getTime() - PREFLIGHT_LEAD_MS);
    await switchJobs().preflight(
      { shop, campaignId },
      at,
      `preflight:${campaignId}:${campaign.startsAt.getTime()}`,
    );
  }
  for (const item of planned) {
    await switchJobs().run(
      { shop, switchId: item.id },
      new Date(item.dueAt.getTime() - PREFETCH_MS),
      `${item.id}:${item.dueAt.getTime()}`,
    );
  }
}

/** Rewrites only the storefront schedule (the live campaign stays as it is). */
export async function refreshSchedule(shop: string, gateway: ShopifyGateway): Promise<void> {
  const now = await appNow();
  const current = await readLiveState(gateway);
  await applyLiveState(gateway, current, "keep", scheduleEntries(await scheduleState(shop), now));
}

/** Runs a campaign's OFF switch now (paused, cancelled or ended early). */
export async function switchNow(
  shop: string,
  gateway: ShopifyGateway,
  campaignId: string,
  direction: "ON" | "OFF",
  reason: string,
): Promise<void> {
  const campaign = await db().homepageCampaign.findFirst({ where: { shop, id: campaignId } });
  if (!campaign) return;
  const item = await upsertSwitch(campaign, direction, await appNow());
  await runSwitch(shop, item.id, { attempt: 0, gateway, reason });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type SwitchRun =
  | { outcome: "done"; wrote: boolean; late: boolean }
  | { outcome: "skipped"; reason: string }
  | { outcome: "not-due" | "not-claimed" | "shop-busy" };

/** Claims the switch, waiting briefly while another switch of the same shop holds the lease. */
async function claimWhenShopFree(item: HomepageSwitch, leaseFrom: Date): Promise<ClaimResult> {
  const giveUpAt = Date.now() + SHOP_WAIT_MS;
  const holder = await livenessId();
  for (;;) {
    const claim = await claimSwitch(item, { holder, leaseFrom });
    if (claim.claimed || claim.reason === "taken" || Date.now() >= giveUpAt) return claim;
    await new Promise((resolve) => setTimeout(resolve, SHOP_POLL_MS));
  }
}

/**
 * Applies one switch if it is due (or due within MAX_WAIT_MS: then it is claimed at once and
 * applied at its instant) and this worker wins the claim. Throws (for the job to retry with
 * backoff) on a transient failure; on the last attempt the switch is marked FAILED, the merchant
 * is alerted and the failure is recorded as an action.
 */
export async function runSwitch(
  shop: string,
  switchId: string,
  options: { attempt: number; gateway?: ShopifyGateway; reason?: string },
): Promise<SwitchRun> {
  const item = await db().homepageSwitch.findFirst({ where: { shop, id: switchId } });
  if (!item || item.dueAt.getTime() - (await appNow()).getTime() > MAX_WAIT_MS)
    return { outcome: "not-due" };
  // Claimed before the instant: the claim is the reservation. If this process dies while it
  // waits, its liveness lock goes with it and another worker takes the switch over at once.
  // The lease runs in real time from the instant (the app clock may be an advanced emulator's).
  const waitMs = Math.max(0, item.dueAt.getTime() - (await appNow()).getTime());
  const claim = await claimWhenShopFree(item, new Date(Date.now() + waitMs));
  if (!claim.claimed)
    return { outcome: claim.reason === "shop-busy" ? "shop-busy" : "not-claimed" };
  return withRenewedLease(claim.lease, async () => {
    const gateway = options.gateway ?? (await gatewayFor(shop));
    const now = await untilDue(item.dueAt);
    if (!now) {
      // The app clock did not reach the instant (a frozen emulator clock): give the claim back.
      await releaseClaim(claim.lease);
      return { outcome: "not-due" };
    }
    return applyClaimed(shop, item, claim.lease, now, { ...options, gateway });
  });
}

/** Waits until the app clock reaches `dueAt`; null if it does not within MAX_WAIT_MS. */
async function untilDue(dueAt: Date): Promise<Date | null> {
  const giveUpAt = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const now = await appNow();
    const wait = dueAt.getTime() - now.getTime();
    if (wait <= 0) return now;
    if (Date.now() >= giveUpAt) return null;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 1_000)));
  }
}

async function applyClaimed(
  shop: string,
  item: HomepageSwitch,
  lease: Lease,
  now: Date,
  options: { attempt: number; gateway?: ShopifyGateway; reason?: string },
): Promise<SwitchRun> {
  // The shop's scheduled campaigns, and this one whatever its status: one query at the instant.
  const campaigns = await db().homepageCampaign.findMany({
    where: {
      shop,
      OR: [{ mode: "APP_BLOCK", status: { in: ["SCHEDULED", "LIVE"] } }, { id: item.campaignId }],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const campaign = campaigns.find((c) => c.id === item.campaignId);
  if (!campaign) throw new Error(`campaign ${item.campaignId} not found`);
  const lateMs = Math.max(0, now.getTime() - item.dueAt.getTime());
  const late = lateMs > LATE_AFTER_MS;

  if (item.direction === "ON" && campaign.endsAt && campaign.endsAt <= now) {
    const reason = "its end had passed before it could go live (the scheduler was not running)";
    const held = await finishHeld(
      lease,
      { status: "SKIPPED", error: reason, leaseUntil: null, holder: null, lateMs, late },
      { id: campaign.id, data: { status: "ENDED", alert: campaignAlert("not_shown_end_passed") } },
    );
    return held ? { outcome: "skipped", reason } : { outcome: "not-claimed" };
  }
  if (item.direction === "ON" && campaign.status !== "SCHEDULED" && campaign.status !== "LIVE") {
    await finishHeld(lease, { status: "CANCELLED", leaseUntil: null, holder: null });
    return { outcome: "skipped", reason: `campaign is ${campaign.status.toLowerCase()}` };
  }

  try {
    const gateway = options.gateway ?? (await gatewayFor(shop));
    const wrote =
      campaign.mode === "TEMPLATE"
        ? await applyTemplateSwitch(shop, gateway, campaign, item.direction)
        : await applyAppBlockSwitch(shop, gateway, now, campaigns);
    const appliedAt = await appNow();
    const held = await finishHeld(
      lease,
      {
        status: "DONE",
        appliedAt,
        lateMs,
        late,
        wrote,
        leaseUntil: null,
        holder: null,
        error: null,
      },
      {
        id: campaign.id,
        data:
          item.direction === "ON"
            ? { status: "LIVE", wentLiveAt: appliedAt, alert: Prisma.DbNull }
            : {
                status: campaign.status === "LIVE" ? "ENDED" : campaign.status,
                endedAt: appliedAt,
              },
      },
    );
    // Lost the lease (stalled past it): the run that took over records the outcome.
    if (!held) return { outcome: "not-claimed" };
    // Off the time-critical path; the due-check queues it again if this process dies first.
    await switchJobs()
      .followUp({ shop, switchId: item.id, ...(options.reason ? { reason: options.reason } : {}) })
      .catch(() => undefined);
    return { outcome: "done", wrote, late };
  } catch (error) {
    const message = messageOf(error);
    // The row counts every claimed attempt (job retries and due-check re-runs alike).
    const attempt = Math.max(options.attempt, item.attempts);
    const final = attempt + 1 >= SWITCH_ATTEMPTS || error instanceof ThemePermissionError;
    const held = await finishHeld(lease, {
      status: final ? "FAILED" : "PENDING",
      error: message,
      leaseUntil: null,
      holder: null,
    });
    if (!final || !held) throw error;
    await db().homepageCampaign.update({
      where: { id: campaign.id },
      data: {
        status: item.direction === "ON" ? "FAILED" : campaign.status,
        alert: campaignAlert(
          item.direction === "ON" ? "switch_failed_start" : "switch_failed_end",
          { error: message },
        ),
      },
    });
    await recordAction(shop, {
      source: "MERCHDESK",
      kind: "homepage.switch_failed",
      title: `Home page: "${campaign.name}" could not be switched ${item.direction === "ON" ? "on" : "off"}`,
      note: message,
      startedAt: now,
      actor: "scheduler",
      outcome: "FAILED",
      detailsPath: `/app/homepage/${campaign.id}`,
      externalKey: `switch:${item.id}:${item.dueAt.getTime()}:failed`,
      touched: touchedBy(campaign),
    });
    return { outcome: "skipped", reason: message };
  }
}

/**
 * Ends the run: updates the switch row only while this run still holds its lease, and the
 * campaign in the same transaction. False when the lease was lost (nothing is written).
 */
async function finishHeld(
  lease: Lease,
  data: Prisma.HomepageSwitchUpdateManyMutationInput,
  campaign?: { id: string; data: Prisma.HomepageCampaignUpdateInput },
): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      const { count } = await tx.homepageSwitch.updateMany({ where: heldBy(lease), data });
      if (count === 0) return false;
      if (campaign)
        await tx.homepageCampaign.update({ where: { id: campaign.id }, data: campaign.data });
      return true;
    },
    // A burst (catch-up after downtime) queues for the pool; waiting beats failing the switch.
    { maxWait: 30_000 },
  );
}

function touchedBy(campaign: HomepageCampaign) {
  return {
    campaigns: [campaign.id],
    collections: campaign.collectionId ? [campaign.collectionId] : [],
    themes: campaign.mode === "TEMPLATE" && campaign.sourceThemeId ? [campaign.sourceThemeId] : [],
  };
}

/**
 * What follows a done switch, off its time-critical path (a job of its own): the action record
 * (startedAt = the write time; an OFF switch also closes its ON switch's range) and the storefront
 * verification. Idempotent: the action is keyed by switch and instant.
 */
export async function followUpSwitch(
  shop: string,
  switchId: string,
  reason?: string,
): Promise<void> {
  const item = await db().homepageSwitch.findFirst({
    where: { shop, id: switchId, status: "DONE" },
    include: { campaign: true },
  });
  if (!item?.appliedAt) return;
  const { campaign } = item;
  const appliedAt = item.appliedAt;
  const on = item.direction === "ON";
  const note = [
    reason ? `Reason: ${reason}.` : "",
    item.late ? "Ran late: the scheduler was not running at the planned time." : "",
  ]
    .filter(Boolean)
    .join(" ");
  const action = await recordAction(shop, {
    source: "MERCHDESK",
    kind: on ? "homepage.switch_on" : "homepage.switch_off",
    title: on
      ? `Home page campaign "${campaign.name}" went live`
      : `Home page campaign "${campaign.name}" ended`,
    note: note || null,
    startedAt: appliedAt,
    endedAt: on ? null : appliedAt,
    actor: "scheduler",
    outcome: "SUCCEEDED",
    detailsPath: `/app/homepage/${campaign.id}`,
    externalKey: `switch:${item.id}:${item.dueAt.getTime()}`,
    touched: touchedBy(campaign),
  });
  await db().homepageSwitch.updateMany({
    where: { id: item.id, appliedAt },
    data: { actionId: action.id },
  });
  if (!on) {
    const onSwitch = await db().homepageSwitch.findFirst({
      where: { shop, campaignId: campaign.id, direction: "ON", status: "DONE" },
    });
    if (onSwitch?.actionId) await endAction(shop, onSwitch.actionId, appliedAt);
  }
  if (item.verifiedAt === null) await verifySwitchOnStorefront(shop, item.id);
}

/** App-block mode: the campaign that should be live now, plus the schedule, written if changed. */
async function applyAppBlockSwitch(
  shop: string,
  gateway: ShopifyGateway,
  now: Date,
  known: HomepageCampaign[],
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    // First from what was read at the instant; after a refused write, from fresh.
    const campaigns =
      attempt === 0
        ? known.filter(
            (c) => c.mode === "APP_BLOCK" && (c.status === "SCHEDULED" || c.status === "LIVE"),
          )
        : await scheduleState(shop);
    const wanted = desiredLive(campaigns, now);
    if (wanted && !wanted.metaobjectId) wanted.metaobjectId = await ensureContent(gateway, wanted);
    const current = await readLiveState(gateway);
    try {
      return await applyLiveState(
        gateway,
        current,
        wanted?.metaobjectId ?? null,
        scheduleEntries(campaigns, now),
      );
    } catch (error) {
      // Another switch of this shop wrote between our read and write: decide again from fresh.
      if (!(error instanceof StaleLiveStateError) || attempt >= 5) throw error;
    }
  }
}

/**
 * The due-check: every switch that is due by the app clock and not done (or whose claim expired
 * with a killed worker) is queued now. Late ones then say they were late.
 */
export async function queueDueSwitches(limit = 500): Promise<number> {
  const now = await appNow();
  // Switches just due are their own (startAfter, real-time) jobs' work; the due-check catches up
  // what they missed. When the app clock runs ahead of real time (an advanced emulator clock),
  // those jobs are not due yet, so the due-check runs everything due at once.
  const ahead = now.getTime() - Date.now() > CLOCK_AHEAD_MS;
  const cutoff = ahead ? now : new Date(now.getTime() - DUE_CHECK_GRACE_MS);
  const due = await db().homepageSwitch.findMany({
    where: {
      dueAt: { lte: cutoff },
      OR: [{ status: "PENDING" }, { status: "RUNNING", leaseUntil: { lt: new Date() } }],
    },
    orderBy: { dueAt: "asc" },
    take: limit,
  });
  for (const item of due) {
    // One catch-up job per switch at a time (the switch queue is exclusive per key); a claim
    // lost with a killed worker gets a key of its own, so the dead job cannot block it.
    const lost = item.status === "RUNNING" ? `:${item.startedAt?.getTime() ?? 0}` : "";
    await switchJobs().run(
      { shop: item.shop, switchId: item.id },
      undefined,
      `${item.id}:due${lost}`,
    );
  }
  const orphaned = await requeueOrphanedClaims();
  // A follow-up lost with a worker that died right after the switch: queue it again.
  const unrecorded = await db().homepageSwitch.findMany({
    where: {
      status: "DONE",
      actionId: null,
      updatedAt: { lt: new Date(Date.now() - FOLLOW_UP_GRACE_MS) },
    },
    select: { id: true, shop: true },
    take: limit,
  });
  for (const item of unrecorded) {
    await switchJobs().followUp({ shop: item.shop, switchId: item.id });
  }
  return due.length + orphaned;
}

/**
 * Queues at once every switch claimed by a worker process that has died (its liveness lock is
 * gone), without waiting for the claim's lease to expire. Each worker runs it every second.
 */
export async function requeueOrphanedClaims(): Promise<number> {
  const orphaned = await orphanedClaims();
  for (const item of orphaned) {
    await switchJobs().run(
      { shop: item.shop, switchId: item.id },
      undefined,
      `${item.id}:due:${item.startedAt?.getTime() ?? 0}`,
    );
  }
  return orphaned.length;
}

/** Whether any switch is still waiting (the emulator-clock tick keeps running while so). */
export async function hasPendingSwitches(): Promise<boolean> {
  return (
    (await db().homepageSwitch.count({ where: { status: { in: ["PENDING", "RUNNING"] } } })) > 0
  );
}
