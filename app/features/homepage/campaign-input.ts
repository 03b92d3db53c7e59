import { z } from "zod";
import { isMessageKey, type MessageKey, type Vars } from "../../i18n";
import { dstNoteFor, type DstNote } from "./dst-notice";
import { fromLocal, parseLocal } from "./zoned-time";

/**
 * The campaign form as the merchant fills it in (times as wall-clock "YYYY-MM-DDTHH:mm" in the
 * shop's zone), validated into instants. Every error names its field and is a message key with
 * its variables, so the form shows it in the merchant's language.
 */

/** "" or the GID of one of `types`, as a resource picker (or the theme list) gives it. */
const pickedId = (types: string[], message: MessageKey) =>
  z
    .string()
    .trim()
    .refine(
      (value) =>
        value === "" || new RegExp(`^gid://shopify/(${types.join("|")})/\\d+$`).test(value),
      message,
    )
    .default("");

const TOO_LONG: MessageKey = "homepage.error.tooLong";
const REQUIRED: MessageKey = "homepage.error.required";

const optionalText = (max: number) => z.string().trim().max(max, TOO_LONG);

const link = z
  .string()
  .trim()
  .max(2000, TOO_LONG)
  .refine(
    (value) => value === "" || /^(https?:\/\/\S+|shopify:\/\/\S+|\/\S*)$/.test(value),
    "homepage.error.buttonLink" satisfies MessageKey,
  );

export const campaignFormSchema = z.object({
  name: z.string().trim().min(1, REQUIRED).max(120, TOO_LONG),
  mode: z
    .enum(["APP_BLOCK", "TEMPLATE"], {
      errorMap: () => ({ message: "homepage.error.mode" satisfies MessageKey }),
    })
    .default("APP_BLOCK"),
  startsAt: z.string().trim().min(1, REQUIRED),
  endsAt: z.string().trim().default(""),
  notes: optionalText(2000).default(""),
  heading: optionalText(255).default(""),
  text: optionalText(2000).default(""),
  buttonLabel: optionalText(80).default(""),
  buttonLink: link.default(""),
  imageUrl: z
    .string()
    .trim()
    .max(2000, TOO_LONG)
    .refine(
      (v) => v === "" || /^https?:\/\/\S+$/.test(v),
      "homepage.error.imageUrl" satisfies MessageKey,
    )
    .default(""),
  // Set by the resource pickers.
  collectionId: pickedId(["Collection"], "homepage.error.collectionId"),
  /** The picked product or collection the button goes to (its link is derived on save). */
  buttonTargetId: pickedId(["Product", "Collection"], "homepage.error.buttonTargetId"),
  sourceThemeId: pickedId(["OnlineStoreTheme"], "homepage.error.sourceThemeId"),
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
  buttonTargetId: string | null;
  sourceThemeId: string | null;
  confirmOverlap: boolean;
  /** DST notes for the merchant (a time moved forward or an ambiguous time resolved). */
  dst: DstNote[];
}

/** An error as a message key and its variables (translated where it is shown). */
export interface FieldError {
  key: MessageKey;
  vars?: Vars;
}

export type FieldErrors = Partial<Record<string, FieldError>>;

export function fieldError(key: MessageKey, vars?: Vars): FieldError {
  return vars ? { key, vars } : { key };
}

export type CampaignValidation =
  { ok: true; value: ValidCampaign } | { ok: false; errors: FieldErrors };

export interface ValidationContext {
  zone: string;
  now: Date;
  /** An edit of a campaign already live may keep its (past) start. */
  startMayBePast?: boolean;
}

/** A schema issue as a field error: our messages are keys; anything else is "not valid". */
function issueError(issue: z.ZodIssue): FieldError {
  if (issue.code === "invalid_type" && issue.received === "undefined") return fieldError(REQUIRED);
  if (issue.code === "too_big" && issue.type === "string") {
    return fieldError(TOO_LONG, { max: Number(issue.maximum) });
  }
  return fieldError(isMessageKey(issue.message) ? issue.message : "homepage.error.invalid");
}

export function validateCampaignForm(raw: unknown, context: ValidationContext): CampaignValidation {
  const parsed = campaignFormSchema.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] ??= issueError(issue);
    }
    return { ok: false, errors };
  }
  const form = parsed.data;
  const dst: DstNote[] = [];
  const resolve = (field: "startsAt" | "endsAt", text: string): Date | null => {
    const local = parseLocal(text);
    if (!local) {
      errors[field] = fieldError("homepage.error.dateTime");
      return null;
    }
    const note = dstNoteFor(field, text, context.zone);
    if (note) dst.push(note);
    return fromLocal(local, context.zone).instant;
  };
  const startsAt = resolve("startsAt", form.startsAt);
  const endsAt = form.endsAt ? resolve("endsAt", form.endsAt) : null;
  if (startsAt && !context.startMayBePast && startsAt.getTime() < context.now.getTime()) {
    errors.startsAt = fieldError("homepage.error.startInPast");
  }
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    errors.endsAt = fieldError("homepage.error.endBeforeStart");
  }
  if (endsAt && endsAt.getTime() <= context.now.getTime()) {
    errors.endsAt ??= fieldError("homepage.error.endInPast");
  }
  if (form.mode === "APP_BLOCK" && !form.heading) {
    errors.heading = fieldError("homepage.error.headingRequired");
  }
  if (form.mode === "TEMPLATE" && !form.sourceThemeId) {
    errors.sourceThemeId = fieldError("homepage.error.sourceThemeRequired");
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
      buttonTargetId: form.buttonTargetId || null,
      sourceThemeId: form.sourceThemeId || null,
      confirmOverlap: form.confirmOverlap,
      dst,
    },
  };
}
