import { readdirSync, readFileSync } from "node:fs";
import { nextGid } from "../store/shop";
import { formatThemeJson } from "../themes/theme-json";
import type { ShopState, Theme, ThemeFile, ThemeRole } from "../store/types";
import { SEEDED_COLLECTION_HANDLES } from "./collections";

/**
 * Themes of the seeded stores. The live theme carries the vendored Horizon files byte for byte,
 * including the `/* ... *\/` header the theme editor writes, because that header is exactly what
 * trips up naive JSON parsing in the app.
 */

const FIXTURE_DIR = new URL("../fixtures/themes/horizon-4.1.3/", import.meta.url);
/** Theme folders that hold theme files (the fixture also has a LICENSE that is not one). */
const THEME_FOLDERS = ["config", "layout", "sections", "snippets", "templates", "locales"];

let fixtureCache: Map<string, string> | null = null;

/** The Horizon fixture's files: filename ("templates/index.json") -> exact content. */
export function horizonFixtureFiles(): ReadonlyMap<string, string> {
  if (fixtureCache) return fixtureCache;
  const files = new Map<string, string>();
  for (const folder of THEME_FOLDERS) {
    let names: string[];
    try {
      names = readdirSync(new URL(`${folder}/`, FIXTURE_DIR));
    } catch {
      continue; // the fixture ships only some folders
    }
    for (const name of names.sort()) {
      files.set(
        `${folder}/${name}`,
        readFileSync(new URL(`${folder}/${name}`, FIXTURE_DIR), "utf8"),
      );
    }
  }
  fixtureCache = files;
  return files;
}

/** The comment header the theme editor puts on JSON templates it writes. */
export function themeEditorHeader(content: string): string {
  const match = /^\uFEFF?\s*\/\*[\s\S]*?\*\/\s*/.exec(content);
  return match ? match[0] : "";
}

function themeFile(filename: string, content: string, at: string): ThemeFile {
  return { filename, content, base64: false, createdAt: at, updatedAt: at };
}

export function addTheme(
  shop: ShopState,
  name: string,
  role: ThemeRole,
  files: ReadonlyMap<string, string>,
  createdAt: string,
  updatedAt = createdAt,
): Theme {
  const theme: Theme = {
    id: nextGid(shop, "OnlineStoreTheme"),
    name,
    role,
    createdAt,
    updatedAt,
    files: new Map(),
  };
  for (const [filename, content] of files) {
    theme.files.set(filename, themeFile(filename, content, updatedAt));
  }
  shop.themes.set(theme.id, theme);
  return theme;
}

/** Merchdesk's theme app block handle as it appears in templates (`shopify://apps/...`). */
export function merchdeskBlockType(appHandle: string): string {
  return `shopify://apps/${appHandle}/blocks/campaign/9f3c2a71-5d0e-4b8a-a6c4-2e7d1b90c4f5`;
}

/**
 * The draft theme's home page: a Black Week campaign layout. Same Horizon section types as the
 * live template, plus a Merchdesk campaign app block, a product list of the (still unpublished)
 * Black Friday collection and a disabled newsletter section the merchant switched off.
 */
export function campaignIndexTemplate(appHandle: string, header: string): string {
  const template = {
    sections: {
      hero_bw2026: {
        type: "hero",
        name: "t:names.hero",
        blocks: {
          text_bw_heading: {
            type: "text",
            name: "t:names.heading",
            settings: { text: "<h2>Black Week – upp till 40 % rabatt</h2>", type_preset: "h1" },
            blocks: {},
          },
          text_bw_body: {
            type: "text",
            name: "t:names.text",
            settings: {
              text: "<p>Fri frakt på allt i en vecka. Gäller så långt lagret räcker.</p>",
            },
            blocks: {},
          },
          button_bw: {
            type: "button",
            name: "t:names.button",
            settings: {
              label: "Till erbjudandena",
              link: `shopify://collections/${SEEDED_COLLECTION_HANDLES.blackFriday}`,
              open_in_new_tab: false,
              style_class: "button",
            },
            blocks: {},
          },
        },
        block_order: ["text_bw_heading", "text_bw_body", "button_bw"],
        settings: { section_height: "large", toggle_overlay: true, overlay_color: "#00000080" },
      },
      section_merchdesk: {
        type: "section",
        name: "t:names.section",
        blocks: {
          merchdesk_campaign_Xk29Qa: {
            type: merchdeskBlockType(appHandle),
            settings: {},
          },
        },
        block_order: ["merchdesk_campaign_Xk29Qa"],
        settings: { section_width: "page-width" },
      },
      product_list_bf: {
        type: "product-list",
        name: "t:names.featured_collection",
        blocks: {},
        settings: {
          collection: SEEDED_COLLECTION_HANDLES.blackFriday,
          layout_type: "grid",
          max_products: 8,
          columns: 4,
        },
      },
      product_list_winter: {
        type: "product-list",
        name: "t:names.featured_collection",
        blocks: {},
        settings: {
          collection: SEEDED_COLLECTION_HANDLES.jackets,
          layout_type: "carousel",
          max_products: 6,
          columns: 3,
        },
      },
      newsletter_off: {
        type: "email-signup",
        name: "t:names.email_signup",
        disabled: true,
        blocks: {},
        settings: { heading: "Prenumerera på vårt nyhetsbrev" },
      },
    },
    order: [
      "hero_bw2026",
      "section_merchdesk",
      "product_list_bf",
      "product_list_winter",
      "newsletter_off",
    ],
  };
  return `${header}${formatThemeJson(template)}\n`;
}

export interface ThemeSeedOptions {
  nowMs: number;
  /** Also create the unpublished Black Friday draft theme. */
  withDraft: boolean;
}

/** The live "Horizon" theme (fixture files verbatim) and optionally the campaign draft. */
export function seedThemes(shop: ShopState, options: ThemeSeedOptions): void {
  const fixture = horizonFixtureFiles();
  const day = 86_400_000;
  const liveCreated = new Date(options.nowMs - 400 * day).toISOString();
  const liveUpdated = new Date(options.nowMs - 30 * day).toISOString();
  addTheme(shop, "Horizon", "MAIN", fixture, liveCreated, liveUpdated);
  if (!options.withDraft) return;

  const files = new Map(fixture);
  const liveIndex = fixture.get("templates/index.json") ?? "";
  files.set(
    "templates/index.json",
    campaignIndexTemplate(shop.app.handle, themeEditorHeader(liveIndex)),
  );
  const draftAt = new Date(options.nowMs - 6 * day).toISOString();
  addTheme(shop, "Horizon – Black Friday draft", "UNPUBLISHED", files, draftAt);
}
