import { z } from "zod";
import { isMessageKey, type MessageKey, type Vars } from "../../i18n";

/**
 * A campaign's alert (something the merchant must see: a switch failed, verification failed,
 * drift awaiting a choice) is stored as a message code and its variables, and translated when
 * shown, so each merchant reads it in their own language. Variables carry names and Shopify's
 * own error text, which stay as they are.
 */
export const ALERT_CODES = [
  "content_not_saved",
  "not_shown_end_passed",
  "switch_failed_start",
  "switch_failed_end",
  "storefront_not_shown",
  "storefront_still_shown",
  "preflight_warnings",
  "template_drift",
  /** Text stored before alerts had codes (converted rows the migration could not classify). */
  "legacy",
] as const;

export type AlertCode = (typeof ALERT_CODES)[number];

const alertSchema = z.object({
  code: z.enum(ALERT_CODES),
  vars: z.record(z.string(), z.string()).default({}),
  /** Pre-flight warnings found shortly before the start (code, and the collection it names). */
  warnings: z.array(z.object({ code: z.string(), subject: z.string().default("") })).optional(),
});

export type CampaignAlert = z.infer<typeof alertSchema>;

/** Builds an alert to store (the column is JSON). */
export function campaignAlert(
  code: AlertCode,
  vars: Record<string, string> = {},
  warnings?: { code: string; subject?: string | null }[],
): CampaignAlert {
  return {
    code,
    vars,
    ...(warnings
      ? { warnings: warnings.map((w) => ({ code: w.code, subject: w.subject ?? "" })) }
      : {}),
  };
}

/** Reads a stored alert; null when there is none. Anything unreadable is shown as text. */
export function parseAlert(value: unknown): CampaignAlert | null {
  if (value === null || value === undefined) return null;
  const parsed = alertSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  return { code: "legacy", vars: { text: typeof value === "string" ? value : "" } };
}

type Translate = (key: MessageKey, vars?: Vars) => string;

/** The alert in the merchant's language. */
export function alertText(alert: CampaignAlert, t: Translate): string {
  const message = t(`homepage.alert.${alert.code}` as MessageKey, alert.vars);
  if (!alert.warnings?.length) return message;
  const warnings = alert.warnings.map((w) => {
    const key = `homepage.warning.${w.code}`;
    return isMessageKey(key) ? t(key, { subject: w.subject }) : w.code;
  });
  return [message, ...warnings].join(" ");
}

/** The stored alert (as loaded) in the merchant's language; null when there is none. */
export function storedAlertText(value: unknown, t: Translate): string | null {
  const alert = parseAlert(value);
  return alert ? alertText(alert, t) : null;
}
