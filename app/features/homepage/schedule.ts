/**
 * Pure scheduling rules for home-page campaigns: which campaign the home page should show at an
 * instant, which campaigns overlap, and what the storefront needs to switch on time by itself.
 */

export type CampaignState = "SCHEDULED" | "PAUSED" | "LIVE" | "ENDED" | "CANCELLED" | "FAILED";

export interface ScheduledCampaign {
  id: string;
  name: string;
  status: CampaignState;
  startsAt: Date;
  /** null: open-ended. */
  endsAt: Date | null;
}

/** Campaigns that still take part in the schedule (paused, cancelled, ended and failed do not). */
export function isScheduled(campaign: Pick<ScheduledCampaign, "status">): boolean {
  return campaign.status === "SCHEDULED" || campaign.status === "LIVE";
}

/** Whether [startsAt, endsAt) contains `at` (open-ended campaigns never end). */
export function isWithin(campaign: Pick<ScheduledCampaign, "startsAt" | "endsAt">, at: Date) {
  const t = at.getTime();
  return campaign.startsAt.getTime() <= t && (!campaign.endsAt || t < campaign.endsAt.getTime());
}

/**
 * The campaign the home page should show at `at`: among scheduled campaigns running then, the one
 * that started last (a campaign placed inside another takes over, and the outer one comes back
 * when it ends). Ties go to the campaign created first (lower id order is stable).
 */
export function desiredLive<C extends ScheduledCampaign>(campaigns: C[], at: Date): C | null {
  let best: C | null = null;
  for (const campaign of campaigns) {
    if (!isScheduled(campaign) || !isWithin(campaign, at)) continue;
    if (
      !best ||
      campaign.startsAt > best.startsAt ||
      (campaign.startsAt.getTime() === best.startsAt.getTime() && campaign.id < best.id)
    ) {
      best = campaign;
    }
  }
  return best;
}

function rangesOverlap(
  a: Pick<ScheduledCampaign, "startsAt" | "endsAt">,
  b: Pick<ScheduledCampaign, "startsAt" | "endsAt">,
): boolean {
  const aEnd = a.endsAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bEnd = b.endsAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return a.startsAt.getTime() < bEnd && b.startsAt.getTime() < aEnd;
}

/** Scheduled campaigns (other than the candidate itself) whose window overlaps the candidate's. */
export function overlapsWith<C extends ScheduledCampaign>(
  candidate: Pick<ScheduledCampaign, "startsAt" | "endsAt"> & { id?: string },
  others: C[],
): C[] {
  return others.filter(
    (other) => other.id !== candidate.id && isScheduled(other) && rangesOverlap(candidate, other),
  );
}

export interface ScheduleEntry {
  id: string;
  startsAt: string;
  endsAt: string | null;
}

/**
 * What the storefront block needs to switch by itself at the exact instant, whatever page cache
 * sits in front of it: the campaigns live now or starting within `horizonMs`, with their
 * instants. Ordered by start.
 */
export function storefrontSchedule<C extends ScheduledCampaign>(
  campaigns: C[],
  now: Date,
  horizonMs: number,
): ScheduleEntry[] {
  const horizon = now.getTime() + horizonMs;
  return campaigns
    .filter(
      (c) =>
        isScheduled(c) &&
        c.startsAt.getTime() <= horizon &&
        (!c.endsAt || c.endsAt.getTime() > now.getTime()),
    )
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
    .map((c) => ({
      id: c.id,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt?.toISOString() ?? null,
    }));
}

/** The schedule entry the browser shows at `at` (the same rule as desiredLive). */
export function liveEntryAt(entries: ScheduleEntry[], at: Date): ScheduleEntry | null {
  const asCampaigns = entries.map((entry) => ({
    id: entry.id,
    name: entry.id,
    status: "SCHEDULED" as const,
    startsAt: new Date(entry.startsAt),
    endsAt: entry.endsAt ? new Date(entry.endsAt) : null,
  }));
  const live = desiredLive(asCampaigns, at);
  return live ? (entries.find((entry) => entry.id === live.id) ?? null) : null;
}
