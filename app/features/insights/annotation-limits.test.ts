import { describe, expect, it } from "vitest";
import {
  ANNOTATION_DESCRIPTION_MAX,
  ANNOTATION_TITLE_MAX,
  annotationFields,
  classifyAnnotationError,
  FALLBACK_ANNOTATION_TYPE,
  rejectsType,
  shorten,
} from "./annotation-limits";

const base = {
  kind: "manual",
  title: "Newsletter sent",
  note: null,
  startedAt: new Date("2026-05-04T08:00:00Z"),
  endedAt: null,
};

describe("annotation limits", () => {
  it("GIVEN a title of 75 characters THEN it is kept as it is", () => {
    const title = "x".repeat(ANNOTATION_TITLE_MAX);
    expect(annotationFields({ ...base, title }).title).toBe(title);
  });

  it("GIVEN a 200-character title THEN it is cut on a word boundary to at most 75 with an ellipsis", () => {
    const title = "Höstfavoriter uppdaterade med nya jackor ".repeat(5);
    const fields = annotationFields({ ...base, title });
    expect([...fields.title].length).toBeLessThanOrEqual(ANNOTATION_TITLE_MAX);
    expect(fields.title.endsWith("…")).toBe(true);
    expect(fields.title).not.toMatch(/\s…$/);
  });

  it("GIVEN a long note THEN the description has at most 150 characters", () => {
    const fields = annotationFields({
      ...base,
      note: "Skickat till alla prenumeranter. ".repeat(20),
    });
    expect([...fields.description!].length).toBeLessThanOrEqual(ANNOTATION_DESCRIPTION_MAX);
  });

  it("GIVEN emoji THEN characters, not UTF-16 units, are counted", () => {
    const text = "🎉".repeat(80);
    expect([...shorten(text, 75)].length).toBe(75);
  });

  it("GIVEN a point in time THEN endedAt is left out; a range keeps it", () => {
    expect("endedAt" in annotationFields(base)).toBe(false);
    const range = annotationFields({ ...base, endedAt: new Date("2026-05-18T00:00:00Z") });
    expect(range.endedAt).toBe("2026-05-18T00:00:00.000Z");
  });

  it("GIVEN an action kind THEN the annotation type follows it", () => {
    expect(annotationFields({ ...base, kind: "homepage.switch_on" }).type).toBe("store_redesign");
    expect(annotationFields({ ...base, kind: "collections.membership" }).type).toBe(
      "product_update",
    );
  });

  it("GIVEN a campaign that went live and has not ended THEN it is written open-ended (endedAt null), not as a point in time", () => {
    const live = annotationFields({ ...base, kind: "homepage.switch_on", endedAt: null });
    expect(live.endedAt).toBeNull();
    expect("endedAt" in annotationFields({ ...base, kind: "manual", endedAt: null })).toBe(false);
  });

  it("GIVEN Shopify refuses only the type THEN the sync knows to write the documented type instead", () => {
    expect(FALLBACK_ANNOTATION_TYPE).toBe("store_redesign");
    expect(rejectsType([{ code: "INVALID", field: ["input", "type"] }])).toBe(true);
    expect(
      rejectsType([
        { code: "INVALID", field: ["input", "type"] },
        { code: "INVALID", field: ["input", "title"] },
      ]),
    ).toBe(false);
    expect(rejectsType([{ code: "LIMIT_REACHED", field: null }])).toBe(false);
    expect(rejectsType([])).toBe(false);
  });

  it("GIVEN Shopify's userErrors THEN quota, gone and invalid are told apart", () => {
    expect(classifyAnnotationError([{ code: "LIMIT_REACHED", message: "limit" }]).kind).toBe(
      "quota",
    );
    expect(classifyAnnotationError([{ code: "NOT_FOUND", message: "gone" }]).kind).toBe(
      "not-found",
    );
    expect(classifyAnnotationError([{ code: "INVALID", message: "bad" }]).kind).toBe("invalid");
  });
});
