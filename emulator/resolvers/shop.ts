import { zoneOffsetMs } from "../analytics/zoned-time";
import type { Resolvers } from "../graphql/context";
import type { ShopPlan, ShopState } from "../store/types";

/** `shop` and `currentAppInstallation`: who the app is talking to, and what it may do. */

const PLAN_NAMES: Record<ShopPlan, { displayName: string; publicDisplayName: string }> = {
  BASIC: { displayName: "Basic", publicDisplayName: "Basic" },
  STANDARD: { displayName: "Shopify", publicDisplayName: "Grow" },
  ADVANCED: { displayName: "Advanced", publicDisplayName: "Advanced" },
  PLUS: { displayName: "Shopify Plus", publicDisplayName: "Plus" },
};

/** Short zone name ("CET", "EST"), falling back to "GMT+1" style where no abbreviation exists. */
export function timezoneAbbreviation(ianaTimezone: string, at: Date): string {
  for (const locale of ["en-US", "en-GB"]) {
    const part = new Intl.DateTimeFormat(locale, { timeZone: ianaTimezone, timeZoneName: "short" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (part && !/^(GMT|UTC)[+-]/.test(part)) return part;
  }
  return (
    new Intl.DateTimeFormat("en-US", { timeZone: ianaTimezone, timeZoneName: "short" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value ?? "UTC"
  );
}

/** Offset from UTC in minutes for the zone at `at` (DST-aware). */
export function timezoneOffsetMinutes(ianaTimezone: string, at: Date): number {
  return Math.round(zoneOffsetMs(at.getTime(), ianaTimezone) / 60000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

export function shopView(shop: ShopState, now: Date): Record<string, unknown> {
  const offset = timezoneOffsetMinutes(shop.ianaTimezone, now);
  return {
    __typename: "Shop",
    id: shop.id,
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    myshopifyDomain: shop.domain,
    url: `https://${shop.domain}`,
    currencyCode: shop.currencyCode,
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: timezoneAbbreviation(shop.ianaTimezone, now),
    timezoneOffsetMinutes: offset,
    timezoneOffset: formatOffset(offset),
    plan: {
      __typename: "ShopPlan",
      ...PLAN_NAMES[shop.plan],
      partnerDevelopment: false,
      shopifyPlus: shop.plan === "PLUS",
    },
  };
}

export function appInstallationView(shop: ShopState): Record<string, unknown> {
  const storeHandle = shop.domain.replace(/\.myshopify\.com$/, "");
  return {
    __typename: "AppInstallation",
    id: shop.app.installationId,
    accessScopes: shop.app.scopes.map((handle) => ({
      __typename: "AccessScope",
      handle,
      description: handle,
    })),
    launchUrl: `https://admin.shopify.com/store/${storeHandle}/apps/${shop.app.handle}`,
    uninstallUrl: null,
    app: {
      __typename: "App",
      id: shop.app.id,
      handle: shop.app.handle,
      title: "Merchdesk",
      embedded: true,
    },
  };
}

export const shopResolvers: Resolvers = {
  QueryRoot: {
    shop: (_source, _args, ctx) => shopView(ctx.shop, ctx.clock.now()),
    currentAppInstallation: (_source, _args, ctx) => appInstallationView(ctx.shop),
  },
};
