import { z } from "zod";
import { formatIsoDay, parseIsoDay } from "./impact-calendar";
import type { ImpactTask } from "./impact";
import { kpiLength } from "./impact-series";

/**
 * The analysts' batch format (`npm run -s impact -- input.json`): validated task by task, so every
 * problem is reported with the task's id and the field, and nothing is estimated from bad input.
 */

const isoDate = z
  .string()
  .refine((text) => parseIsoDay(text) !== null, "must be a real date written YYYY-MM-DD");
/** A day's value; null marks a missing day. */
const dailyValue = z.number().finite().nullable();
const series = z.array(dailyValue).min(1, "must have at least one value");
const countSeries = z.array(z.number().finite().nonnegative().nullable()).min(1);

const dayRange = z
  .object({ start: isoDate, end: isoDate })
  .refine((r) => (parseIsoDay(r.end) ?? 0) >= (parseIsoDay(r.start) ?? 0), {
    message: "is before start",
    path: ["end"],
  });

const kpi = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("sum"), values: series }),
  z.object({ kind: z.literal("ratio"), numerator: countSeries, denominator: countSeries }),
]);

const taskSchema = z
  .object({
    id: z.string().min(1, "must not be empty"),
    startDate: isoDate,
    kpi,
    window: dayRange,
    otherActions: z.array(dayRange).optional(),
    controls: z.array(series).optional(),
  })
  .superRefine((task, ctx) => {
    const length = kpiLength(task.kpi);
    if (task.kpi.kind === "ratio" && task.kpi.denominator.length !== length) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["kpi", "denominator"],
        message: `has ${task.kpi.denominator.length} values, the numerator ${length}`,
      });
    }
    task.controls?.forEach((control, i) => {
      if (control.length !== length) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["controls", i],
          message: `has ${control.length} values, the KPI ${length}`,
        });
      }
    });
    const first = parseIsoDay(task.startDate);
    const start = parseIsoDay(task.window.start);
    if (first === null || start === null) return;
    if (start < first) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["window", "start"],
        message: `is before startDate (${task.startDate})`,
      });
    } else if (start > first + length - 1) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["window", "start"],
        message: `is after the last day of the series (${formatIsoDay(first + length - 1)})`,
      });
    }
  });

export type ImpactInputTask = ImpactTask & { id: string };

export type ParsedImpactInput =
  { ok: true; tasks: ImpactInputTask[] } | { ok: false; errors: string[] };

function describePath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${part}` : part,
    "",
  );
}

/** Validate the batch; errors read `task "<id>": <field>: <problem>`. */
export function parseImpactInput(input: unknown): ParsedImpactInput {
  const envelope = z.object({ tasks: z.array(z.unknown()).min(1, "must list at least one task") });
  const outer = envelope.safeParse(input);
  if (!outer.success) {
    return {
      ok: false,
      errors: outer.error.issues.map((i) => `${describePath(i.path) || "input"}: ${i.message}`),
    };
  }
  const errors: string[] = [];
  const tasks: ImpactInputTask[] = [];
  const seen = new Set<string>();
  outer.data.tasks.forEach((raw, index) => {
    const rawId =
      typeof raw === "object" && raw !== null && "id" in raw ? (raw as { id: unknown }).id : null;
    const label = typeof rawId === "string" && rawId !== "" ? `task "${rawId}"` : `tasks[${index}]`;
    const parsed = taskSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push(`${label}: ${describePath(issue.path) || "task"}: ${issue.message}`);
      }
      return;
    }
    if (seen.has(parsed.data.id)) {
      errors.push(`${label}: id: is used by an earlier task`);
      return;
    }
    seen.add(parsed.data.id);
    tasks.push(parsed.data);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, tasks };
}
