import { describe, expect, it } from "vitest";
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
    expect(result).toEqual({ ok: false, errors: { endsAt: "must be after the start" } });
  });

  it("GIVEN a start in the past THEN the start field is named", () => {
    const result = validateCampaignForm({ ...base, startsAt: "2026-10-01T10:00" }, context);
    expect(!result.ok && result.errors.startsAt).toBe("is in the past");
  });

  it("GIVEN app-block mode without a heading THEN the heading field is named", () => {
    const result = validateCampaignForm({ ...base, heading: "" }, context);
    expect(!result.ok && result.errors.heading).toMatch(/required/);
  });

  it("GIVEN a javascript: button link THEN it is refused", () => {
    const result = validateCampaignForm({ ...base, buttonLink: "javascript:alert(1)" }, context);
    expect(!result.ok && result.errors.buttonLink).toBeTruthy();
  });

  it("GIVEN a start at 02:30 on the spring-forward night THEN it moves to 03:30 and is noted", () => {
    const result = validateCampaignForm(
      { ...base, startsAt: "2027-03-28T02:30" },
      { ...context, now: new Date("2027-03-01T00:00:00Z") },
    );
    expect(result.ok && result.value.startsAt.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(result.ok && result.value.dst).toEqual([
      { field: "startsAt", adjustment: "skipped-forward" },
    ]);
  });
});
