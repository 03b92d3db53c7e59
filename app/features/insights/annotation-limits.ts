/**
 * What Merchdesk writes to Shopify's analytics timeline for an action, within the platform's
 * limits (analyticsAnnotationCreate, 2026-10): title ≤ 75 characters, description ≤ 150. Longer
 * text is shortened on a word boundary with an ellipsis, never rejected: the full text stays in
 * Merchdesk, the annotation links there in spirit.
 */

export const ANNOTATION_TITLE_MAX = 75;
export const ANNOTATION_DESCRIPTION_MAX = 150;

/** Shortens `text` to at most `max` characters (counted as code points), ending in "…". */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const chars = [...clean];
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.trimEnd()}…`;
}

export interface AnnotatedAction {
  kind: string;
  title: string;
  note: string | null;
  startedAt: Date;
  endedAt: Date | null;
}

export interface AnnotationFields {
  title: string;
  type: string;
  description: string | null;
  startedAt: string;
  /** Absent for a point in time; null for a range still running (open-ended). */
  endedAt?: string | null;
}

/**
 * The annotation `type`. In the 2026-10 schema it is a plain `String!` in
 * AnalyticsAnnotationCreateInput (there is no enum): "a supported type for an app-created
 * annotation", listed only in the ShopifyQL ANNOTATE docs, where types sit in categories
 * (`online_store_events.store_redesign`, `product_events.product_launch`). The input takes the
 * type alone, never the category. `store_redesign` is the documented one that fits a storefront
 * change; the others are unconfirmed (SHOPIFY-PLATFORM.md §5.1 ⚠), so a type Shopify rejects is
 * written again as FALLBACK_ANNOTATION_TYPE instead of leaving the action off the timeline.
 */
export const FALLBACK_ANNOTATION_TYPE = "store_redesign";

export function annotationType(kind: string): string {
  if (kind.startsWith("homepage.")) return "store_redesign";
  if (kind.startsWith("collections.")) return "product_update";
  if (kind.startsWith("pricing.")) return "price_change";
  return "other";
}

/** Actions that stay open until a later action ends them (a campaign that went live). */
const OPEN_RANGE_KINDS = new Set(["homepage.switch_on"]);

export function annotationFields(action: AnnotatedAction): AnnotationFields {
  const note = action.note?.trim();
  const endedAt =
    action.endedAt && action.endedAt.getTime() !== action.startedAt.getTime()
      ? { endedAt: action.endedAt.toISOString() }
      : !action.endedAt && OPEN_RANGE_KINDS.has(action.kind)
        ? { endedAt: null }
        : {};
  return {
    title: shorten(action.title, ANNOTATION_TITLE_MAX),
    type: annotationType(action.kind),
    description: note ? shorten(note, ANNOTATION_DESCRIPTION_MAX) : null,
    startedAt: action.startedAt.toISOString(),
    ...endedAt,
  };
}

/** Did Shopify refuse the annotation's `type` (and nothing else)? */
export function rejectsType(
  errors: readonly { code?: string | null; field?: readonly string[] | null }[],
): boolean {
  return (
    errors.length > 0 &&
    errors.every((e) => e.code === "INVALID" && (e.field ?? []).includes("type"))
  );
}

export type AnnotationErrorKind = "quota" | "not-found" | "invalid";

/** Sorts Shopify's userErrors: quota (stop creating), gone (create again), invalid (record). */
export function classifyAnnotationError(
  errors: readonly { code?: string | null; message: string }[],
): { kind: AnnotationErrorKind; message: string } {
  const codes = errors.map((e) => e.code ?? "");
  const message = errors.map((e) => e.message).join("; ");
  if (codes.includes("LIMIT_REACHED")) return { kind: "quota", message };
  if (codes.includes("NOT_FOUND")) return { kind: "not-found", message };
  return { kind: "invalid", message };
}
