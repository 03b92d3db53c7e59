import type { Prisma } from "@prisma/client";
import { db } from "../../db.server";
import { KPI_NAMES } from "./action-input";
import {
  actionWindow,
  dailyColumns,
  kpiSeries,
  type DailyColumns,
  type KpiName,
  type StoredDay,
} from "./effect-series";
import { estimateImpact, ImpactInputError, type DayRange, type ImpactEstimate } from "./impact";
import { dayKey, ShopDayClock } from "./kpi-day";

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
    select: { id: true, startedAt: true, endedAt: true },
  });
  const windows = actions.map((a) => ({ id: a.id, window: actionWindow(clock, a) }));
  const kpis = KPI_NAMES.filter(
    (k) => sessionsKnown || (k !== "sessions" && k !== "conversion_rate"),
  );
  const rows: Prisma.ActionEffectCreateManyInput[] = [];
  for (const { id, window } of windows) {
    if (window.start < columns.startDate) continue; // before the data: nothing to compare with
    const others = otherWindows(windows, id);
    for (const kpi of kpis) rows.push(effectRow(shop, id, kpi, columns, window, others, lastDay));
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

function effectRow(
  shop: string,
  actionId: string,
  kpi: KpiName,
  columns: DailyColumns,
  window: DayRange,
  otherActions: DayRange[],
  lastDay: string,
): Prisma.ActionEffectCreateManyInput {
  let estimate: ImpactEstimate;
  try {
    estimate = estimateImpact({
      startDate: columns.startDate,
      kpi: kpiSeries(kpi, columns),
      window,
      otherActions,
    });
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
    windowStart: window.start,
    windowEnd: window.end < lastDay ? window.end : lastDay,
    dataThrough: lastDay,
  };
}
