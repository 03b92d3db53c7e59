import { z } from "zod";
import { KPI_NAMES } from "./action-input";
import { dayNumber, type ShopDayClock } from "./kpi-day";

/**
 * The merchant's own note on the timeline, as the insights form sends it: local dates in the
 * shop's zone (a point, or a range of whole days), a title, a note, a category and optionally the
 * expected outcome in percent. Errors name the field.
 */

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)")
  .refine((value) => {
    try {
      dayNumber(value);
      return true;
    } catch {
      return false;
    }
  }, "is not a real date");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullish();

export const MANUAL_CATEGORIES = [
  "marketing",
  "campaign",
  "assortment",
  "pricing",
  "site",
  "other",
] as const;

export const manualFormSchema = z
  .object({
    title: z.string().trim().min(1, "is required").max(255, "must be at most 255 characters"),
    note: optionalText(2000),
    category: z.enum(MANUAL_CATEGORIES).default("other"),
    startDate: localDate,
    endDate: z.union([localDate, z.literal("")]).nullish(),
    expectedKpi: z.union([z.enum(KPI_NAMES), z.literal("")]).nullish(),
    expectedDirection: z.union([z.enum(["increase", "decrease"]), z.literal("")]).nullish(),
    /** Percent, e.g. "5" for +5 %. */
    expectedPercent: z
      .union([z.literal(""), z.coerce.number().positive("must be above 0").max(1000)])
      .nullish(),
  })
  .superRefine((form, ctx) => {
    if (form.endDate && form.endDate < form.startDate) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["endDate"],
        message: "must not be before the start date",
      });
    }
    if (form.expectedKpi && !form.expectedDirection) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["expectedDirection"],
        message: "is required with an expected KPI",
      });
    }
  });

export type ManualForm = z.input<typeof manualFormSchema>;

/** The form's fields as an action's (instants from local days: a range ends at the next midnight). */
export function manualActionFields(form: z.output<typeof manualFormSchema>, clock: ShopDayClock) {
  const start = dayNumber(form.startDate);
  const startedAt = new Date(clock.bounds(start).startMs);
  const endedAt = form.endDate ? new Date(clock.bounds(dayNumber(form.endDate)).endMs) : null;
  const expected =
    form.expectedKpi && form.expectedDirection
      ? {
          kpi: form.expectedKpi,
          direction: form.expectedDirection,
          size: typeof form.expectedPercent === "number" ? form.expectedPercent / 100 : null,
        }
      : null;
  return {
    title: form.title,
    note: form.note ?? null,
    category: form.category,
    startedAt,
    endedAt,
    expected,
  };
}

/** `{field: message}` from a zod error, for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
