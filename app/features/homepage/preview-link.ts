/**
 * The storefront preview link of an app-block campaign (docs/decisions/035-storefront-preview-link.md):
 * `https://<store>/#merchdesk-preview=<token>`. The token is a random secret; the theme block's
 * script sends it to the app proxy, which answers with the campaign only for a matching, unexpired
 * token of that shop. It travels in the fragment so it never reaches the storefront's server, its
 * caches, analytics or Referer headers.
 */

export const PREVIEW_FRAGMENT_KEY = "merchdesk-preview";
/** Like Shopify's own shared theme previews, a link stops working after 14 days. */
export const PREVIEW_LIFETIME_MS = 14 * 86_400_000;
/** 32 random bytes, base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newPreviewToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64url");
}

/** Whether a string can be a token at all (checked before any database lookup). */
export function isWellFormedToken(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

/** The link: the shop's storefront home page with the token in the fragment. */
export function previewLinkUrl(storefrontHomeUrl: string, token: string): string {
  const url = new URL(storefrontHomeUrl);
  url.hash = `${PREVIEW_FRAGMENT_KEY}=${token}`;
  return url.toString();
}

/** The token in a location hash (`#merchdesk-preview=…`), or null. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get(PREVIEW_FRAGMENT_KEY);
  return isWellFormedToken(token) ? token : null;
}

export interface PreviewableCampaign {
  mode: "APP_BLOCK" | "TEMPLATE";
  status: string;
  previewToken: string | null;
  previewExpiresAt: Date | null;
}

/**
 * Whether a campaign's preview may be shown for `token` at `now`: an app-block campaign that has
 * not ended or been cancelled, whose stored token is exactly this one and has not expired.
 */
export function previewAllowed(campaign: PreviewableCampaign, token: string, now: Date): boolean {
  if (campaign.mode !== "APP_BLOCK") return false;
  if (!["SCHEDULED", "PAUSED", "LIVE"].includes(campaign.status)) return false;
  if (!campaign.previewToken || !campaign.previewExpiresAt) return false;
  if (!constantTimeEqual(campaign.previewToken, token)) return false;
  return now.getTime() < campaign.previewExpiresAt.getTime();
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
