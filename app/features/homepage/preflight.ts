/**
 * Pre-flight checks for a campaign, as pure rules over what the store reports. Warnings do not
 * block saving (the merchant may fix the collection before the start); they are shown on the
 * campaign and checked again shortly before it goes live.
 */

export type PreflightCode =
  | "START_IN_PAST"
  | "COLLECTION_DELETED"
  | "COLLECTION_EMPTY"
  | "COLLECTION_UNPUBLISHED"
  | "COLLECTION_SOLD_OUT"
  | "BLOCK_NOT_PLACED"
  | "THEME_PERMISSION_MISSING"
  | "SOURCE_THEME_MISSING";

export interface PreflightWarning {
  code: PreflightCode;
  /** What it is about (collection title, theme name), for the message. */
  subject?: string;
}

export interface PreflightResult {
  checkedAt: string;
  warnings: PreflightWarning[];
}

export interface CollectionFacts {
  title: string;
  productsCount: number;
  onOnlineStore: boolean;
  /** Products in the collection that are active and can be bought (stock or not tracked). */
  buyableProducts: number;
  activeProducts: number;
}

export interface PreflightFacts {
  mode: "APP_BLOCK" | "TEMPLATE";
  startsAt: Date;
  now: Date;
  /** undefined: no collection linked; null: linked but deleted. */
  collection?: CollectionFacts | null;
  blockPlaced?: boolean;
  canWriteThemes?: boolean;
  sourceThemeFound?: boolean;
}

export function preflightWarnings(facts: PreflightFacts): PreflightWarning[] {
  const warnings: PreflightWarning[] = [];
  if (facts.startsAt < facts.now) warnings.push({ code: "START_IN_PAST" });
  if (facts.collection === null) warnings.push({ code: "COLLECTION_DELETED" });
  else if (facts.collection) {
    const c = facts.collection;
    if (c.productsCount === 0) warnings.push({ code: "COLLECTION_EMPTY", subject: c.title });
    else if (c.activeProducts > 0 && c.buyableProducts === 0)
      warnings.push({ code: "COLLECTION_SOLD_OUT", subject: c.title });
    if (!c.onOnlineStore) warnings.push({ code: "COLLECTION_UNPUBLISHED", subject: c.title });
  }
  if (facts.mode === "APP_BLOCK" && facts.blockPlaced === false)
    warnings.push({ code: "BLOCK_NOT_PLACED" });
  if (facts.mode === "TEMPLATE" && facts.canWriteThemes === false)
    warnings.push({ code: "THEME_PERMISSION_MISSING" });
  if (facts.mode === "TEMPLATE" && facts.sourceThemeFound === false)
    warnings.push({ code: "SOURCE_THEME_MISSING" });
  return warnings;
}
