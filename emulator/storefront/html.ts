/** HTML helpers for the storefront: everything merchant- or app-provided is escaped. */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
  nbsp: " ",
};

/**
 * The visible text of a rich-text theme setting ("<p>Browse our <em>latest</em></p>"): tags
 * dropped, common entities decoded, whitespace collapsed. The result still needs escaping.
 */
export function richTextToPlain(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A link the storefront may emit: theme links (`shopify://collections/x`) become storefront
 * paths; http(s), mailto and relative links pass; anything else (javascript:, data:) becomes "#".
 */
export function safeHref(link: string): string {
  const trimmed = link.trim();
  const theme = /^shopify:\/\/(collections|products|pages|blogs)\/(.+)$/.exec(trimmed);
  if (theme) return `/${theme[1]}/${theme[2]}`;
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^\/(?!\/)/.test(trimmed) || trimmed.startsWith("#")) return trimmed;
  return "#";
}

/** `name="value"` pairs for data attributes, values escaped; undefined values are left out. */
export function attributes(pairs: Record<string, string | undefined>): string {
  return Object.entries(pairs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
}
