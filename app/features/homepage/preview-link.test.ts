import { describe, expect, it } from "vitest";
import {
  isWellFormedToken,
  newPreviewToken,
  previewAllowed,
  previewLinkUrl,
  tokenFromFragment,
  type PreviewableCampaign,
} from "./preview-link";

const now = new Date("2026-11-10T12:00:00Z");
const token = newPreviewToken();
const campaign: PreviewableCampaign = {
  mode: "APP_BLOCK",
  status: "SCHEDULED",
  previewToken: token,
  previewExpiresAt: new Date("2026-11-20T12:00:00Z"),
};

describe("preview tokens", () => {
  it("GIVEN new tokens THEN each is 32 random bytes in base64url, and they differ", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newPreviewToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(isWellFormedToken(t)).toBe(true);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }
  });

  it("GIVEN a storefront URL THEN the link carries the token in the fragment only", () => {
    const link = previewLinkUrl("https://fjallvik.myshopify.com/", token);
    const url = new URL(link);
    expect(url.search).toBe("");
    expect(url.hash).toBe(`#merchdesk-preview=${token}`);
    expect(tokenFromFragment(url.hash)).toBe(token);
    expect(tokenFromFragment("#merchdesk-preview=short")).toBeNull();
    expect(tokenFromFragment("#other=1")).toBeNull();
  });

  it("GIVEN the exact token of an open app-block campaign before expiry THEN the preview is allowed", () => {
    expect(previewAllowed(campaign, token, now)).toBe(true);
    expect(previewAllowed({ ...campaign, status: "PAUSED" }, token, now)).toBe(true);
    expect(previewAllowed({ ...campaign, status: "LIVE" }, token, now)).toBe(true);
  });

  it("GIVEN anything else THEN it is refused", () => {
    const other = newPreviewToken();
    expect(previewAllowed(campaign, other, now)).toBe(false);
    expect(previewAllowed({ ...campaign, previewToken: null }, token, now)).toBe(false);
    expect(previewAllowed({ ...campaign, mode: "TEMPLATE" }, token, now)).toBe(false);
    expect(previewAllowed({ ...campaign, status: "ENDED" }, token, now)).toBe(false);
    expect(previewAllowed({ ...campaign, status: "CANCELLED" }, token, now)).toBe(false);
    expect(previewAllowed(campaign, token, campaign.previewExpiresAt!)).toBe(false);
  });
});
