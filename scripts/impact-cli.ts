/**
 * Impact estimates for analysts: `npm run -s impact -- <input.json>` reads
 * `{"tasks":[{id, startDate, kpi, window, otherActions?, controls?}]}` and prints
 * `{"<id>":{"point","lower","upper","verdict"}}` (relative lifts; null when it cannot tell).
 * Why it cannot tell goes to stderr, one line per task. Invalid input: every problem on stderr,
 * naming the task and field, and exit code 1.
 */
import { readFileSync } from "node:fs";
import { estimateImpact } from "../app/features/insights/impact";
import { parseImpactInput } from "../app/features/insights/impact-input";

function fail(lines: string[]): never {
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
}

const path = process.argv[2];
if (path === undefined || path === "--help") {
  fail(["usage: npm run -s impact -- <input.json>"]);
}

let text: string;
try {
  text = readFileSync(path, "utf8");
} catch (error) {
  fail([`cannot read ${path}: ${(error as Error).message}`]);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail([`${path} is not valid JSON: ${(error as Error).message}`]);
}

const parsed = parseImpactInput(json);
if (!parsed.ok) fail(parsed.errors);

const output: Record<
  string,
  { point: number | null; lower: number | null; upper: number | null; verdict: string }
> = {};
for (const task of parsed.tasks) {
  const estimate = estimateImpact(task);
  output[task.id] = {
    point: estimate.point,
    lower: estimate.lower,
    upper: estimate.upper,
    verdict: estimate.verdict,
  };
  if (estimate.verdict === "cannot-tell") {
    process.stderr.write(
      `task "${task.id}": can't tell (${estimate.reason}): ${estimate.explanation}\n`,
    );
  }
}
process.stdout.write(`${JSON.stringify(output)}\n`);
