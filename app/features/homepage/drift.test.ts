import { describe, expect, it } from "vitest";
import { md5, restoreDecision } from "./drift";

const previous = md5("previous home page");
const campaign = md5("campaign home page");

describe("drift detection at the end of a template-mode campaign", () => {
  it("GIVEN the live page is still the campaign's THEN the previous page is restored", () => {
    expect(restoreDecision(campaign, campaign, previous)).toBe("restore");
  });
  it("GIVEN the previous page is already back THEN nothing is written", () => {
    expect(restoreDecision(previous, campaign, previous)).toBe("already-restored");
  });
  it("GIVEN the merchant edited the live page THEN it is drift and kept", () => {
    expect(restoreDecision(md5("edited by merchant"), campaign, previous)).toBe("drifted");
  });
  it("GIVEN the home template was deleted THEN it counts as drift", () => {
    expect(restoreDecision(null, campaign, previous)).toBe("drifted");
  });
});
