import { describe, expect, it } from "vitest";
import { externalChange } from "./external-changes";

const at = new Date("2026-10-05T10:20:00Z");

describe("external changes seen through webhooks", () => {
  it("GIVEN themes/publish THEN an external action touching the theme is recorded once per delivery", () => {
    const change = externalChange({
      topic: "THEMES_PUBLISH",
      webhookId: "w-1",
      triggeredAt: at,
      payload: {
        id: 7,
        name: "Horizon – Black Friday",
        admin_graphql_api_id: "gid://shopify/OnlineStoreTheme/7",
      },
    })!;
    expect(change.input).toMatchObject({
      source: "EXTERNAL",
      kind: "external.theme_published",
      title: "Theme published: Horizon – Black Friday",
      externalKey: "webhook:w-1",
      touched: { themes: ["gid://shopify/OnlineStoreTheme/7"] },
    });
  });

  it("GIVEN two collection updates in the same hour THEN they share one action key", () => {
    const event = (webhookId: string, minutes: number) =>
      externalChange({
        topic: "COLLECTIONS_UPDATE",
        webhookId,
        triggeredAt: new Date(at.getTime() + minutes * 60_000),
        payload: { id: 42, title: "Jackor" },
      })!.input.externalKey;
    expect(event("a", 0)).toBe(event("b", 30));
    expect(event("a", 0)).not.toBe(event("c", 60));
  });

  it("GIVEN a topic insights does not follow THEN nothing is recorded", () => {
    expect(
      externalChange({ topic: "PRODUCTS_UPDATE", webhookId: "x", triggeredAt: at, payload: {} }),
    ).toBeNull();
  });
});
