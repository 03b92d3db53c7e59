/**
 * Theme JSON files (templates, section groups, config) as the theme editor writes them: an optional
 * BOM and a leading `/* ... *\/` "auto-generated" comment before the JSON. Plain JSON.parse fails
 * on those, so the leading text is split off and written back byte for byte.
 */
export interface ThemeJsonDocument {
  /** Everything before the JSON value: BOM, header comment, whitespace. */
  prefix: string;
  data: unknown;
  /** Whitespace after the JSON value (usually a final newline). */
  suffix: string;
}

export class ThemeJsonError extends Error {}

const LEADING_TEXT = /^(\uFEFF?\s*(?:\/\*[\s\S]*?\*\/\s*)?)/;

export function parseThemeJson(text: string): ThemeJsonDocument {
  const prefix = LEADING_TEXT.exec(text)?.[1] ?? "";
  const rest = text.slice(prefix.length);
  const body = rest.trimEnd();
  const suffix = rest.slice(body.length);
  if (prefix.includes("/*") && !prefix.trimEnd().endsWith("*/")) {
    throw new ThemeJsonError("unterminated comment before the JSON value");
  }
  try {
    return { prefix, data: JSON.parse(body) as unknown, suffix };
  } catch (error) {
    throw new ThemeJsonError(error instanceof Error ? error.message : String(error));
  }
}

/** Line width the editor's formatter wraps at (lines in real theme files stay within it). */
const PRINT_WIDTH = 100;

/**
 * The theme editor's layout: 2-space indentation; an array of plain values stays on one line
 * (`"order": ["a", "b"]`) when that line fits the print width. An unchanged document is therefore
 * written back byte for byte. `lineUsed` is the width already taken on the current line and
 * `trailing` the width of what follows the value (a comma), so the fit test sees the whole line.
 */
export function formatThemeJson(value: unknown, indent = "", lineUsed = 0, trailing = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = indent + "  ";
    if (value.every((item) => item === null || typeof item !== "object")) {
      const oneLine = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (lineUsed + oneLine.length + trailing <= PRINT_WIDTH) return oneLine;
    }
    const lines = value.map((item, index) => {
      const comma = index < value.length - 1 ? 1 : 0;
      return inner + formatThemeJson(item, inner, inner.length, comma);
    });
    return `[\n${lines.join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    const lines = entries.map(([key, item], index) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      const comma = index < entries.length - 1 ? 1 : 0;
      return head + formatThemeJson(item, inner, head.length, comma);
    });
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Writes `data` back under the document's original header and trailing whitespace. */
export function writeThemeJson(document: ThemeJsonDocument, data: unknown = document.data): string {
  return `${document.prefix}${formatThemeJson(data)}${document.suffix}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Theme limits (shopify.dev "Theme limits"): sections per template and per section group. */
export const MAX_SECTIONS_PER_TEMPLATE = 25;

function validateSectionsAndOrder(data: Record<string, unknown>): string | null {
  const { sections, order } = data;
  if (!isPlainObject(sections)) return "'sections' must be an object";
  if (!Array.isArray(order)) return "'order' must be an array of section ids";
  if (Object.keys(sections).length > MAX_SECTIONS_PER_TEMPLATE) {
    return `a template or section group can have at most ${MAX_SECTIONS_PER_TEMPLATE} sections`;
  }
  const seen = new Set<string>();
  for (const id of order) {
    if (typeof id !== "string") return "'order' must contain section ids";
    if (!(id in sections)) return `'order' references section '${id}' missing from 'sections'`;
    if (seen.has(id)) return `'order' lists section '${id}' twice`;
    seen.add(id);
  }
  for (const [id, section] of Object.entries(sections)) {
    if (!isPlainObject(section) || typeof section.type !== "string") {
      return `section '${id}' must be an object with a 'type'`;
    }
  }
  return null;
}

/**
 * Validation the platform applies on write (FILE_VALIDATION_ERROR): every `.json` file must parse
 * (header allowed); JSON templates need `sections` + `order`; section groups also need `type` and
 * `name`. Returns the reason, or null when the file is acceptable.
 */
export function themeJsonValidationError(filename: string, text: string): string | null {
  if (!filename.endsWith(".json")) return null;
  let document: ThemeJsonDocument;
  try {
    document = parseThemeJson(text);
  } catch (error) {
    return `${filename} is not valid JSON: ${(error as Error).message}`;
  }
  const { data } = document;
  const isTemplate = /^templates\/(?:customers\/)?[^/]+\.json$/.test(filename);
  const isSectionGroup = /^sections\/[^/]+\.json$/.test(filename);
  if (!isTemplate && !isSectionGroup) return null;
  if (!isPlainObject(data)) return `${filename} must contain a JSON object`;
  if (isSectionGroup && (typeof data.type !== "string" || typeof data.name !== "string")) {
    return `${filename}: a section group needs 'type' and 'name'`;
  }
  const reason = validateSectionsAndOrder(data);
  return reason ? `${filename}: ${reason}` : null;
}
