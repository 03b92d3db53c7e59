import { db } from "../../db.server";
import { enqueue } from "../../jobs/queue.server";
import type { ShopifyGateway } from "../../shopify/gateway.server";
import {
  collectionDays,
  collectionGid,
  listKpiCollections,
  numericId,
} from "./collection-sales.server";
import {
  actionWindow,
  COLLECTION_KPI,
  detectableSize,
  EFFECT_KPIS,
  gradeExpectation,
  type StoredDay,
} from "./effect-series";
import { DEFAULT_RANGE, rangeAround, type PageKpi, type PageParams } from "./page-params";
import { loadStoredDays } from "./effects.server";
import { kpiSyncJob } from "./jobs.server";
import { dayKey, dayNumber, ShopDayClock } from "./kpi-day";
import { insightsOverview } from "./overview.server";

/**
 * Everything the insights page shows, read from the stored KPIs and actions (no estimation and at
 * most one Shopify call per load): the chart's series and comparison, the actions in range with
 * their estimated effects, and the sync status. Starts the first backfill when there is none.
 */

export { COMPARES, pageParams, RANGES, type PageParams } from "./page-params";

/** The page's parameters once the period is settled (explicit, around the focus, or 90 days). */
export type ResolvedParams = PageParams & { range: NonNullable<PageParams["range"]> };

const MICRO = 1_000_000;
type ShopKpi = Exclude<PageKpi, typeof COLLECTION_KPI>;
const ACTION_LIST_LIMIT = 200;

/** A KPI's value for one day (null when it does not exist that day, e.g. no sessions). */
export function kpiValue(kpi: ShopKpi, day: StoredDay | undefined): number | null {
  if (!day)
    return kpi === "sessions" || kpi === "conversion_rate" || kpi === "average_order_value"
      ? null
      : 0;
  switch (kpi) {
    case "net_sales":
      return Number(day.grossSales + day.discounts + day.returns) / MICRO;
    case "orders":
      return day.orders;
    case "units":
      return day.units;
    case "average_order_value":
      return day.orders > 0 ? Number(day.grossSales + day.discounts) / MICRO / day.orders : null;
    case "sessions":
      return day.sessions;
    case "conversion_rate":
      return day.sessions && day.convertedSessions != null
        ? day.convertedSessions / day.sessions
        : null;
  }
}

/** The period's value: sums, or ratios of sums (never an average of daily ratios). */
export function kpiTotal(kpi: ShopKpi, days: readonly StoredDay[]): number | null {
  const sum = (f: (d: StoredDay) => number) => days.reduce((s, d) => s + f(d), 0);
  switch (kpi) {
    case "net_sales":
      return sum((d) => Number(d.grossSales + d.discounts + d.returns)) / MICRO;
    case "orders":
      return sum((d) => d.orders);
    case "units":
      return sum((d) => d.units);
    case "average_order_value": {
      const orders = sum((d) => d.orders);
      return orders ? sum((d) => Number(d.grossSales + d.discounts)) / MICRO / orders : null;
    }
    case "sessions":
      return days.some((d) => d.sessions != null) ? sum((d) => d.sessions ?? 0) : null;
    case "conversion_rate": {
      const sessions = sum((d) => d.sessions ?? 0);
      return sessions ? sum((d) => d.convertedSessions ?? 0) / sessions : null;
    }
  }
}

function shiftedRange(from: number, to: number, compare: PageParams["compare"]) {
  if (compare === "previous") return { from: from - (to - from + 1), to: from - 1 };
  if (compare === "year") return { from: from - 364, to: to - 364 }; // same weekdays a year ago
  return null;
}

export async function insightsPage(
  shop: string,
  gateway: ShopifyGateway,
  requested: PageParams,
  now = new Date(),
) {
  const record = await db().shop.findUnique({ where: { domain: shop } });
  const timeZone = record?.ianaTimezone ?? "UTC";
  const clock = new ShopDayClock(timeZone);
  let sync = await db().kpiSync.findUnique({ where: { shop } });
  if (!sync?.backfilledAt && sync?.status !== "running") {
    await enqueue(kpiSyncJob, { shop, mode: "backfill" }, { singletonKey: `kpi-backfill:${shop}` });
    sync = await db().kpiSync.upsert({
      where: { shop },
      create: { shop, status: "running", mode: "backfill" },
      update: { status: "running", mode: "backfill", error: null },
    });
  }
  const today = clock.dayOf(now.getTime());
  const focused = requested.action
    ? await db().action.findFirst({
        where: { id: requested.action, shop },
        include: { effects: true },
      })
    : null;
  const focusWindow = focused ? actionWindow(clock, focused) : null;
  const params: ResolvedParams = {
    ...requested,
    range:
      requested.range ??
      (focusWindow ? rangeAround(dayNumber(focusWindow.start), today) : DEFAULT_RANGE),
  };
  const from = today - Number(params.range) + 1;
  const compareRange = shiftedRange(from, today, params.compare);
  const loadFrom = compareRange ? Math.min(from, compareRange.from) : from;
  // Orders of the last 30 days come from the same rows, whatever range is shown (only those are
  // needed when the chart shows a collection).
  const shopFrom = params.kpi === COLLECTION_KPI ? today - 29 : Math.min(loadFrom, today - 29);
  const days = await loadStoredDays(shop, dayKey(shopFrom), dayKey(today));
  const collectionView =
    params.kpi === COLLECTION_KPI
      ? await collectionSeries(shop, params.collection, dayKey(loadFrom), dayKey(today))
      : null;
  const byDate = new Map(days.map((d) => [d.date, d]));
  const valueOn = (key: string): number | null =>
    collectionView
      ? collectionView.selected
        ? (collectionView.sales.get(key) ?? 0)
        : null
      : kpiValue(params.kpi as ShopKpi, byDate.get(key));
  const totalOf = (fromKey: string, toKey: string): number | null => {
    if (!collectionView) {
      return kpiTotal(
        params.kpi as ShopKpi,
        days.filter((d) => d.date >= fromKey && d.date <= toKey),
      );
    }
    if (!collectionView.selected) return null;
    let sum = 0;
    for (const [date, value] of collectionView.sales) {
      if (date >= fromKey && date <= toKey) sum += value;
    }
    return sum;
  };
  const points = [];
  for (let day = from; day <= today; day++) {
    const key = dayKey(day);
    points.push({
      date: key,
      value: valueOn(key),
      compare: compareRange ? valueOn(dayKey(compareRange.from + (day - from))) : null,
    });
  }

  const range = { from: new Date(clock.bounds(from).startMs), to: now };
  const actions = await db().action.findMany({
    where: {
      shop,
      startedAt: { lte: range.to },
      OR: [
        { endedAt: null, startedAt: { gte: new Date(range.from.getTime() - 14 * 86_400_000) } },
        { endedAt: { gte: range.from } },
      ],
    },
    orderBy: { startedAt: "desc" },
    take: ACTION_LIST_LIMIT,
    include: { effects: true },
  });
  // The focused action is listed even when it is outside the period or beyond the list's limit.
  if (focused && !actions.some((a) => a.id === focused.id)) actions.unshift(focused);
  const orders30 = sync.backfilledAt
    ? days.filter((d) => dayNumber(d.date) > today - 30).reduce((s, d) => s + d.orders, 0)
    : (await insightsOverview(gateway, now)).orders30;

  return {
    params,
    timeZone,
    currencyCode: record?.currencyCode ?? "",
    today: dayKey(today),
    orders30,
    sync: {
      status: sync.status,
      mode: sync.mode,
      backfilledAt: sync.backfilledAt?.toISOString() ?? null,
      repairedAt: sync.repairedAt?.toISOString() ?? null,
      lastWebhookAt: sync.lastWebhookAt?.toISOString() ?? null,
      firstDate: sync.firstDate,
      ordersCounted: sync.ordersCounted,
      error: sync.error,
      sessionsReason: sync.sessionsReason,
    },
    points,
    total: totalOf(dayKey(from), dayKey(today)),
    compareTotal: compareRange ? totalOf(dayKey(compareRange.from), dayKey(compareRange.to)) : null,
    collections: collectionView
      ? { options: collectionView.options, selected: collectionView.selected }
      : null,
    focus: requested.action ? { id: requested.action, found: focused !== null } : null,
    actions: actions.map((a) => {
      const window = actionWindow(clock, a);
      return {
        id: a.id,
        source: a.source,
        kind: a.kind,
        title: a.title,
        note: a.note,
        category: a.category,
        startDate: window.start,
        endDate: a.endedAt ? window.end : null,
        window,
        detailsPath: a.detailsPath,
        annotation:
          a.source === "EXTERNAL"
            ? "not-applicable"
            : a.annotationError
              ? "error"
              : a.annotationId && !a.annotationDirty
                ? "synced"
                : "pending",
        annotationError: a.annotationError,
        expected:
          a.expectedKpi && a.expectedDirection
            ? { kpi: a.expectedKpi, direction: a.expectedDirection, size: a.expectedSize }
            : null,
        effects: EFFECT_KPIS.map((kpi) => a.effects.find((e) => e.kpi === kpi))
          .filter((e) => e !== undefined)
          .map((e) => ({
            kpi: e.kpi,
            verdict: e.verdict,
            point: e.point,
            lower: e.lower,
            upper: e.upper,
            reason: e.reason,
            controls: e.controls.length,
            detectable: detectableSize(e),
            windowStart: e.windowStart,
            windowEnd: e.windowEnd,
          })),
        grade:
          a.expectedKpi && a.expectedDirection
            ? (() => {
                const effect = a.effects.find((e) => e.kpi === a.expectedKpi);
                return effect
                  ? gradeExpectation(
                      {
                        direction: a.expectedDirection as "increase" | "decrease",
                        size: a.expectedSize,
                      },
                      {
                        verdict: effect.verdict as "increase",
                        point: effect.point,
                        lower: effect.lower,
                        upper: effect.upper,
                      },
                    )
                  : null;
              })()
            : null,
      };
    }),
  };
}

export type InsightsPageData = Awaited<ReturnType<typeof insightsPage>>;

/**
 * The collection picker's options and the chosen collection's stored daily net sales (the first
 * collection by title when none is chosen). Null `selected`: membership not read yet.
 */
async function collectionSeries(
  shop: string,
  requested: string | undefined,
  from: string,
  to: string,
) {
  const options = (await listKpiCollections(shop)).map((c) => ({
    id: numericId(c.collectionId),
    title: c.title,
    products: c.productCount,
  }));
  const selected = options.find((o) => o.id === requested) ?? options[0] ?? null;
  const sales = selected
    ? await collectionDays(shop, collectionGid(selected.id), from, to)
    : new Map<string, number>();
  return { options, selected, sales };
}

/** "Sync now": a repair (or the first backfill) on the merchant's request. */
export async function requestSync(shop: string) {
  const sync = await db().kpiSync.findUnique({ where: { shop } });
  const mode = sync?.backfilledAt ? "repair" : "backfill";
  await enqueue(
    kpiSyncJob,
    { shop, mode },
    { singletonKey: `kpi-${mode === "repair" ? "repair" : "backfill"}:${shop}` },
  );
}
