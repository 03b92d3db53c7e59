import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The app's theme app extension assets, as Shopify's CDN serves a deployed extension's `assets/`
 * (`{{ 'file.js' | asset_url }}`): here straight from the repository's `extensions/` folder, so
 * the storefront runs the extension's real scripts.
 */

export const EXTENSIONS_PREFIX = "/_emulator/extensions/";
const EXTENSIONS_DIR = fileURLToPath(new URL("../../extensions/", import.meta.url));
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** The URL of an extension asset (what `asset_url` gives in the extension's Liquid). */
export function extensionAssetUrl(extension: string, file: string): string {
  return `${EXTENSIONS_PREFIX}${encodeURIComponent(extension)}/assets/${encodeURIComponent(file)}`;
}

export function extensionAsset(requestPath: string): Response {
  const match = /^\/_emulator\/extensions\/([a-z0-9-]+)\/assets\/([A-Za-z0-9._-]+)$/.exec(
    requestPath,
  );
  const type = match ? TYPES[path.extname(match[2])] : undefined;
  const file = match ? path.join(EXTENSIONS_DIR, match[1], "assets", match[2]) : "";
  if (!match || !type || match[2].startsWith(".") || !fs.existsSync(file)) {
    return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
  }
  return new Response(fs.readFileSync(file), {
    status: 200,
    headers: { "content-type": type, "cache-control": "no-cache" },
  });
}

const translations = new Map<string, unknown>();

/** A storefront string from the extension's `locales/<locale>.json` (`{{ key | t }}`), or the key. */
export function extensionTranslation(extension: string, locale: string, key: string): string {
  const file = path.join(EXTENSIONS_DIR, extension, "locales", `${locale}.json`);
  if (!translations.has(file)) {
    translations.set(file, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {});
  }
  let value: unknown = translations.get(file);
  for (const part of key.split(".")) {
    value =
      value && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
  }
  return typeof value === "string" ? value : key;
}
