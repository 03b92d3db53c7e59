import { randomUUID } from "node:crypto";
import type { HomepageCampaign, HomepageSwitch } from "@prisma/client";
import { db } from "../../db.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import { appNow } from "./clock.server";
import "./jobs.server"; // registers how switches are queued
import {
  fieldError,
  validateCampaignForm,
  type FieldErrors,
  type ValidCampaign,
} from "./campaign-input";
import { checkCampaignReferences } from "./campaign-references.server";
import { runPreflight, type PreflightResult } from "./preflight.server";
import { overlapsWith } from "./schedule";
import { planSwitches, switchNow } from "./switches.server";
import { isValidZone } from "./zoned-time";

/**
 * Home-page campaigns: the repository (every query scoped to the shop) and the merchant's use
 * cases — plan, edit, pause, resume, cancel, end early. Saving writes the campaign's storefront
 * content and (re)plans its switches; the scheduler does the rest.
 */

export type CampaignWithSwitches = HomepageCampaign & { switches: HomepageSwitch[] };

export async function shopZone(shop: string): Promise<string> {
  const record = await db().shop.findUnique({ where: { domain: shop } });
  const zone = record?.ianaTimezone ?? "UTC";
  return isValidZone(zone) ? zone : "UTC";
}

export function listCampaigns(shop: string): Promise<CampaignWithSwitches[]> {
  return db().homepageCampaign.findMany({
    where: { shop },
    include: { switches: { orderBy: { dueAt: "asc" } } },
    orderBy: { startsAt: "asc" },
  });
}

export function getCampaign(shop: string, id: string): Promise<CampaignWithSwitches | null> {
  return db().homepageCampaign.findFirst({
    where: { shop, id },
    include: { switches: { orderBy: { dueAt: "asc" } } },
  });
}

export type SaveResult =
  | { ok: true; campaign: HomepageCampaign; preflight: PreflightResult; dst: ValidCampaign["dst"] }
  | { ok: false; errors: FieldErrors; overlaps?: { id: string; name: string }[] };

/** Creates (no id) or edits a campaign from the merchant's form. */
export async function saveCampaign(
  shop: string,
  gateway: ShopifyGateway,
  actor: string,
  raw: unknown,
  id?: string,
): Promise<SaveResult> {
  const existing = id ? await getCampaign(shop, id) : null;
  if (id && !existing)
    return { ok: false, errors: { form: fieldError("homepage.error.campaignNotFound") } };
  if (existing && !["SCHEDULED", "PAUSED", "LIVE"].includes(existing.status)) {
    return { ok: false, errors: { form: fieldError("homepage.error.notEditable") } };
  }
  const now = await appNow();
  const zone = await shopZone(shop);
  const validation = validateCampaignForm(raw, {
    zone,
    now,
    startMayBePast: existing?.status === "LIVE",
  });
  if (!validation.ok) return { ok: false, errors: validation.errors };
  const input = validation.value;
  const references = await checkCampaignReferences(gateway, input);
  if (!references.ok) return { ok: false, errors: references.errors };
  const buttonLink = references.buttonLink ?? input.buttonLink;
  if (existing?.status === "LIVE" && input.startsAt.getTime() !== existing.startsAt.getTime()) {
    return { ok: false, errors: { startsAt: fieldError("homepage.error.startLocked") } };
  }
  if (existing && existing.mode !== input.mode && existing.status === "LIVE") {
    return { ok: false, errors: { mode: fieldError("homepage.error.modeLocked") } };
  }
  const others = await db().homepageCampaign.findMany({
    where: { shop, status: { in: ["SCHEDULED", "LIVE"] } },
  });
  const overlaps = overlapsWith({ ...input, id }, others);
  if (overlaps.length > 0 && !input.confirmOverlap) {
    return {
      ok: false,
      errors: { startsAt: fieldError("homepage.error.overlap") },
      overlaps: overlaps.map((c) => ({ id: c.id, name: c.name })),
    };
  }
  const campaignId = existing?.id ?? randomUUID();
  const data = {
    name: input.name,
    mode: input.mode,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    notes: input.notes || null,
    heading: input.heading,
    text: input.text,
    buttonLabel: input.buttonLabel,
    buttonLink,
    imageUrl: input.imageUrl,
    collectionId: input.collectionId,
    sourceThemeId: input.sourceThemeId,
  };
  const campaign = existing
    ? await db().homepageCampaign.update({ where: { id: existing.id }, data })
    : await db().homepageCampaign.create({
        data: {
          ...data,
          id: campaignId,
          shop,
          metaobjectHandle: `campaign-${campaignId}`,
          createdBy: actor,
        },
      });
  const preflight = await runPreflight(shop, gateway, campaign, now);
  const saved = await db().homepageCampaign.update({
    where: { id: campaign.id },
    data: { preflight: preflight as object },
  });
  await planSwitches(shop, gateway, saved.id);
  return { ok: true, campaign: saved, preflight, dst: input.dst };
}

async function setStatus(shop: string, id: string, from: string[], to: "PAUSED" | "SCHEDULED") {
  const { count } = await db().homepageCampaign.updateMany({
    where: { shop, id, status: { in: from as HomepageCampaign["status"][] } },
    data: { status: to },
  });
  return count === 1;
}

/**
 * Pausing takes a campaign out of the schedule (a live one comes off the home page now);
 * resuming puts it back (on again at once if its window is running).
 */
export async function pauseCampaign(shop: string, gateway: ShopifyGateway, id: string) {
  const campaign = await getCampaign(shop, id);
  if (!campaign) return false;
  const wasLive = campaign.status === "LIVE";
  if (!(await setStatus(shop, id, ["SCHEDULED", "LIVE"], "PAUSED"))) return false;
  await planSwitches(shop, gateway, id);
  if (wasLive) await switchNow(shop, gateway, id, "OFF", "paused");
  return true;
}

export async function resumeCampaign(shop: string, gateway: ShopifyGateway, id: string) {
  if (!(await setStatus(shop, id, ["PAUSED"], "SCHEDULED"))) return false;
  await planSwitches(shop, gateway, id);
  return true;
}

/** Cancels a campaign that has not ended; a live one comes off the home page now. */
export async function cancelCampaign(shop: string, gateway: ShopifyGateway, id: string) {
  const campaign = await getCampaign(shop, id);
  if (!campaign || !["SCHEDULED", "PAUSED", "LIVE"].includes(campaign.status)) return false;
  const wasLive = campaign.status === "LIVE";
  await db().homepageCampaign.updateMany({
    where: { shop, id },
    data: { status: "CANCELLED" },
  });
  await planSwitches(shop, gateway, id);
  if (wasLive) await switchNow(shop, gateway, id, "OFF", "cancelled");
  return true;
}

/** Ends a live campaign now (its end becomes now; the switch back runs at once). */
export async function endCampaignNow(shop: string, gateway: ShopifyGateway, id: string) {
  const campaign = await getCampaign(shop, id);
  if (!campaign || campaign.status !== "LIVE") return false;
  const now = await appNow();
  await db().homepageCampaign.updateMany({ where: { shop, id }, data: { endsAt: now } });
  await planSwitches(shop, gateway, id);
  await switchNow(shop, gateway, id, "OFF", "ended early");
  return true;
}
