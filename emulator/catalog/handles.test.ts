import { describe, expect, it } from "vitest";
import { handleize, uniqueHandle } from "./handles";

describe("handles", () => {
  it("GIVEN a title with accents and punctuation WHEN handleized THEN it becomes lower-case words joined by hyphens", () => {
    expect(handleize("Été Sale — 50% off!")).toBe("ete-sale-50-off");
  });

  it("GIVEN a taken handle WHEN made unique THEN the first free numbered variant is used", () => {
    const taken = new Set(["summer", "summer-1"]);
    expect(uniqueHandle("summer", (h) => taken.has(h))).toBe("summer-2");
  });
});
