import { describe, expect, it } from "vitest";
import { translate } from "../../i18n";
import { validateCampaignForm } from "./campaign-input";

const context = { zone: "Europe/Stockholm", now: new Date("2026-11-01T10:00:00Z") };
const base = { name: "Black Week", startsAt: "2026-11-23T00:00", heading: "Black Week" };

describe("campaign form validation", () => {
  it("GIVEN a complete form THEN the local times become UTC instants", () => {
    const result = validateCampaignForm({ ...base, endsAt: "2026-11-30T23:59" }, context);
    expect(result.ok && result.value.startsAt.toISOString()).toBe("2026-11-22T23:00:00.000Z");
    expect(result.ok && result.value.endsAt?.toISOString()).toBe("2026-11-30T22:59:00.000Z");
  });

  it("GIVEN no end THEN the campaign is open-ended", () => {
    const result = validateCampaignForm(base, context);
    expect(result.ok && result.value.endsAt).toBeNull();
  });

  it("GIVEN an end before the start THEN the end field is named", () => {
    const result = validateCampaignForm({ ...base, endsAt: "2026-11-22T10:00" }, context);
    expect(result).toEqual({
      ok: false,
      errors: { endsAt: { key: "homepage.error.endBeforeStart" } },
    });
  });

  it("GIVEN a start in the past THEN the start field is named", () => {
    const result = validateCampaignForm({ ...base, startsAt: "2026-10-01T10:00" }, context);
    expect(!result.ok && result.errors.startsAt).toEqual({ key: "homepage.error.startInPast" });
  });

  it("GIVEN app-block mode without a heading THEN the heading field is named", () => {
    const result = validateCampaignForm({ ...base, heading: "" }, context);
    expect(!result.ok && result.errors.heading).toEqual({ key: "homepage.error.headingRequired" });
  });

  it("GIVEN a javascript: button link THEN it is refused", () => {
    const result = validateCampaignForm({ ...base, buttonLink: "javascript:alert(1)" }, context);
    expect(!result.ok && result.errors.buttonLink).toEqual({ key: "homepage.error.buttonLink" });
  });

  it("GIVEN picked ids THEN a collection and a product or collection target pass; other kinds are named with a message key", () => {
    const ok = validateCampaignForm(
      {
        ...base,
        collectionId: "gid://shopify/Collection/7",
        buttonTargetId: "gid://shopify/Product/9",
      },
      context,
    );
    expect(ok.ok && [ok.value.collectionId, ok.value.buttonTargetId]).toEqual([
      "gid://shopify/Collection/7",
      "gid://shopify/Product/9",
    ]);
    const wrong = validateCampaignForm(
      {
        ...base,
        collectionId: "gid://shopify/Product/7",
        buttonTargetId: "gid://shopify/Order/9",
      },
      context,
    );
    expect(wrong).toEqual({
      ok: false,
      errors: {
        collectionId: { key: "homepage.error.collectionId" },
        buttonTargetId: { key: "homepage.error.buttonTargetId" },
      },
    });
  });

  it("GIVEN a start at 02:30 on the spring-forward night THEN it moves to 03:30 and is noted", () => {
    const result = validateCampaignForm(
      { ...base, startsAt: "2027-03-28T02:30" },
      { ...context, now: new Date("2027-03-01T00:00:00Z") },
    );
    expect(result.ok && result.value.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(result.ok && result.value.dst).toEqual([
      { field: "startsAt", adjustment: "skipped-forward", entered: "2027-03-28T02:30" },
    ]);
  });

  it("GIVEN an end at 02:30 on the autumn night THEN the first (summer time) 02:30 is used and noted", () => {
    const result = validateCampaignForm(
      { ...base, startsAt: "2027-10-30T12:00", endsAt: "2027-10-31T02:30" },
      { ...context, now: new Date("2027-10-01T00:00:00Z") },
    );
    expect(result.ok && result.value.endsAt?.toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(result.ok && result.value.dst).toEqual([
      { field: "endsAt", adjustment: "ambiguous-first", entered: "2027-10-31T02:30" },
    ]);
  });

  it("GIVEN text over its limit, a missing name and a malformed time THEN each is a key, the limit a variable", () => {
    const result = validateCampaignForm(
      { ...base, name: " ", heading: "x".repeat(256), buttonLabel: "y".repeat(81) },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        name: { key: "homepage.error.required" },
        heading: { key: "homepage.error.tooLong", vars: { max: 255 } },
        buttonLabel: { key: "homepage.error.tooLong", vars: { max: 80 } },
      },
    });
    const time = validateCampaignForm({ ...base, startsAt: "2026-13-01T10:00" }, context);
    expect(time).toEqual({ ok: false, errors: { startsAt: { key: "homepage.error.dateTime" } } });
    const missing = validateCampaignForm({ heading: "x" }, context);
    expect(missing).toEqual({
      ok: false,
      errors: {
        name: { key: "homepage.error.required" },
        startsAt: { key: "homepage.error.required" },
      },
    });
  });

  it("GIVEN template mode without a theme, an unknown mode or a bad image THEN the fields name their keys", () => {
    const template = validateCampaignForm({ ...base, mode: "TEMPLATE" }, context);
    expect(template).toEqual({
      ok: false,
      errors: { sourceThemeId: { key: "homepage.error.sourceThemeRequired" } },
    });
    const wrong = validateCampaignForm(
      {
        ...base,
        mode: "POPUP",
        imageUrl: "ftp://x",
        sourceThemeId: "gid://shopify/Product/1",
      },
      context,
    );
    expect(wrong).toEqual({
      ok: false,
      errors: {
        mode: { key: "homepage.error.mode" },
        imageUrl: { key: "homepage.error.imageUrl" },
        sourceThemeId: { key: "homepage.error.sourceThemeId" },
      },
    });
  });

  it("GIVEN every key an error can carry THEN English and Swedish both have it", () => {
    const results = [
      validateCampaignForm({ ...base, name: "" }, context),
      validateCampaignForm({ ...base, heading: "x".repeat(300), mode: "X" }, context),
      validateCampaignForm(
        { ...base, heading: "", startsAt: "2026-10-01T10:00", endsAt: "bad" },
        context,
      ),
      validateCampaignForm(
        { ...base, startsAt: "2026-10-15T00:00", endsAt: "2026-10-20T00:00" },
        { ...context, startMayBePast: true },
      ),
    ];
    const errors = results.flatMap((result) => (result.ok ? [] : Object.values(result.errors)));
    expect(errors.map((e) => e!.key).sort()).toEqual([
      "homepage.error.dateTime",
      "homepage.error.endInPast",
      "homepage.error.headingRequired",
      "homepage.error.mode",
      "homepage.error.required",
      "homepage.error.startInPast",
      "homepage.error.tooLong",
    ]);
    for (const error of errors) {
      expect(translate("sv", error!.key, error!.vars)).not.toBe(
        translate("en", error!.key, error!.vars),
      );
    }
    expect(translate("sv", "homepage.error.tooLong", { max: 255 })).toBe(
      "Använd högst 255 tecken.",
    );
  });
});
