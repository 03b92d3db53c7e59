import { describe, expect, it } from "vitest";
import { effectsHref } from "./effects-href";
import { pageParams, rangeAround } from "./page-params";

describe("links to an action's effects", () => {
  it("GIVEN an action id WHEN linked THEN the insights page reads it back as the focused action", () => {
    const id = "3f1c2a9e-7b4d-4c1a-9e2f-0a1b2c3d4e5f";
    const url = new URL(effectsHref(id), "https://merchdesk.example");
    expect(url.pathname).toBe("/app/insights");
    expect(pageParams.parse(Object.fromEntries(url.searchParams)).action).toBe(id);
  });

  it("GIVEN a malformed action id WHEN parsed THEN it is ignored rather than failing the page", () => {
    expect(pageParams.parse({ action: "'; drop table" }).action).toBeUndefined();
  });

  it("GIVEN an action's window WHEN choosing the period THEN the shortest one showing a week before it", () => {
    expect(rangeAround(1000, 1010)).toBe("30");
    expect(rangeAround(1000, 1060)).toBe("90");
    expect(rangeAround(1000, 1300)).toBe("365");
    expect(rangeAround(1000, 3000)).toBe("1095");
  });
});
