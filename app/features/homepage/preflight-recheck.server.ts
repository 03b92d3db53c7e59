import { db } from "../../db.server";
import { campaignAlert } from "./campaign-alert";
import { appNow } from "./clock.server";
import { runPreflight } from "./preflight.server";
import { gatewayFor } from "./switches.server";

/**
 * Pre-flight again shortly before the start: the result replaces the one from saving, and new
 * problems are raised as the campaign's alert so the merchant sees them before shoppers do.
 */
export async function recheckPreflight(shop: string, campaignId: string): Promise<void> {
  const campaign = await db().homepageCampaign.findFirst({
    where: { shop, id: campaignId, status: "SCHEDULED" },
  });
  if (!campaign) return;
  const result = await runPreflight(shop, await gatewayFor(shop), campaign, await appNow());
  const warnings = result.warnings.filter((w) => w.code !== "START_IN_PAST");
  await db().homepageCampaign.updateMany({
    where: { shop, id: campaignId },
    data: {
      preflight: result as object,
      ...(warnings.length ? { alert: campaignAlert("preflight_warnings", {}, warnings) } : {}),
    },
  });
}
