import { db } from "../../db.server";
import { fetchStorefrontHome } from "../../shopify/storefront.server";
import { campaignAlert } from "./campaign-alert";
import { appNow } from "./clock.server";
import { HOME_TEMPLATE } from "./theme-access.server";
import { parseThemeJson } from "./theme-json";

/** Section ids the storefront renders (disabled sections are skipped). */
function visibleSectionIds(text: string): string[] {
  const data = parseThemeJson(text).data as {
    order?: string[];
    sections?: Record<string, { disabled?: boolean }>;
  };
  return (data.order ?? []).filter((id) => data.sections?.[id]?.disabled !== true);
}
import { templateShown, verifySwitch } from "./verification";

/**
 * Post-switch verification: fetch the storefront home page and confirm the campaign is (or is no
 * longer) visible. A failure is stored on the switch and raised as the campaign's alert.
 */
export async function verifySwitchOnStorefront(shop: string, switchId: string): Promise<void> {
  const item = await db().homepageSwitch.findFirst({
    where: { shop, id: switchId, status: "DONE" },
    include: { campaign: { include: { snapshots: true } } },
  });
  if (!item) return;
  const { campaign } = item;
  const expectShown = item.direction === "ON";
  let ok: boolean;
  let note: string;
  try {
    const { status, html } = await fetchStorefrontHome(shop);
    if (campaign.mode === "TEMPLATE") {
      const mine = campaign.snapshots.find((s) => s.kind === "CAMPAIGN");
      const text = (mine?.files as Record<string, string> | undefined)?.[HOME_TEMPLATE];
      const drifted = campaign.snapshots.some((s) => s.kind === "DRIFTED");
      const shown = status < 400 && templateShown(html, text ? visibleSectionIds(text) : []);
      // After drift the merchant's edited page stays on purpose; the alert asks them already.
      ok = drifted && !expectShown ? true : shown === expectShown;
      note = drifted && !expectShown ? "kept-merchant-edits" : shown ? "shown" : "not-shown";
    } else {
      const outcome = verifySwitch(html, status, campaign.metaobjectHandle, expectShown);
      ok = outcome.ok;
      note = outcome.note;
    }
  } catch (error) {
    ok = false;
    note = `fetch-failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  await db().homepageSwitch.update({
    where: { id: item.id },
    data: { verifiedAt: await appNow(), verifiedOk: ok, verifyNote: note },
  });
  if (!ok) {
    await db().homepageCampaign.updateMany({
      where: { shop, id: campaign.id },
      data: {
        alert: campaignAlert(expectShown ? "storefront_not_shown" : "storefront_still_shown", {
          note,
        }),
      },
    });
  }
}
