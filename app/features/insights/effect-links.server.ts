import { db } from "../../db.server";
import { effectsHref } from "./effects-href";

/**
 * Links to the effects of the actions recorded under these external keys (e.g.
 * `collections.change:<id>`), for a capability's history list: key → insights link. Keys
 * without a recorded action (a change not applied yet) are absent.
 */
export async function effectLinksByKey(
  shop: string,
  externalKeys: readonly string[],
): Promise<Record<string, string>> {
  if (!externalKeys.length) return {};
  const actions = await db().action.findMany({
    where: { shop, externalKey: { in: [...externalKeys] } },
    select: { id: true, externalKey: true },
  });
  return Object.fromEntries(actions.map((a) => [a.externalKey!, effectsHref(a.id)]));
}

/** Links to the effects of a home-page campaign's switches that were recorded: switch id → link. */
export async function switchEffectLinks(
  shop: string,
  campaignId: string,
): Promise<Record<string, string>> {
  const switches = await db().homepageSwitch.findMany({
    where: { shop, campaignId, actionId: { not: null } },
    select: { id: true, actionId: true },
  });
  return Object.fromEntries(switches.map((s) => [s.id, effectsHref(s.actionId!)]));
}
