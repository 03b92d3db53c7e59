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
  /** Absent for a point in time. */
  endedAt?: string;
}

/**
 * The annotation type by what the action did. Shopify lists its supported types in the ShopifyQL
 * docs (not in the schema); these follow its examples.
 */
export function annotationType(kind: string): string {
  if (kind.startsWith("homepage.")) return "store_redesign";
  if (kind.startsWith("collections.")) return "product_update";
  if (kind.startsWith("pricing.")) return "price_change";
  return "other";
}

export function annotationFields(action: AnnotatedAction): AnnotationFields {
  const note = action.note?.trim();
  return {
    title: shorten(action.title, ANNOTATION_TITLE_MAX),
    type: annotationType(action.kind),
    description: note ? shorten(note, ANNOTATION_DESCRIPTION_MAX) : null,
    startedAt: action.startedAt.toISOString(),
    ...(action.endedAt && action.endedAt.getTime() !== action.startedAt.getTime()
      ? { endedAt: action.endedAt.toISOString() }
      : {}),
  };
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
