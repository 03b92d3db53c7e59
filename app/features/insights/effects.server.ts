import type { Prisma } from "@prisma/client";
import { db } from "../../db.server";
import { KPI_NAMES } from "./action-input";
import type { MemberInterval } from "./collection-membership";
import {
  collectionDays,
  largestCollections,
  loadMembershipIntervals,
  touchedCollectionsSales,
} from "./collection-sales.server";
import { CONTROL_COUNT, excludedFromControls, type ActionScope } from "./effect-controls";
import {
  actionWindow,
  COLLECTION_KPI,
  dailyColumns,
  denseSeries,
  kpiSeries,
  type EffectKpi,
  type StoredDay,
} from "./effect-series";
import {
  estimateImpact,
  ImpactInputError,
  type DayRange,
  type ImpactEstimate,
  type ImpactTask,
} from "./impact";
import { dayKey, dayNumber, ShopDayClock } from "./kpi-day";

/**
 * Impact estimates for every action of a shop on every KPI, from the stored daily KPIs, saved in
 * ActionEffect (the insights page reads them; estimating 1,000 actions × 6 KPIs takes a minute,
 * far too long for a page load). Sessions-based KPIs are skipped while sessions are unavailable.
 * Today is left out: a partial day would read as a drop.
 */

export async function loadStoredDays(
  shop: string,
  from?: string,
  to?: string,
): Promise<StoredDay[]> {
  return db().kpiDay.findMany({
    where: {
      shop,
      ...(from || to
        ? { date: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } }
        : {}),
    },
    orderBy: { date: "asc" },
    select: {
      date: true,
      grossSales: true,
      discounts: true,
      returns: true,
      orders: true,
      units: true,
      returnedUnits: true,
      sessions: true,
      convertedSessions: true,
    },
  });
}

export async function estimateShopEffects(shop: string, now = new Date()): Promise<number> {
  const record = await db().shop.findUnique({ where: { domain: shop } });
  const sync = await db().kpiSync.findUnique({ where: { shop } });
  if (!record || !sync?.firstDate) return 0;
  const clock = new ShopDayClock(record.ianaTimezone ?? "UTC");
  const lastDay = dayKey(clock.dayOf(now.getTime()) - 1);
  const columns = dailyColumns(
    await loadStoredDays(shop, sync.firstDate, lastDay),
    sync.firstDate,
    lastDay,
  );
  const sessionsKnown = sync.sessionsReason === null && columns.sessions.some((s) => s !== null);
  const actions = await db().action.findMany({
    where: { shop, outcome: { not: "FAILED" } },
    orderBy: { startedAt: "asc" },
    select: {
      id: true,
      startedAt: true,
      endedAt: true,
      resources: { where: { type: { in: ["COLLECTION", "PRODUCT"] } } },
    },
  });
  const windows = actions.map((a) => ({ id: a.id, window: actionWindow(clock, a) }));
  const scopes = new Map<string, ActionScope>(
    actions.map((a, i) => [
      a.id,
      {
        window: windows[i].window,
        collections: a.resources.filter((r) => r.type === "COLLECTION").map((r) => r.resourceId),
        products: a.resources.filter((r) => r.type === "PRODUCT").map((r) => r.resourceId),
      },
    ]),
  );
  const kpis = KPI_NAMES.filter(
    (k) => sessionsKnown || (k !== "sessions" && k !== "conversion_rate"),
  );
  const intervals = await loadMembershipIntervals(shop, clock);
  const range = { from: sync.firstDate, to: lastDay };
  const rows: Prisma.ActionEffectCreateManyInput[] = [];
  for (const { id, window } of windows) {
    if (window.start < columns.startDate) continue; // before the data: nothing to compare with
    const others = otherWindows(windows, id);
    for (const kpi of kpis) {
      const task = { startDate: columns.startDate, kpi: kpiSeries(kpi, columns), window };
      rows.push(effectRow(shop, id, kpi, { ...task, otherActions: others }, lastDay));
    }
    const scope = scopes.get(id)!;
    if (intervals && scope.collections.length) {
      const otherScopes = [...scopes].filter(([other]) => other !== id).map(([, s]) => s);
      const task = await collectionTask(shop, intervals, scope, otherScopes, range);
      rows.push(effectRow(shop, id, COLLECTION_KPI, { ...task, otherActions: others }, lastDay));
    }
  }
  await db().$transaction([
    db().actionEffect.deleteMany({ where: { shop } }),
    db().actionEffect.createMany({ data: rows }),
  ]);
  return rows.length;
}

function otherWindows(
  windows: readonly { id: string; window: DayRange }[],
  id: string,
): DayRange[] {
  const seen = new Set<string>();
  const out: DayRange[] = [];
  for (const w of windows) {
    const key = `${w.window.start}|${w.window.end}`;
    if (w.id === id || seen.has(key)) continue;
    seen.add(key);
    out.push(w.window);
  }
  return out;
}

/**
 * The touched collections' net sales (each product once a day) with the largest untouched
 * collections' net sales as controls (ADR 010, 012): they carry the shop-wide swings the action
 * did not cause, so the estimate is sharper than from the shop's totals.
 */
async function collectionTask(
  shop: string,
  intervals: readonly MemberInterval[],
  scope: ActionScope,
  others: readonly ActionScope[],
  range: { from: string; to: string },
): Promise<ImpactTask & { controlIds: string[] }> {
  const touched = new Set(scope.collections);
  const values = denseSeries(
    await touchedCollectionsSales(shop, intervals, touched, range.from, range.to),
    range.from,
    range.to,
  );
  const excluded = excludedFromControls(scope, others, intervals);
  // Size is judged on the quarter before the window: what the action did cannot change it.
  const sizeTo = dayKey(dayNumber(scope.window.start) - 1);
  const sizeFrom = dayKey(dayNumber(scope.window.start) - 90);
  const controlIds = await largestCollections(shop, excluded, sizeFrom, sizeTo, CONTROL_COUNT);
  const controls = [];
  for (const id of controlIds) {
    controls.push(
      denseSeries(await collectionDays(shop, id, range.from, range.to), range.from, range.to),
    );
  }
  return {
    startDate: range.from,
    kpi: { kind: "sum", values },
    window: scope.window,
    controls,
    controlIds,
  };
}

function effectRow(
  shop: string,
  actionId: string,
  kpi: EffectKpi,
  task: ImpactTask & { controlIds?: string[] },
  lastDay: string,
): Prisma.ActionEffectCreateManyInput {
  const { controlIds, ...impactTask } = task;
  const window = task.window;
  let estimate: ImpactEstimate;
  try {
    estimate = estimateImpact(impactTask);
  } catch (error) {
    if (!(error instanceof ImpactInputError)) throw error;
    estimate = {
      verdict: "cannot-tell",
      point: null,
      lower: null,
      upper: null,
      reason: "missing-data",
      explanation: error.message,
      diagnostics: null,
    };
  }
  return {
    shop,
    actionId,
    kpi,
    verdict: estimate.verdict,
    point: estimate.point,
    lower: estimate.lower,
    upper: estimate.upper,
    reason: estimate.reason,
    explanation: estimate.explanation,
    controls: estimate.diagnostics?.controlsUsed ? (controlIds ?? []) : [],
    windowStart: window.start,
    windowEnd: window.end < lastDay ? window.end : lastDay,
    dataThrough: lastDay,
  };
}
