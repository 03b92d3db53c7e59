import { Prisma, type HomepageCampaign } from "@prisma/client";
import { db } from "../../db.server";
import { ShopifyRequestError, type ShopifyGateway } from "../../shopify/gateway.server";
import {
  HOMEPAGE_THEME_FILES_QUERY,
  HOMEPAGE_THEME_FILES_UPSERT,
} from "../../shopify/operations/homepage-theme-files";
import type { OnlineStoreThemeFileBodyInputType } from "../../types/admin.types";
import { campaignAlert } from "./campaign-alert";
import { md5, restoreDecision } from "./drift";
import { HOME_TEMPLATE, readLiveHomeTemplate } from "./theme-access.server";
import { parseThemeJson, sectionTypes } from "./theme-json";

/**
 * Template mode (stores whose installation may write theme files): the campaign's home page —
 * `templates/index.json` and the section files it uses — is snapshotted from a theme (typically a
 * draft designed in the theme editor), written to the live theme at the start, and what was live
 * before is restored at the end unless the merchant edited it meanwhile (drift.ts). Files are
 * copied as exact text, so the editor's header comment survives.
 */

export class ThemePermissionError extends Error {
  override name = "ThemePermissionError";
  constructor() {
    super(
      "Merchdesk may not write theme files in this store (write_themes and Shopify's exemption are needed); use app-block mode",
    );
  }
}

type Files = Record<string, string>;

async function themeFiles(
  gateway: ShopifyGateway,
  themeId: string,
  filenames: string[],
): Promise<{ name: string; files: Files } | null> {
  const { theme } = await gateway.query(HOMEPAGE_THEME_FILES_QUERY, {
    id: themeId,
    filenames: filenames.slice(0, 50),
  });
  if (!theme) return null;
  const files: Files = {};
  for (const file of theme.files?.nodes ?? []) {
    if ("content" in file.body) files[file.filename] = file.body.content;
  }
  return { name: theme.name, files };
}

/** Snapshots the campaign's home page from its source theme (once; later calls reuse it). */
export async function snapshotCampaignPage(
  shop: string,
  gateway: ShopifyGateway,
  campaign: HomepageCampaign,
): Promise<Files> {
  const existing = await db().homepageSnapshot.findFirst({
    where: { shop, campaignId: campaign.id, kind: "CAMPAIGN" },
  });
  if (existing) return existing.files as Files;
  if (!campaign.sourceThemeId) throw new Error("no source theme chosen");
  const index = await themeFiles(gateway, campaign.sourceThemeId, [HOME_TEMPLATE]);
  const template = index?.files[HOME_TEMPLATE];
  if (!template) throw new Error("the source theme has no templates/index.json");
  const sections = sectionTypes(parseThemeJson(template).data).map((t) => `sections/${t}.liquid`);
  const withSections = sections.length
    ? await themeFiles(gateway, campaign.sourceThemeId, sections)
    : null;
  const files: Files = { ...(withSections?.files ?? {}), [HOME_TEMPLATE]: template };
  await db().homepageSnapshot.upsert({
    where: { campaignId_kind: { campaignId: campaign.id, kind: "CAMPAIGN" } },
    create: {
      shop,
      campaignId: campaign.id,
      kind: "CAMPAIGN",
      themeId: campaign.sourceThemeId,
      files,
      checksum: md5(template),
    },
    update: {},
  });
  return files;
}

async function writeFiles(gateway: ShopifyGateway, themeId: string, files: Files) {
  try {
    const result = await gateway.mutate(
      HOMEPAGE_THEME_FILES_UPSERT,
      {
        themeId,
        files: Object.entries(files).map(([filename, value]) => ({
          filename,
          body: { type: "TEXT" as OnlineStoreThemeFileBodyInputType, value },
        })),
      },
      (data) => data.themeFilesUpsert,
      { idempotent: true },
    );
    if (!result.ok) throw new Error(result.userErrors.map((e) => e.message).join("; "));
  } catch (error) {
    if (error instanceof ShopifyRequestError && error.codes.includes("ACCESS_DENIED")) {
      throw new ThemePermissionError();
    }
    throw error;
  }
}

/** Applies a template-mode switch idempotently; returns whether anything was written. */
export async function applyTemplateSwitch(
  shop: string,
  gateway: ShopifyGateway,
  campaign: HomepageCampaign,
  direction: "ON" | "OFF",
): Promise<boolean> {
  const live = await readLiveHomeTemplate(gateway);
  if (!live) throw new Error("the store has no published theme");
  if (direction === "ON") {
    const files = await snapshotCampaignPage(shop, gateway, campaign);
    const campaignChecksum = md5(files[HOME_TEMPLATE]!);
    if (live.checksum === campaignChecksum) return false;
    const previous = await themeFiles(gateway, live.themeId, Object.keys(files));
    await db().homepageSnapshot.upsert({
      where: { campaignId_kind: { campaignId: campaign.id, kind: "PREVIOUS" } },
      create: {
        shop,
        campaignId: campaign.id,
        kind: "PREVIOUS",
        themeId: live.themeId,
        files: previous?.files ?? {},
        checksum: live.checksum ?? "",
      },
      update: {},
    });
    // Section files the live theme lacks or has differently go first, the template last.
    const sections = Object.fromEntries(
      Object.entries(files).filter(
        ([name, text]) => name !== HOME_TEMPLATE && previous?.files[name] !== text,
      ),
    );
    if (Object.keys(sections).length) await writeFiles(gateway, live.themeId, sections);
    await writeFiles(gateway, live.themeId, { [HOME_TEMPLATE]: files[HOME_TEMPLATE]! });
    return true;
  }
  const snapshots = await db().homepageSnapshot.findMany({
    where: { shop, campaignId: campaign.id },
  });
  const mine = snapshots.find((s) => s.kind === "CAMPAIGN");
  const before = snapshots.find((s) => s.kind === "PREVIOUS");
  if (!mine || !before) return false; // never went on: nothing to restore
  const decision = restoreDecision(live.checksum, mine.checksum, before.checksum);
  if (decision === "already-restored") return false;
  if (decision === "drifted") {
    await db().homepageSnapshot.upsert({
      where: { campaignId_kind: { campaignId: campaign.id, kind: "DRIFTED" } },
      create: {
        shop,
        campaignId: campaign.id,
        kind: "DRIFTED",
        themeId: live.themeId,
        files: { [HOME_TEMPLATE]: live.content ?? "" },
        checksum: live.checksum ?? "",
      },
      update: {
        files: { [HOME_TEMPLATE]: live.content ?? "" },
        checksum: live.checksum ?? "",
      },
    });
    await db().homepageCampaign.updateMany({
      where: { shop, id: campaign.id },
      data: {
        alert: campaignAlert("template_drift"),
      },
    });
    return false;
  }
  const previousTemplate = (before.files as Files)[HOME_TEMPLATE];
  if (previousTemplate === undefined) return false;
  await writeFiles(gateway, live.themeId, { [HOME_TEMPLATE]: previousTemplate });
  return true;
}

/** The merchant's answer to drift: restore the page from before the campaign, or keep theirs. */
export async function resolveDrift(
  shop: string,
  gateway: ShopifyGateway,
  campaignId: string,
  choice: "restore-previous" | "keep-current",
): Promise<boolean> {
  const drifted = await db().homepageSnapshot.findFirst({
    where: { shop, campaignId, kind: "DRIFTED" },
  });
  if (!drifted) return false;
  if (choice === "restore-previous") {
    const before = await db().homepageSnapshot.findFirst({
      where: { shop, campaignId, kind: "PREVIOUS" },
    });
    const text = (before?.files as Files | undefined)?.[HOME_TEMPLATE];
    if (!before || text === undefined) return false;
    await writeFiles(gateway, before.themeId, { [HOME_TEMPLATE]: text });
  }
  await db().homepageCampaign.updateMany({
    where: { shop, id: campaignId },
    data: { alert: Prisma.DbNull },
  });
  return true;
}
