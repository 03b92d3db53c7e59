import { beforeAll, describe, expect, it } from "vitest";
import { createShopState } from "../store/shop";
import type { Order, ShopState } from "../store/types";
import { blackFridayDate, localDateString } from "./calendar";
import { seedShop, type SeedOptions } from "./index";
import { parseCents } from "./money";
import { horizonFixtureFiles } from "./themes";

const NOW = new Date("2026-11-02T10:00:00Z");
const DAY = 86_400_000;

function seeded(kind: "demo" | "empty", options: Partial<SeedOptions> = {}): ShopState {
  const shop = createShopState({ domain: "fjallvik.myshopify.com" });
  seedShop(shop, kind, { now: NOW, ...options });
  return shop;
}

const byDateCache = new WeakMap<ShopState, Map<string, Order[]>>();
function ordersByLocalDate(shop: ShopState): Map<string, Order[]> {
  const cached = byDateCache.get(shop);
  if (cached) return cached;
  const byDate = new Map<string, Order[]>();
  for (const order of shop.orders) {
    const date = localDateString(shop.ianaTimezone, Date.parse(order.createdAt));
    const list = byDate.get(date) ?? [];
    list.push(order);
    byDate.set(date, list);
  }
  byDateCache.set(shop, byDate);
  return byDate;
}

function isoDay(year: number, month0: number, day: number): string {
  return new Date(Date.UTC(year, month0, day)).toISOString().slice(0, 10);
}

describe("seedShop('demo')", () => {
  let shop: ShopState;
  beforeAll(() => {
    shop = seeded("demo");
  });

  describe("determinism", () => {
    it("GIVEN the same seed and now WHEN seeded twice THEN ids, titles and totals are identical", () => {
      const again = seeded("demo");
      const summary = (s: ShopState) => ({
        products: [...s.products.values()].map((p) => [p.id, p.title, p.variants[0].price]),
        orders: s.orders.map((o) => [o.id, o.name, o.createdAt, o.total, o.lineItems.length]),
        collections: [...s.collections.values()].map((c) => [c.id, c.handle, c.sources.length]),
      });
      expect(summary(again)).toEqual(summary(shop));
    });

    it("GIVEN a different seed WHEN seeded THEN the catalogue differs", () => {
      const other = seeded("demo", { seed: "another-store" });
      const titles = (s: ShopState) => [...s.products.values()].slice(0, 50).map((p) => p.title);
      expect(titles(other)).not.toEqual(titles(shop));
    });
  });

  describe("shop and catalogue", () => {
    it("GIVEN the demo seed THEN the shop is Fjällvik Outdoor in SEK and Stockholm time", () => {
      expect(shop.name).toBe("Fjällvik Outdoor");
      expect(shop.currencyCode).toBe("SEK");
      expect(shop.ianaTimezone).toBe("Europe/Stockholm");
    });

    it("GIVEN the demo seed THEN it has ~1,500 products from ~20 vendors and ~25 types", () => {
      const products = [...shop.products.values()];
      expect(products).toHaveLength(1500);
      expect(new Set(products.map((p) => p.vendor)).size).toBeGreaterThanOrEqual(18);
      expect(new Set(products.map((p) => p.productType)).size).toBeGreaterThanOrEqual(25);
    });

    it("GIVEN the demo seed THEN handles are unique", () => {
      const handles = [...shop.products.values()].map((p) => p.handle);
      expect(new Set(handles).size).toBe(handles.length);
    });

    it("GIVEN the demo seed THEN statuses are mostly ACTIVE with some DRAFT and ARCHIVED", () => {
      const counts = { ACTIVE: 0, DRAFT: 0, ARCHIVED: 0, UNLISTED: 0 };
      for (const p of shop.products.values()) counts[p.status]++;
      expect(counts.ACTIVE / 1500).toBeGreaterThan(0.8);
      expect(counts.DRAFT).toBeGreaterThan(20);
      expect(counts.ARCHIVED).toBeGreaterThan(20);
    });

    it("GIVEN the demo seed THEN variants carry SEK prices, some compare-at prices, costs and empty stock", () => {
      const variants = [...shop.products.values()].flatMap((p) => p.variants);
      expect(variants.every((v) => /^\d+\.\d\d$/.test(v.price))).toBe(true);
      expect(variants.some((v) => v.price.endsWith("99.00") || v.price.endsWith("49.00"))).toBe(
        true,
      );
      const onSale = variants.filter((v) => v.compareAtPrice !== null);
      expect(onSale.length).toBeGreaterThan(100);
      expect(onSale.every((v) => Number(v.compareAtPrice) > Number(v.price))).toBe(true);
      expect(variants.some((v) => v.cost === null)).toBe(true);
      expect(
        variants.filter((v) => v.cost !== null).every((v) => Number(v.cost) < Number(v.price)),
      ).toBe(true);
      expect(variants.filter((v) => v.inventoryQuantity === 0).length).toBeGreaterThan(100);
    });

    it("GIVEN the demo seed THEN apparel has size/colour variants and gear a default variant", () => {
      const products = [...shop.products.values()];
      const jacket = products.find((p) => p.productType === "Shell Jacket")!;
      expect(jacket.variants.length).toBeGreaterThan(1);
      expect(jacket.variants[0].title).toMatch(/^\S+ \/ \S+/);
      const tent = products.find((p) => p.productType === "Tent")!;
      expect(tent.variants.map((v) => v.title)).toEqual(["Default Title"]);
    });

    it("GIVEN the demo seed THEN products were created over three years before now", () => {
      const created = [...shop.products.values()].map((p) => Date.parse(p.createdAt));
      expect(Math.min(...created)).toBeLessThan(NOW.getTime() - 2.9 * 365 * DAY);
      expect(Math.max(...created)).toBeLessThanOrEqual(NOW.getTime());
    });
  });

  describe("publications", () => {
    it("GIVEN the demo seed THEN Online Store, Point of Sale and Shop exist and every active product is on the Online Store", () => {
      expect(shop.publications.map((p) => p.title)).toEqual([
        "Online Store",
        "Point of Sale",
        "Shop",
      ]);
      const online = shop.publications.find((p) => p.onlineStore)!;
      for (const p of shop.products.values()) {
        expect(p.publicationIds.includes(online.id)).toBe(p.status === "ACTIVE");
      }
    });
  });

  describe("collections", () => {
    it("GIVEN the demo seed THEN there are ~40 collections of all three kinds", () => {
      const collections = [...shop.collections.values()];
      expect(collections.length).toBeGreaterThanOrEqual(38);
      const manual = collections.filter((c) =>
        c.sources.every((s) => s.kind === "conditions" && s.inclusion.conditions.length === 0),
      );
      const conditions = collections.filter((c) =>
        c.sources.some((s) => s.kind === "conditions" && s.inclusion.conditions.length > 0),
      );
      const sub = collections.filter((c) => c.sources.some((s) => s.kind === "subCollections"));
      expect(manual.length).toBeGreaterThanOrEqual(10);
      expect(conditions.length).toBeGreaterThanOrEqual(20);
      expect(sub.length).toBeGreaterThanOrEqual(3);
    });

    it("GIVEN a manual collection with MANUAL sort THEN its manual order lists exactly its selections", () => {
      const manual = [...shop.collections.values()].find((c) => c.handle === "hostfavoriter")!;
      expect(manual.sortOrder).toBe("MANUAL");
      const source = manual.sources[0];
      if (source.kind !== "conditions") throw new Error("expected a conditions source");
      expect(source.inclusion.selections.length).toBeGreaterThan(10);
      expect(manual.manualOrder).toEqual(source.inclusion.selections.map((s) => s.productId));
      expect(manual.manualOrder.every((id) => shop.products.has(id))).toBe(true);
    });

    it("GIVEN condition collections THEN tag, vendor, type and price conditions and exclusions are present", () => {
      const kinds = new Set<string>();
      const exclusionKinds = new Set<string>();
      for (const c of shop.collections.values()) {
        for (const s of c.sources) {
          if (s.kind !== "conditions") continue;
          s.inclusion.conditions.forEach((x) => kinds.add(x.kind));
          s.exclusion?.conditions.forEach((x) => exclusionKinds.add(x.kind));
        }
      }
      expect([...kinds]).toEqual(
        expect.arrayContaining(["productTag", "productVendor", "productType", "variantPrice"]),
      );
      expect([...exclusionKinds]).toEqual(expect.arrayContaining(["productTag", "collection"]));
    });

    it("GIVEN a collection exclusion THEN it references an existing collection id", () => {
      const refs = [...shop.collections.values()].flatMap((c) =>
        c.sources.flatMap((s) =>
          s.kind === "conditions"
            ? (s.exclusion?.conditions ?? [])
                .filter((x) => x.kind === "collection")
                .flatMap((x) => x.values ?? [])
            : [],
        ),
      );
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.every((id) => shop.collections.has(String(id)))).toBe(true);
    });

    it("GIVEN sub-collection collections THEN they point at non-sub-collection collections", () => {
      for (const c of shop.collections.values()) {
        for (const s of c.sources) {
          if (s.kind !== "subCollections") continue;
          for (const childId of s.collectionIds) {
            const child = shop.collections.get(childId)!;
            expect(child.sources.every((x) => x.kind === "conditions")).toBe(true);
          }
        }
      }
    });

    it("GIVEN the demo seed THEN most collections are on the Online Store and a couple are not", () => {
      const online = shop.publications.find((p) => p.onlineStore)!.id;
      const unpublished = [...shop.collections.values()].filter(
        (c) => !c.publicationIds.includes(online),
      );
      expect(unpublished.map((c) => c.handle).sort()).toEqual(["black-friday", "intern-restlager"]);
    });
  });

  describe("themes", () => {
    it("GIVEN the demo seed THEN the MAIN theme is Horizon with the fixture files verbatim", () => {
      const main = [...shop.themes.values()].filter((t) => t.role === "MAIN");
      expect(main).toHaveLength(1);
      expect(main[0].name).toBe("Horizon");
      for (const [filename, content] of horizonFixtureFiles()) {
        expect(main[0].files.get(filename)?.content).toBe(content);
      }
      expect(main[0].files.get("templates/index.json")!.content.startsWith("/*")).toBe(true);
    });

    it("GIVEN the demo seed THEN the draft theme's index.json differs but keeps the editor header", () => {
      const main = [...shop.themes.values()].find((t) => t.role === "MAIN")!;
      const draft = [...shop.themes.values()].find((t) => t.role === "UNPUBLISHED")!;
      expect(draft.name).toBe("Horizon – Black Friday draft");
      const live = main.files.get("templates/index.json")!.content;
      const campaign = draft.files.get("templates/index.json")!.content;
      expect(campaign).not.toBe(live);
      const header = live.slice(0, live.indexOf("*/") + 2);
      expect(campaign.startsWith(header)).toBe(true);
      const parsed = JSON.parse(campaign.slice(campaign.indexOf("*/") + 2)) as { order: string[] };
      expect(parsed.order.length).toBeGreaterThan(2);
      expect(campaign).toContain("shopify://apps/merchdesk/blocks/campaign/");
    });
  });

  describe("orders and traffic", () => {
    it("GIVEN the demo seed THEN orders span two years up to now, sorted by creation", () => {
      const first = Date.parse(shop.orders[0].createdAt);
      const last = Date.parse(shop.orders.at(-1)!.createdAt);
      expect(first).toBeGreaterThan(NOW.getTime() - 731 * DAY);
      expect(first).toBeLessThan(NOW.getTime() - 728 * DAY);
      expect(last).toBeLessThanOrEqual(NOW.getTime());
      expect(last).toBeGreaterThan(NOW.getTime() - DAY);
      const unsorted = shop.orders.filter(
        (o, i) => i > 0 && o.createdAt < shop.orders[i - 1].createdAt,
      );
      expect(unsorted).toEqual([]);
    });

    it("GIVEN the demo seed THEN order names count up from #1001", () => {
      expect(shop.orders[0].name).toBe("#1001");
      expect(shop.orders.at(-1)!.name).toBe(`#${1000 + shop.orders.length}`);
    });

    it("GIVEN any order THEN total = subtotal - discounts + shipping and VAT is 25 % included", () => {
      const inconsistent = shop.orders.filter((o) => {
        const lines = o.lineItems.reduce((sum, l) => sum + parseCents(l.price) * l.quantity, 0);
        const discounts = o.lineItems.reduce((sum, l) => sum + parseCents(l.discount), 0);
        return (
          parseCents(o.subtotal) !== lines ||
          parseCents(o.totalDiscounts) !== discounts ||
          parseCents(o.total) !== lines - discounts + parseCents(o.totalShipping) ||
          Math.abs(parseCents(o.totalTax) - parseCents(o.total) * 0.2) > 1
        );
      });
      expect(inconsistent.map((o) => o.name)).toEqual([]);
    });

    it("GIVEN any line item THEN it names a real variant of a product that existed at the time", () => {
      const wrong: string[] = [];
      for (const o of shop.orders) {
        if (o.lineItems.length < 1 || o.lineItems.length > 4) wrong.push(`${o.name}: line count`);
        for (const l of o.lineItems) {
          const product = shop.products.get(l.productId ?? "");
          const variant = product?.variants.find((v) => v.id === l.variantId);
          const ok =
            product !== undefined &&
            variant !== undefined &&
            product.status !== "DRAFT" &&
            product.createdAt < o.createdAt &&
            l.price === variant.price &&
            l.title === product.title;
          if (!ok) wrong.push(`${o.name}: ${l.id}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it("GIVEN the demo seed THEN some orders have discounts, refunds, cancellations and test flags", () => {
      const orders = shop.orders;
      expect(
        orders.filter((o) => o.totalDiscounts !== "0.00").length / orders.length,
      ).toBeGreaterThan(0.1);
      expect(orders.filter((o) => o.refunds.length > 0).length / orders.length).toBeGreaterThan(
        0.03,
      );
      expect(orders.filter((o) => o.cancelledAt !== null).length).toBeGreaterThan(50);
      expect(orders.filter((o) => o.test).length).toBeGreaterThan(20);
      const misdated = orders.filter((o) =>
        o.refunds.some(
          (r) => r.createdAt <= o.createdAt || Date.parse(r.createdAt) > NOW.getTime(),
        ),
      );
      expect(misdated).toEqual([]);
    });

    it("GIVEN the demo seed THEN traffic has one ascending day per local date with a consistent funnel", () => {
      expect(shop.traffic).toHaveLength(730);
      expect(shop.traffic.at(-1)!.date).toBe(localDateString("Europe/Stockholm", NOW.getTime()));
      for (let i = 1; i < shop.traffic.length; i++) {
        expect(shop.traffic[i].date > shop.traffic[i - 1].date).toBe(true);
      }
      for (const t of shop.traffic) {
        expect(t.sessions).toBeGreaterThanOrEqual(t.sessionsWithCartAdditions);
        expect(t.sessionsWithCartAdditions).toBeGreaterThanOrEqual(t.sessionsThatReachedCheckout);
      }
    });

    it("GIVEN two years of data THEN conversion (orders / sessions) is between 1.5 and 3 %", () => {
      const sessions = shop.traffic.reduce((sum, t) => sum + t.sessions, 0);
      const orders = shop.orders.filter((o) => !o.test).length;
      expect(orders / sessions).toBeGreaterThan(0.015);
      expect(orders / sessions).toBeLessThan(0.03);
    });

    it("GIVEN last year's Black Friday THEN it has far more orders than the ordinary Fridays before it", () => {
      const byDate = ordersByLocalDate(shop);
      const bf = blackFridayDate(2025);
      const count = (date: string) => byDate.get(date)?.length ?? 0;
      const ordinaryFridays = [14, 21, 28, 35].map((d) =>
        count(isoDay(2025, bf.month0, bf.day - d)),
      );
      const ordinary = ordinaryFridays.reduce((a, b) => a + b, 0) / ordinaryFridays.length;
      expect(count(isoDay(2025, bf.month0, bf.day))).toBeGreaterThan(2.5 * ordinary);
    });

    it("GIVEN last December THEN Christmas shopping beats late summer and the 26th beats Christmas Eve", () => {
      const byDate = ordersByLocalDate(shop);
      const mean = (dates: string[]) =>
        dates.reduce((sum, d) => sum + (byDate.get(d)?.length ?? 0), 0) / dates.length;
      const december = Array.from({ length: 14 }, (_, i) => isoDay(2025, 11, 3 + i));
      const august = Array.from({ length: 14 }, (_, i) => isoDay(2025, 7, 3 + i));
      expect(mean(december)).toBeGreaterThan(1.3 * mean(august));
      expect(mean([isoDay(2025, 11, 26)])).toBeGreaterThan(2 * mean([isoDay(2025, 11, 24)]));
    });

    it("GIVEN two years of traffic THEN Sundays see more sessions than Saturdays", () => {
      const byWeekday = [0, 0, 0, 0, 0, 0, 0];
      for (const t of shop.traffic.slice(0, -1)) {
        byWeekday[new Date(`${t.date}T12:00:00Z`).getUTCDay()] += t.sessions;
      }
      expect(byWeekday[0]).toBeGreaterThan(byWeekday[6] * 1.2);
    });

    it("GIVEN the second year THEN traffic has grown over the first", () => {
      const sum = (from: number, to: number) =>
        shop.traffic.slice(from, to).reduce((s, t) => s + t.sessions, 0);
      expect(sum(365, 729)).toBeGreaterThan(sum(0, 364) * 1.1);
    });
  });

  describe("seeded actions", () => {
    let counterfactual: ShopState;
    beforeAll(() => {
      counterfactual = seeded("demo", { withoutActionEffects: true });
    });

    it("GIVEN the demo seed THEN a few past actions with non-overlapping windows before now exist", () => {
      expect(shop.seededActions.map((a) => a.kind).sort()).toEqual([
        "collection_change",
        "collection_change",
        "homepage_campaign",
      ]);
      const windows = shop.seededActions.map((a) => [
        Date.parse(a.startedAt),
        Date.parse(a.endedAt!),
      ]);
      windows.forEach(([, end]) => expect(end).toBeLessThan(NOW.getTime()));
      windows.forEach(([start, end]) => expect(end).toBeGreaterThan(start));
      for (let i = 1; i < windows.length; i++)
        expect(windows[i][0]).toBeGreaterThan(windows[i - 1][1]);
      for (const a of shop.seededActions) {
        expect(a.collectionIds.every((id) => shop.collections.has(id))).toBe(true);
      }
    });

    it("GIVEN the home-page campaign THEN it lies within the last 60 days", () => {
      const campaign = shop.seededActions.find((a) => a.kind === "homepage_campaign")!;
      expect(Date.parse(campaign.startedAt)).toBeGreaterThan(NOW.getTime() - 60 * DAY);
    });

    const windowTotals = (s: ShopState, start: string, end: string) => {
      const orders = s.orders.filter((o) => !o.test && o.createdAt >= start && o.createdAt < end);
      const startDate = localDateString(s.ianaTimezone, Date.parse(start));
      const endDate = localDateString(s.ianaTimezone, Date.parse(end));
      const sessions = s.traffic
        .filter((t) => t.date >= startDate && t.date < endDate)
        .reduce((sum, t) => sum + t.sessions, 0);
      const sales = orders.reduce((sum, o) => sum + parseCents(o.total), 0);
      return { orders: orders.length, sessions, sales };
    };

    it("GIVEN each seeded action THEN orders in its window exceed the counterfactual by its true lift", () => {
      for (const action of shop.seededActions) {
        const actual = windowTotals(shop, action.startedAt, action.endedAt!);
        const without = windowTotals(counterfactual, action.startedAt, action.endedAt!);
        expect(actual.sessions).toBe(without.sessions);
        expect(Math.abs(actual.orders / without.orders - 1 - action.trueLift.orders)).toBeLessThan(
          0.02,
        );
      }
    });

    it("GIVEN the +8 % collection change THEN its window's conversion rate is lifted by about 8 %", () => {
      const action = shop.seededActions.find((a) => a.trueLift.conversion_rate === 0.08)!;
      const actual = windowTotals(shop, action.startedAt, action.endedAt!);
      const without = windowTotals(counterfactual, action.startedAt, action.endedAt!);
      const lift = actual.orders / actual.sessions / (without.orders / without.sessions) - 1;
      expect(lift).toBeGreaterThan(0.06);
      expect(lift).toBeLessThan(0.1);
    });

    it("GIVEN a day outside every action window THEN it has the same number of orders as the counterfactual", () => {
      const a = ordersByLocalDate(shop);
      const b = ordersByLocalDate(counterfactual);
      const date = "2025-03-12";
      expect(a.get(date)?.length).toBe(b.get(date)?.length);
    });
  });
});

describe("seedShop('empty')", () => {
  it("GIVEN the empty seed THEN only the Online Store and a live Horizon theme exist", () => {
    const shop = seeded("empty");
    expect(shop.publications.map((p) => p.title)).toEqual(["Online Store"]);
    expect([...shop.themes.values()].map((t) => [t.name, t.role])).toEqual([["Horizon", "MAIN"]]);
    expect(shop.products.size + shop.collections.size + shop.orders.length).toBe(0);
    expect(shop.traffic).toEqual([]);
    expect(shop.seededActions).toEqual([]);
  });
});
