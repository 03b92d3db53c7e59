import { describe, expect, it } from "vitest";
import { blackFriday, formatIsoDay, parseIsoDay } from "./impact-calendar";
import { estimateImpact, ImpactInputError, type ImpactTask } from "./impact";
import { seededRandom, syntheticCase, type ScenarioOptions } from "./impact-simulation";

function shop(seed: number, options: Partial<ScenarioOptions> = {}): ImpactTask {
  return syntheticCase(seededRandom(seed), options).task;
}

const dayOf = (text: string) => parseIsoDay(text)!;
const position = (task: ImpactTask, date: string) => dayOf(date) - dayOf(task.startDate);
const dateAt = (task: ImpactTask, index: number) => formatIsoDay(dayOf(task.startDate) + index);

function sumValues(task: ImpactTask): (number | null)[] {
  if (task.kpi.kind !== "sum") throw new Error("expected a sum KPI");
  return [...task.kpi.values];
}

describe("estimateImpact", () => {
  it("GIVEN two years of revenue and a +25 % action WHEN estimated THEN it is an increase whose interval holds the truth", () => {
    const task = shop(11, { lift: 0.25, windowDays: 21 });
    const estimate = estimateImpact(task);
    expect(estimate.verdict).toBe("increase");
    expect(estimate.lower!).toBeGreaterThan(0);
    expect(estimate.lower!).toBeLessThan(0.25);
    expect(estimate.upper!).toBeGreaterThan(0.25);
    expect(estimate.point!).toBeGreaterThan(0.1);
    expect(estimate.diagnostics?.model).toBe("seasonal");
    expect(estimate.diagnostics?.estimatedDays).toBe(21);
    expect(estimate.diagnostics?.placebos).toBeGreaterThanOrEqual(5);
  });

  it("GIVEN a −25 % action WHEN estimated THEN it is a decrease", () => {
    const estimate = estimateImpact(shop(12, { lift: -0.25, windowDays: 21 }));
    expect(estimate.verdict).toBe("decrease");
    expect(estimate.upper!).toBeLessThan(0);
  });

  it("GIVEN an action without effect WHEN estimated THEN no detectable effect with an interval around 0", () => {
    const estimate = estimateImpact(shop(13, { lift: 0, windowDays: 14 }));
    expect(estimate.verdict).toBe("no-detectable-effect");
    expect(estimate.lower!).toBeLessThan(0);
    expect(estimate.upper!).toBeGreaterThan(0);
    expect(estimate.reason).toBeNull();
  });

  it("GIVEN sessions and orders both doubled in the window WHEN estimating the conversion ratio THEN it is unchanged while orders rose", () => {
    const base = shop(14, { kpi: "conversion", windowDays: 14 });
    if (base.kpi.kind !== "ratio") throw new Error("expected a ratio");
    const start = position(base, base.window.start);
    const double = (values: readonly (number | null)[]) =>
      values.map((v, i) => (i >= start && i < start + 14 && v !== null ? v * 2 : v));
    const numerator = double(base.kpi.numerator);
    const denominator = double(base.kpi.denominator);
    const conversion = estimateImpact({ ...base, kpi: { kind: "ratio", numerator, denominator } });
    const orders = estimateImpact({ ...base, kpi: { kind: "sum", values: numerator } });
    expect(conversion.verdict).toBe("no-detectable-effect");
    expect(orders.verdict).toBe("increase");
    expect(orders.point!).toBeGreaterThan(0.6);
  });

  it("GIVEN an action 30 days after the data starts WHEN estimated THEN it cannot tell: too little history", () => {
    const task = shop(15);
    const estimate = estimateImpact({
      ...task,
      window: { start: dateAt(task, 30), end: dateAt(task, 43) },
    });
    expect(estimate.verdict).toBe("cannot-tell");
    expect(estimate.reason).toBe("too-little-history");
    expect([estimate.point, estimate.lower, estimate.upper]).toEqual([null, null, null]);
  });

  it("GIVEN 300 days of history WHEN estimated without and with a control series THEN it cannot tell without, and estimates with", () => {
    const task = shop(16, { days: 300, withControl: true, windowDays: 7 });
    const without = estimateImpact({ ...task, controls: [] });
    expect(without.reason).toBe("too-little-history");
    expect(without.explanation).toContain("control series");
    const withControl = estimateImpact(task);
    if (withControl.verdict === "cannot-tell") {
      // Only the calendar may stand in the way of the local model, never the missing year.
      expect(withControl.reason).toBe("unseen-holiday");
    } else {
      expect(withControl.diagnostics?.model).toBe("local");
      expect(withControl.diagnostics?.controlsUsed).toBe(1);
    }
  });

  it("GIVEN missing days in the window WHEN more than a fifth are missing THEN it cannot tell: missing data", () => {
    const task = shop(17, { windowDays: 14 });
    const values = sumValues(task);
    const start = position(task, task.window.start);
    values[start + 1] = null;
    values[start + 2] = 0;
    const twoMissing = estimateImpact({ ...task, kpi: { kind: "sum", values } });
    expect(twoMissing.verdict).not.toBe("cannot-tell");
    expect(twoMissing.diagnostics?.estimatedDays).toBe(12);
    values[start + 3] = null;
    const threeMissing = estimateImpact({ ...task, kpi: { kind: "sum", values } });
    expect(threeMissing.reason).toBe("missing-data");
  });

  it("GIVEN zero denominators in the window WHEN estimating a ratio THEN it cannot tell: missing data", () => {
    const task = shop(18, { kpi: "conversion", windowDays: 7 });
    if (task.kpi.kind !== "ratio") throw new Error("expected a ratio");
    const start = position(task, task.window.start);
    const denominator = task.kpi.denominator.map((v, i) => (i >= start && i < start + 3 ? 0 : v));
    const estimate = estimateImpact({ ...task, kpi: { ...task.kpi, denominator } });
    expect(estimate.reason).toBe("missing-data");
  });

  it("GIVEN another action on the very same days WHEN estimated THEN it cannot tell: overlapping action", () => {
    const task = shop(19, { windowDays: 14 });
    const estimate = estimateImpact({ ...task, otherActions: [task.window] });
    expect(estimate.reason).toBe("overlapping-action");
  });

  it("GIVEN another action that started weeks before the window WHEN estimated THEN its effect is learnt and removed", () => {
    const task = shop(20, { windowDays: 14, withOtherActions: true, lift: 0.3 });
    const estimate = estimateImpact(task);
    expect(estimate.verdict).toBe("increase");
    expect(estimate.diagnostics?.columns).toContain("other-action:1");
    expect(estimate.diagnostics?.estimatedDays).toBe(14);
  });

  it("GIVEN another action starting halfway through the window WHEN estimated THEN its days are left out of the estimate", () => {
    const task = shop(21, { windowDays: 14 });
    const start = position(task, task.window.start);
    const estimate = estimateImpact({
      ...task,
      otherActions: [{ start: dateAt(task, start + 7), end: dateAt(task, start + 30) }],
    });
    expect(estimate.verdict).not.toBe("cannot-tell");
    expect(estimate.diagnostics?.estimatedDays).toBe(7);
  });

  it("GIVEN last year's Black Week missing from the data WHEN an action covers Black Friday THEN it cannot tell: unseen holiday", () => {
    const task = shop(22);
    const values = sumValues(task);
    const last = dayOf(task.startDate) + values.length - 1;
    const year = new Date(last * 86_400_000).getUTCFullYear();
    let target = blackFriday(year);
    if (target > last - 10) target = blackFriday(year - 1);
    const first = dayOf(task.startDate);
    for (let y = 2000; y < 2100; y++) {
      const bf = blackFriday(y);
      if (bf < target && bf - 4 >= first) {
        for (let d = bf - 4; d <= bf + 3; d++) values[d - first] = null;
      }
    }
    const estimate = estimateImpact({
      ...task,
      kpi: { kind: "sum", values },
      otherActions: [],
      window: { start: formatIsoDay(target - 1), end: formatIsoDay(target + 5) },
    });
    expect(estimate.reason).toBe("unseen-holiday");
    expect(estimate.explanation).toContain("Black");
  });

  it("GIVEN a window that runs past the data WHEN estimated THEN it is cut to the last day", () => {
    const task = shop(23, { windowDays: 14 });
    const length = sumValues(task).length;
    const start = length - 10;
    const estimate = estimateImpact({
      ...task,
      otherActions: [],
      window: { start: dateAt(task, start), end: dateAt(task, length + 20) },
    });
    expect(estimate.diagnostics?.windowDays).toBe(10);
  });

  it("GIVEN a window that starts after the data WHEN estimated THEN it cannot tell: missing data", () => {
    const task = shop(24);
    const length = sumValues(task).length;
    const estimate = estimateImpact({
      ...task,
      window: { start: dateAt(task, length + 1), end: dateAt(task, length + 5) },
    });
    expect(estimate.reason).toBe("missing-data");
  });

  it("GIVEN malformed input WHEN estimated THEN it throws an ImpactInputError naming the field", () => {
    const task = shop(25);
    expect(() => estimateImpact({ ...task, startDate: "2025-13-01" })).toThrow(ImpactInputError);
    expect(() => estimateImpact({ ...task, controls: [[1, 2, 3]] })).toThrow(/controls\[0\]/);
    expect(() =>
      estimateImpact({ ...task, window: { start: task.window.end, end: task.window.start } }),
    ).toThrow(/window.end/);
  });

  it("GIVEN the same task twice WHEN estimated THEN the answers are identical (pure)", () => {
    const task = shop(26, { lift: 0.1 });
    expect(estimateImpact(task)).toEqual(estimateImpact(task));
  });
});
