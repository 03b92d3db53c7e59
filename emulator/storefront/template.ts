import { z } from "zod";
import { parseThemeJson } from "../themes/theme-json";
import type { ShopState, Theme } from "../store/types";

/**
 * Reading a theme's home template (`templates/index.json`, SHOPIFY-PLATFORM.md §3.4) for the
 * storefront and the shopper simulation: which theme is shown, its sections in `order`, and what
 * they feature (collections, app blocks).
 */

export interface TemplateBlock {
  type: string;
  settings: Record<string, unknown>;
  disabled?: boolean;
  static?: boolean;
  blocks?: Record<string, TemplateBlock>;
  block_order?: string[];
}

const settingsSchema = z.record(z.string(), z.unknown()).default({});

const blockSchema: z.ZodType<TemplateBlock, z.ZodTypeDef, unknown> = z.lazy(() =>
  z
    .object({
      type: z.string(),
      settings: settingsSchema,
      disabled: z.boolean().optional(),
      static: z.boolean().optional(),
      blocks: z.record(z.string(), blockSchema).optional(),
      block_order: z.array(z.string()).optional(),
    })
    .passthrough(),
);

const templateSchema = z
  .object({
    sections: z.record(z.string(), blockSchema),
    order: z.array(z.string()),
  })
  .passthrough();

export type HomeTemplate = z.infer<typeof templateSchema>;

export type TemplateResult = { ok: true; template: HomeTemplate } | { ok: false; error: string };

/** Parses a JSON template, tolerating the theme editor's comment header and a BOM. */
export function parseTemplate(text: string): TemplateResult {
  let data: unknown;
  try {
    data = parseThemeJson(text).data;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const parsed = templateSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid" };
  return { ok: true, template: parsed.data };
}

/** Accepts a numeric theme id (as in `?preview_theme_id=123`) or a GID. */
function themeIdMatches(theme: Theme, id: string): boolean {
  return theme.id === id || theme.id === `gid://shopify/OnlineStoreTheme/${id}`;
}

/** The theme the storefront shows: the preview theme when it exists, otherwise the MAIN one. */
export function storefrontTheme(shop: ShopState, previewThemeId?: string): Theme | undefined {
  if (previewThemeId) {
    for (const theme of shop.themes.values()) {
      if (themeIdMatches(theme, previewThemeId)) return theme;
    }
  }
  for (const theme of shop.themes.values()) if (theme.role === "MAIN") return theme;
  return undefined;
}

export function homeTemplateOf(theme: Theme): TemplateResult {
  const file = theme.files.get("templates/index.json");
  if (!file) return { ok: false, error: "templates/index.json not found" };
  if (file.base64) return { ok: false, error: "templates/index.json is not a text file" };
  return parseTemplate(file.content);
}

/** Sections in `order` that exist and are not disabled, with their ids. */
export function visibleSections(template: HomeTemplate): [string, TemplateBlock][] {
  const out: [string, TemplateBlock][] = [];
  for (const id of template.order) {
    const section = template.sections[id];
    if (section && section.disabled !== true) out.push([id, section]);
  }
  return out;
}

/**
 * Blocks in render order: static blocks (rendered by the section's own markup, so never listed
 * in `block_order`) first, then `block_order`; disabled blocks are skipped.
 */
export function visibleBlocks(parent: TemplateBlock): [string, TemplateBlock][] {
  const blocks = parent.blocks ?? {};
  const order = parent.block_order ?? [];
  const listed = new Set(order);
  const ids = [
    ...Object.keys(blocks).filter((id) => blocks[id].static === true && !listed.has(id)),
    ...order,
  ];
  const out: [string, TemplateBlock][] = [];
  for (const id of ids) {
    const block = blocks[id];
    if (block && block.disabled !== true) out.push([id, block]);
  }
  return out;
}

const APP_BLOCK = /^shopify:\/\/apps\/([^/]+)\/blocks\/([^/]+)\/([^/]+)$/;

/** `shopify://apps/<app handle>/blocks/<block handle>/<uuid>` -> its parts; null otherwise. */
export function parseAppBlockType(
  type: string,
): { appHandle: string; blockHandle: string; uuid: string } | null {
  const match = APP_BLOCK.exec(type);
  return match ? { appHandle: match[1], blockHandle: match[2], uuid: match[3] } : null;
}

/** What a home template shows, for the shopper simulation. */
export interface HomePageFeatures {
  /** Handles of collections that visible sections or blocks feature ("all" excluded). */
  collectionHandles: string[];
  /** Whether a visible Merchdesk app block is on the page. */
  hasMerchdeskBlock: boolean;
}

export function homePageFeatures(template: HomeTemplate, appHandle: string): HomePageFeatures {
  const handles = new Set<string>();
  let hasMerchdeskBlock = false;
  const visit = (block: TemplateBlock) => {
    const app = parseAppBlockType(block.type);
    if (app?.appHandle === appHandle) hasMerchdeskBlock = true;
    for (const handle of featuredHandles(block.settings)) handles.add(handle);
    for (const [, child] of visibleBlocks(block)) visit(child);
  };
  for (const [, section] of visibleSections(template)) visit(section);
  handles.delete("all");
  return { collectionHandles: [...handles], hasMerchdeskBlock };
}

/** Collection handles a settings object refers to (`collection`, `collection_list`, ...). */
export function featuredHandles(settings: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (key === "collection" && typeof value === "string" && value) out.push(value);
    if ((key === "collection_list" || key === "collections") && Array.isArray(value)) {
      for (const item of value) if (typeof item === "string" && item) out.push(item);
    }
  }
  return out;
}
