/**
 * Theme JSON files (templates/index.json, section groups) as the theme editor writes them: an
 * optional BOM and a leading `/* … *\/` comment ("auto-generated…") before the JSON, which plain
 * JSON.parse rejects. The leading text is kept apart and written back unchanged.
 */

export interface ThemeJson {
  /** BOM, the editor's comment and the whitespace after it, byte for byte. */
  header: string;
  data: unknown;
  /** Whatever follows the JSON value (normally one newline). */
  trailer: string;
}

export class ThemeJsonError extends Error {
  override name = "ThemeJsonError";
}

export function parseThemeJson(text: string): ThemeJson {
  let index = 0;
  if (text.charCodeAt(0) === 0xfeff) index = 1;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  if (text.startsWith("/*", index)) {
    const close = text.indexOf("*/", index + 2);
    if (close < 0) throw new ThemeJsonError("the comment at the top of the file is not closed");
    index = close + 2;
    while (index < text.length && /\s/.test(text[index]!)) index++;
  }
  const header = text.slice(0, index);
  const rest = text.slice(index);
  const body = rest.replace(/\s+$/, "");
  try {
    return { header, data: JSON.parse(body) as unknown, trailer: rest.slice(body.length) };
  } catch (error) {
    throw new ThemeJsonError(
      `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const LINE_WIDTH = 100;

/**
 * JSON in the editor's layout: two-space indent, and arrays of plain values on one line when the
 * whole line fits in 100 columns. `column` is where the value starts, `after` what follows it on
 * the line (a comma), so an untouched file comes back byte for byte.
 */
export function stringifyThemeData(value: unknown, indent = "", column = 0, after = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = `${indent}  `;
    const plain = value.every((item) => item === null || typeof item !== "object");
    if (plain) {
      const line = `[${value.map((item) => JSON.stringify(item)).join(", ")}]`;
      if (column + line.length + after <= LINE_WIDTH) return line;
    }
    const items = value.map(
      (item, i) =>
        `${inner}${stringifyThemeData(item, inner, inner.length, i < value.length - 1 ? 1 : 0)}`,
    );
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = `${indent}  `;
    const items = entries.map(([key, item], i) => {
      const prefix = `${inner}${JSON.stringify(key)}: `;
      const comma = i < entries.length - 1 ? 1 : 0;
      return `${prefix}${stringifyThemeData(item, inner, prefix.length, comma)}`;
    });
    return `{\n${items.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** The file text: the original header, the data in the editor's layout, the original trailer. */
export function formatThemeJson(document: ThemeJson): string {
  return `${document.header}${stringifyThemeData(document.data)}${document.trailer}`;
}

interface TemplateNode {
  type?: unknown;
  disabled?: unknown;
  blocks?: unknown;
}

function nodesOf(value: unknown): [string, TemplateNode][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).filter(
    (entry): entry is [string, TemplateNode] => entry[1] !== null && typeof entry[1] === "object",
  );
}

/** Section types a template uses (the `sections/<type>.liquid` files it needs). */
export function sectionTypes(template: unknown): string[] {
  const sections = (template as { sections?: unknown } | null)?.sections;
  const types = new Set<string>();
  for (const [, section] of nodesOf(sections)) {
    if (typeof section.type === "string" && !section.type.startsWith("shopify://")) {
      types.add(section.type);
    }
  }
  return [...types].sort();
}

/** Visible app blocks of `appHandle` anywhere in a template (nested blocks included). */
export function visibleAppBlocks(template: unknown, appHandle: string): string[] {
  const prefix = `shopify://apps/${appHandle}/blocks/`;
  const found: string[] = [];
  const walk = (nodes: unknown, parentVisible: boolean) => {
    for (const [, node] of nodesOf(nodes)) {
      const visible = parentVisible && node.disabled !== true;
      if (visible && typeof node.type === "string" && node.type.startsWith(prefix)) {
        found.push(node.type.slice(prefix.length).split("/")[0] ?? "");
      }
      walk(node.blocks, visible);
    }
  };
  walk((template as { sections?: unknown } | null)?.sections, true);
  return found;
}
