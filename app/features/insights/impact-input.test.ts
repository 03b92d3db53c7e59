import { describe, expect, it } from "vitest";
import { parseImpactInput } from "./impact-input";

const validTask = {
  id: "campaign-1",
  startDate: "2026-01-01",
  kpi: { kind: "sum", values: [1, 2, null, 4, 5] },
  window: { start: "2026-01-04", end: "2026-01-10" },
};

describe("impact CLI input", () => {
  it("GIVEN a valid batch WHEN parsed THEN the tasks come back typed", () => {
    const parsed = parseImpactInput({ tasks: [validTask] });
    expect(parsed).toEqual({ ok: true, tasks: [validTask] });
  });

  it("GIVEN broken tasks WHEN parsed THEN every problem names the task id and field", () => {
    const parsed = parseImpactInput({
      tasks: [
        { ...validTask, startDate: "2026-02-30" },
        {
          ...validTask,
          id: "ratio",
          kpi: { kind: "ratio", numerator: [1, 2, 3, 4, 5], denominator: [1, -2, 3] },
          controls: [[1, 2]],
        },
        { ...validTask, id: "late", window: { start: "2026-02-01", end: "2026-01-01" } },
        { kpi: { kind: "mean" } },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toContain(
      'task "campaign-1": startDate: must be a real date written YYYY-MM-DD',
    );
    expect(parsed.errors).toContain(
      'task "ratio": kpi.denominator[1]: Number must be greater than or equal to 0',
    );
    expect(parsed.errors).toContain('task "ratio": controls[0]: has 2 values, the KPI 5');
    expect(parsed.errors).toContain('task "late": window.end: is before start');
    expect(parsed.errors.some((e) => e.startsWith("tasks[3]: id:"))).toBe(true);
    expect(parsed.errors.some((e) => e.startsWith("tasks[3]: kpi.kind:"))).toBe(true);
  });

  it("GIVEN a window outside the series WHEN parsed THEN it is reported against window.start", () => {
    const before = parseImpactInput({
      tasks: [{ ...validTask, window: { start: "2025-12-30", end: "2026-01-02" } }],
    });
    const after = parseImpactInput({
      tasks: [{ ...validTask, window: { start: "2026-01-06", end: "2026-01-08" } }],
    });
    expect(before).toEqual({
      ok: false,
      errors: ['task "campaign-1": window.start: is before startDate (2026-01-01)'],
    });
    expect(after).toEqual({
      ok: false,
      errors: ['task "campaign-1": window.start: is after the last day of the series (2026-01-05)'],
    });
  });

  it("GIVEN duplicate ids or no tasks WHEN parsed THEN it is rejected", () => {
    const duplicate = parseImpactInput({ tasks: [validTask, validTask] });
    expect(duplicate).toEqual({
      ok: false,
      errors: ['task "campaign-1": id: is used by an earlier task'],
    });
    expect(parseImpactInput({ tasks: [] })).toEqual({
      ok: false,
      errors: ["tasks: must list at least one task"],
    });
    expect(parseImpactInput([]).ok).toBe(false);
  });
});
