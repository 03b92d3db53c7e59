import { z } from "zod";
import { fromLocal, parseLocal, type DstAdjustment } from "./zoned-time";

/**
 * The campaign form as the merchant fills it in (times as wall-clock "YYYY-MM-DDTHH:mm" in the
 * shop's zone), validated into instants. Every error names its field.
 */

const gidOf = (type: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^gid://shopify/${type}/\\d+$`), `must be a ${type} id`);

const optionalText = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`);

const link = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) => value === "" || /^(https?:\/\/\S+|shopify:\/\/\S+|\/\S*)$/.test(value),
    "must be a web address (https://…), a store path (/collections/…) or a shopify:// link",
  );

export const campaignFormSchema = z.object({
  name: z.string().trim().min(1, "is required").max(120, "must be at most 120 characters"),
  mode: z.enum(["APP_BLOCK", "TEMPLATE"]).default("APP_BLOCK"),
  startsAt: z.string().trim().min(1, "is required"),
  endsAt: z.string().trim().default(""),
  notes: optionalText(2000).default(""),
  heading: optionalText(255).default(""),
  text: optionalText(2000).default(""),
  buttonLabel: optionalText(80).default(""),
  buttonLink: link.default(""),
  imageUrl: z
    .string()
    .trim()
    .max(2000)
    .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "must be a web address (https://…)")
    .default(""),
  collectionId: z.union([gidOf("Collection"), z.literal("")]).default(""),
  sourceThemeId: z.union([gidOf("OnlineStoreTheme"), z.literal("")]).default(""),
  confirmOverlap: z
    .union([z.boolean(), z.enum(["true", "false", "on", ""])])
    .transform((v) => v === true || v === "true" || v === "on")
    .default(false),
});

export type CampaignForm = z.input<typeof campaignFormSchema>;

export interface ValidCampaign {
  name: string;
  mode: "APP_BLOCK" | "TEMPLATE";
  startsAt: Date;
  endsAt: Date | null;
  notes: string;
  heading: string;
  text: string;
  buttonLabel: string;
  buttonLink: string;
  imageUrl: string;
  collectionId: string | null;
  sourceThemeId: string | null;
  confirmOverlap: boolean;
  /** DST notes for the merchant (a time moved forward or an ambiguous time resolved). */
  dst: { field: "startsAt" | "endsAt"; adjustment: Exclude<DstAdjustment, "none"> }[];
}

export type FieldErrors = Partial<Record<string, string>>;

export type CampaignValidation =
  { ok: true; value: ValidCampaign } | { ok: false; errors: FieldErrors };

export interface ValidationContext {
  zone: string;
  now: Date;
  /** An edit of a campaign already live may keep its (past) start. */
  startMayBePast?: boolean;
}

export function validateCampaignForm(raw: unknown, context: ValidationContext): CampaignValidation {
  const parsed = campaignFormSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const form = parsed.data;
  const dst: ValidCampaign["dst"] = [];
  const resolve = (field: "startsAt" | "endsAt", text: string): Date | null => {
    const local = parseLocal(text);
    if (!local) {
      errors[field] = "must be a date and time (YYYY-MM-DD HH:mm)";
      return null;
    }
    const { instant, adjustment } = fromLocal(local, context.zone);
    if (adjustment !== "none") dst.push({ field, adjustment });
    return instant;
  };
  const startsAt = resolve("startsAt", form.startsAt);
  const endsAt = form.endsAt ? resolve("endsAt", form.endsAt) : null;
  if (startsAt && !context.startMayBePast && startsAt.getTime() < context.now.getTime()) {
    errors.startsAt = "is in the past";
  }
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    errors.endsAt = "must be after the start";
  }
  if (endsAt && endsAt.getTime() <= context.now.getTime()) errors.endsAt ??= "is in the past";
  if (form.mode === "APP_BLOCK" && !form.heading) {
    errors.heading = "is required (the campaign block shows it)";
  }
  if (form.mode === "TEMPLATE" && !form.sourceThemeId) {
    errors.sourceThemeId = "is required (the theme the home page version comes from)";
  }
  if (Object.keys(errors).length > 0 || !startsAt) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name: form.name,
      mode: form.mode,
      startsAt,
      endsAt,
      notes: form.notes,
      heading: form.heading,
      text: form.text,
      buttonLabel: form.buttonLabel,
      buttonLink: form.buttonLink,
      imageUrl: form.imageUrl,
      collectionId: form.collectionId || null,
      sourceThemeId: form.sourceThemeId || null,
      confirmOverlap: form.confirmOverlap,
      dst,
    },
  };
}
