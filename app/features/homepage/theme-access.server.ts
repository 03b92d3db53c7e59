import { ShopifyRequestError, type ShopifyGateway } from "../../shopify/gateway.server";
import { HOMEPAGE_ACCESS_SCOPES_QUERY } from "../../shopify/operations/homepage-preflight";
import {
  HOMEPAGE_LIVE_THEME_FILES_QUERY,
  HOMEPAGE_THEME_FILES_UPSERT,
} from "../../shopify/operations/homepage-theme-files";
import { parseThemeJson, visibleAppBlocks } from "./theme-json";

/** The app's handle in `shopify://apps/<handle>/blocks/...` (shopify.app.toml `handle`). */
export const APP_HANDLE = "merchdesk";
export const HOME_TEMPLATE = "templates/index.json";

export interface LiveHomeTemplate {
  themeId: string;
  themeName: string;
  content: string | null;
  checksum: string | null;
}

export async function readLiveHomeTemplate(
  gateway: ShopifyGateway,
): Promise<LiveHomeTemplate | null> {
  const { themes } = await gateway.query(HOMEPAGE_LIVE_THEME_FILES_QUERY, {
    filenames: [HOME_TEMPLATE],
  });
  const theme = themes?.nodes[0];
  if (!theme) return null;
  const file = theme.files?.nodes.find((f) => f.filename === HOME_TEMPLATE);
  const content = file && "content" in file.body ? file.body.content : null;
  return {
    themeId: theme.id,
    themeName: theme.name,
    content,
    checksum: file?.checksumMd5 ?? null,
  };
}

/** Which Merchdesk blocks are visible on the live theme's home page (empty: not placed). */
export async function placedBlocks(gateway: ShopifyGateway): Promise<{
  themeName: string | null;
  blocks: string[];
}> {
  const live = await readLiveHomeTemplate(gateway);
  if (!live?.content) return { themeName: live?.themeName ?? null, blocks: [] };
  try {
    return {
      themeName: live.themeName,
      blocks: visibleAppBlocks(parseThemeJson(live.content).data, APP_HANDLE),
    };
  } catch {
    return { themeName: live.themeName, blocks: [] };
  }
}

/**
 * Whether this installation may write theme files: `write_themes` granted AND Shopify's
 * exemption, which no field reports — so an empty file write to the live theme asks (it changes
 * nothing; without the exemption Shopify answers ACCESS_DENIED).
 */
export async function canWriteThemes(gateway: ShopifyGateway): Promise<boolean> {
  const { currentAppInstallation } = await gateway.query(HOMEPAGE_ACCESS_SCOPES_QUERY);
  if (!currentAppInstallation.accessScopes.some((s) => s.handle === "write_themes")) return false;
  const live = await readLiveHomeTemplate(gateway);
  if (!live) return false;
  try {
    await gateway.mutate(
      HOMEPAGE_THEME_FILES_UPSERT,
      { themeId: live.themeId, files: [] },
      (data) => data.themeFilesUpsert,
      { idempotent: true },
    );
    return true;
  } catch (error) {
    if (error instanceof ShopifyRequestError && error.codes.includes("ACCESS_DENIED")) return false;
    throw error;
  }
}
