import { describe, expect, it } from "vitest";
import type { MemberInterval } from "./collection-membership";
import { excludedFromControls } from "./effect-controls";
import { dayNumber } from "./kpi-day";

const C = (n: number) => `gid://shopify/Collection/${n}`;
const P = (n: number) => `gid://shopify/Product/${n}`;
const always = (c: number, p: number): MemberInterval => ({
  collectionId: C(c),
  productId: P(p),
  from: null,
  to: null,
});

describe("controls for an action that touched some collections", () => {
  const window = { start: "2026-10-01", end: "2026-10-14" };
  const intervals = [
    always(1, 10), // touched: Summer has the tent
    always(2, 10), // All products also has the tent: it shares a product
    always(2, 11),
    always(3, 12), // Winter: untouched, no shared product
    always(4, 13), // Sale: touched by another action in the window
    {
      collectionId: C(5),
      productId: P(10),
      from: null,
      to: dayNumber("2026-09-01"),
    }, // had the tent, but not during the window
  ];

  it("GIVEN collections that share products or were touched nearby WHEN choosing controls THEN only untouched ones remain eligible", () => {
    const excluded = excludedFromControls(
      { window, collections: [C(1)], products: [] },
      [{ window: { start: "2026-10-05", end: "2026-10-05" }, collections: [C(4)], products: [] }],
      intervals,
    );
    expect([...excluded].sort()).toEqual([C(1), C(2), C(4)].sort());
    expect(excluded.has(C(3))).toBe(false);
    expect(excluded.has(C(5))).toBe(false);
  });

  it("GIVEN another action long before the window WHEN choosing controls THEN its collections are eligible again", () => {
    const excluded = excludedFromControls(
      { window, collections: [C(1)], products: [] },
      [{ window: { start: "2026-06-01", end: "2026-06-14" }, collections: [C(4)], products: [] }],
      intervals,
    );
    expect(excluded.has(C(4))).toBe(false);
  });

  it("GIVEN an action that names a product WHEN choosing controls THEN collections holding it are excluded", () => {
    const excluded = excludedFromControls(
      { window, collections: [C(1)], products: [P(12)] },
      [],
      intervals,
    );
    expect(excluded.has(C(3))).toBe(true);
  });
});
