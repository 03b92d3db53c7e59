import { describe, expect, it } from "vitest";
import { estimateImpact } from "./impact";
import { runCalibration, seededRandom, syntheticCase } from "./impact-simulation";

/**
 * Calibration on synthetic shops with injected effects of known size (seeded, so stable). The
 * tolerances allow for the sampling error of a few hundred cases and nothing more: a method whose
 * intervals were 10 % too narrow would fail them.
 */
const SLOW = { timeout: 120_000 };

describe("impact estimator calibration (simulation)", () => {
  it("GIVEN the same seed WHEN generating a shop THEN the series are identical", () => {
    const a = syntheticCase(seededRandom(7), { lift: 0.1 });
    const b = syntheticCase(seededRandom(7), { lift: 0.1 });
    expect(a).toEqual(b);
    expect(syntheticCase(seededRandom(8)).task.startDate).not.toBe(undefined);
  });

  it(
    "GIVEN 800 revenue series with 0/+5/+10/+20 % effects WHEN estimated THEN 95 % intervals cover the truth ~95 % of the time and detection rises with size",
    SLOW,
    () => {
      const report = runCalibration({ seed: 1, casesPerLift: 200, lifts: [0, 0.05, 0.1, 0.2] });
      expect(report.cannotTellRate).toBe(0);
      expect(report.coverage).toBeGreaterThanOrEqual(0.93);
      expect(report.coverage).toBeLessThanOrEqual(0.975);
      expect(report.falsePositiveRate).toBeLessThanOrEqual(0.075);
      expect(report.falsePositiveRate).toBeGreaterThanOrEqual(0.015);
      const [, five, ten, twenty] = report.detection;
      expect(five.rate).toBeGreaterThan(report.falsePositiveRate);
      expect(ten.rate).toBeGreaterThan(five.rate);
      expect(twenty.rate).toBeGreaterThan(ten.rate);
      expect(twenty.rate).toBeGreaterThanOrEqual(0.7);
      // Unbiased: the mean estimate is within a percentage point of the injected effect.
      for (const d of report.detection) expect(Math.abs(d.meanPoint - d.lift)).toBeLessThan(0.01);
    },
  );

  it(
    "GIVEN conversion-rate series (orders / sessions) WHEN estimated THEN coverage and false positives stay near 95 % and 5 %",
    SLOW,
    () => {
      const report = runCalibration({
        seed: 2,
        casesPerLift: 200,
        lifts: [0, 0.1],
        scenario: { kpi: "conversion" },
      });
      expect(report.coverage).toBeGreaterThanOrEqual(0.92);
      expect(report.coverage).toBeLessThanOrEqual(0.98);
      expect(report.falsePositiveRate).toBeLessThanOrEqual(0.08);
      expect(report.detection[1].rate).toBeGreaterThan(0.3);
    },
  );

  it(
    "GIVEN other actions before and overlapping the window WHEN estimated THEN they do not bias the estimate or its coverage",
    SLOW,
    () => {
      const report = runCalibration({
        seed: 3,
        casesPerLift: 200,
        lifts: [0, 0.1],
        scenario: { withOtherActions: true },
      });
      expect(report.coverage).toBeGreaterThanOrEqual(0.92);
      expect(report.falsePositiveRate).toBeLessThanOrEqual(0.08);
      for (const d of report.detection) expect(Math.abs(d.meanPoint - d.lift)).toBeLessThan(0.015);
    },
  );

  it(
    "GIVEN a touched collection with an untouched control WHEN estimated THEN it stays calibrated and the control narrows the interval",
    SLOW,
    () => {
      const report = runCalibration({
        seed: 4,
        casesPerLift: 200,
        lifts: [0, 0.1],
        scenario: { withControl: true },
      });
      expect(report.coverage).toBeGreaterThanOrEqual(0.92);
      expect(report.falsePositiveRate).toBeLessThanOrEqual(0.08);

      const ratios: number[] = [];
      for (let i = 0; i < 60; i++) {
        const { task } = syntheticCase(seededRandom(500 + i), { withControl: true });
        const withControl = estimateImpact(task);
        const without = estimateImpact({ ...task, controls: [] });
        ratios.push((withControl.upper! - withControl.lower!) / (without.upper! - without.lower!));
      }
      ratios.sort((a, b) => a - b);
      expect(ratios[30]).toBeLessThan(0.97);
    },
  );

  it(
    "GIVEN a touched collection and the three largest untouched collections as controls (as the effect job passes them) WHEN estimated THEN coverage stays ~95 % and false positives ~5 %",
    SLOW,
    () => {
      const report = runCalibration({
        seed: 5,
        casesPerLift: 200,
        lifts: [0, 0.1],
        scenario: { withControl: true, controlCount: 3 },
      });
      // A small control can miss too many days and is then left out; the rest still estimate.
      expect(report.cannotTellRate).toBeLessThanOrEqual(0.03);
      expect(report.coverage).toBeGreaterThanOrEqual(0.93);
      expect(report.coverage).toBeLessThanOrEqual(0.98);
      expect(report.falsePositiveRate).toBeLessThanOrEqual(0.075);
      expect(report.falsePositiveRate).toBeGreaterThanOrEqual(0.01);
      for (const d of report.detection) expect(Math.abs(d.meanPoint - d.lift)).toBeLessThan(0.015);
      expect(report.detection[1].rate).toBeGreaterThan(0.3);
    },
  );

  it(
    "GIVEN 300 days of history and three controls (the local model) WHEN estimated THEN it stays within the local model's known calibration",
    SLOW,
    () => {
      const report = runCalibration({
        seed: 6,
        casesPerLift: 150,
        lifts: [0],
        scenario: { withControl: true, controlCount: 3, days: 300 },
      });
      expect(report.coverage).toBeGreaterThanOrEqual(0.88);
      expect(report.falsePositiveRate).toBeLessThanOrEqual(0.12);
    },
  );
});
