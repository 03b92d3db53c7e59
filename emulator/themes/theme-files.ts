import { createHash } from "node:crypto";
import type { ThemeFile } from "../store/types";

/** Raw bytes of a stored theme file (binary assets are stored base64). */
export function themeFileBytes(file: Pick<ThemeFile, "content" | "base64">): Buffer {
  return file.base64 ? Buffer.from(file.content, "base64") : Buffer.from(file.content, "utf8");
}

/** Hex MD5 of the file's bytes, the digest Shopify reports (and Shopify CLI compares) per file. */
export function themeFileChecksum(file: Pick<ThemeFile, "content" | "base64">): string {
  return createHash("md5").update(themeFileBytes(file)).digest("hex");
}

const CONTENT_TYPES: Record<string, string> = {
  liquid: "application/x-liquid",
  json: "application/json",
  css: "text/css",
  js: "application/javascript",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  woff: "font/woff",
  woff2: "font/woff2",
  txt: "text/plain",
};

export function themeFileContentType(filename: string): string {
  const extension = filename.slice(filename.lastIndexOf(".") + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? "application/octet-stream";
}

/** `*` matches any run of characters, as in `files(filenames: ["templates/*.json"])`. */
export function filenamePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`);
}

/** GraphQL shape of a file body: text files as Text, binary files as Base64. */
export function themeFileBody(file: Pick<ThemeFile, "content" | "base64">) {
  return file.base64
    ? { __typename: "OnlineStoreThemeFileBodyBase64", contentBase64: file.content }
    : { __typename: "OnlineStoreThemeFileBodyText", content: file.content };
}
