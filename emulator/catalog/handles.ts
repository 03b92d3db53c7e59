/**
 * Handles as the admin derives them from titles: lower case, accents dropped, every run of other
 * characters a single hyphen ("Summer Catalog 2022" → "summer-catalog-2022").
 */
export function handleize(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** `base`, or `base-1`, `base-2`... — the first one not taken. */
export function uniqueHandle(base: string, taken: (handle: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
