import type { MessageKey, Vars } from "../../i18n";
import {
  formatLocal,
  fromLocal,
  offsetMinutes,
  parseLocal,
  toLocal,
  type DstAdjustment,
} from "./zoned-time";

/**
 * How a campaign time typed on a daylight-saving night was resolved (zoned-time.ts decides), in
 * words the merchant can check: what they typed, the time the campaign really uses and its UTC
 * offset. The form shows it while typing, and the campaign page after saving.
 */

export type DstField = "startsAt" | "endsAt";

export interface DstNote {
  field: DstField;
  adjustment: Exclude<DstAdjustment, "none">;
  /** What the merchant typed ("YYYY-MM-DDTHH:mm", shop time). */
  entered: string;
}

/** The note for a typed time, or null when the time is ordinary (or not a time at all). */
export function dstNoteFor(field: DstField, entered: string, zone: string): DstNote | null {
  const local = parseLocal(entered);
  if (!local) return null;
  const { adjustment } = fromLocal(local, zone);
  return adjustment === "none" ? null : { field, adjustment, entered: formatLocal(local) };
}

function utcOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${minutes < 0 ? "−" : "+"}${hh}:${mm}`;
}

export interface DstNotice {
  key: MessageKey;
  /** The field's label key: the caller translates it into `vars.field`. */
  fieldKey: MessageKey;
  vars: Vars;
}

/** The translatable notice for a note: typed time, resolved time, its offset, the zone. */
export function dstNotice(note: DstNote, zone: string): DstNotice | null {
  const local = parseLocal(note.entered);
  if (!local) return null;
  const { instant } = fromLocal(local, zone);
  return {
    key: `homepage.dst.${note.adjustment}`,
    fieldKey: `homepage.field.${note.field}`,
    vars: {
      entered: note.entered.replace("T", " "),
      resolved: formatLocal(toLocal(instant, zone)).replace("T", " "),
      offset: utcOffset(offsetMinutes(instant, zone)),
      zone,
    },
  };
}

const SAVED_PARAM = /^(startsAt|endsAt)\.(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/;

/** The campaign page URL's `dst` values after a create: "<field>.<typed time>". */
export function dstParam(note: DstNote): string {
  return `${note.field}.${note.entered}`;
}

/**
 * Notes carried in the URL from the create page, kept only while they still describe the saved
 * campaign: the typed time must resolve to the instant stored for that field.
 */
export function savedDstNotes(
  values: string[],
  saved: { startsAt: string; endsAt: string | null },
  zone: string,
): DstNote[] {
  const notes: DstNote[] = [];
  for (const value of values) {
    const match = SAVED_PARAM.exec(value);
    if (!match) continue;
    const field = match[1] as DstField;
    const note = dstNoteFor(field, match[2]!, zone);
    const stored = saved[field];
    if (!note || !stored || notes.some((n) => n.field === field)) continue;
    const { instant } = fromLocal(parseLocal(note.entered)!, zone);
    if (instant.toISOString() === new Date(stored).toISOString()) notes.push(note);
  }
  return notes;
}
