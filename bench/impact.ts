/**
 * Impact estimator benchmark: time per estimate on two years of daily data, and the calibration
 * of the estimator on synthetic shops with injected effects of known size. Prints, asserts nothing.
 * Run: `npm run bench:impact` (or `npx tsx bench/impact.ts`).
 */
import { estimateImpact } from "../app/features/insights/impact";
import {
  runCalibration,
  seededRandom,
  syntheticCase,
  type CalibrationReport,
  type ScenarioOptions,
} from "../app/features/insights/impact-simulation";
import { percentile } from "../app/features/insights/impact-stats";

const TIMED_ESTIMATES = 300;
const CASES_PER_LIFT = Number(process.env.IMPACT_BENCH_CASES ?? 1000);
const LIFTS = [0, 0.05, 0.1, 0.2];

function pct(value: number): string {
  return `${(value * 100).toFixed(1)} %`;
}

function timing(): void {
  const tasks = Array.from({ length: TIMED_ESTIMATES }, (_, i) => {
    const scenario: Partial<ScenarioOptions> = {
      days: 730,
      lift: 0.1,
      kpi: i % 3 === 2 ? "conversion" : "revenue",
      withControl: i % 4 === 1,
      withOtherActions: i % 5 === 3,
    };
    return syntheticCase(seededRandom(9_000 + i), scenario).task;
  });
  for (const task of tasks.slice(0, 20)) estimateImpact(task); // warm up the JIT
  const times = tasks.map((task) => {
    const started = performance.now();
    estimateImpact(task);
    return performance.now() - started;
  });
  console.log(
    `estimate, 730 daily values: median ${percentile(times, 0.5).toFixed(2)} ms, ` +
      `p95 ${percentile(times, 0.95).toFixed(2)} ms (${TIMED_ESTIMATES} estimates)`,
  );
}

function report(label: string, r: CalibrationReport): void {
  const detection = r.detection
    .filter((d) => d.lift > 0)
    .map((d) => `+${Math.round(d.lift * 100)} % ${pct(d.rate)}`)
    .join(", ");
  console.log(
    `${label}: coverage ${pct(r.coverage)}, false-positive rate ${pct(r.falsePositiveRate)}, ` +
      `detection ${detection}; median 95 % interval width ${pct(r.medianWidth)}, ` +
      `can't tell ${pct(r.cannotTellRate)} (${r.cases} cases)`,
  );
}

function calibration(): void {
  const scenarios: [string, Partial<Omit<ScenarioOptions, "lift">>][] = [
    ["revenue, 730 days", {}],
    ["conversion (ratio), 730 days", { kpi: "conversion" }],
    ["touched collection + control, 730 days", { withControl: true }],
    ["revenue with other actions, 730 days", { withOtherActions: true }],
    ["touched collection + control, 300 days (local model)", { days: 300, withControl: true }],
    // Appended, so the scenarios above keep their seeds (and the figures in ADR 010).
    ["touched collection + 3 largest controls, 730 days", { withControl: true, controlCount: 3 }],
    [
      "touched collection + 3 controls, 300 days (local model)",
      { days: 300, withControl: true, controlCount: 3 },
    ],
  ];
  scenarios.forEach(([label, scenario], i) => {
    const casesPerLift = i === 0 ? CASES_PER_LIFT : Math.ceil(CASES_PER_LIFT / 2);
    report(label, runCalibration({ seed: 20 + i, casesPerLift, lifts: LIFTS, scenario }));
  });
}

timing();
calibration();
