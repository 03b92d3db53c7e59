import { supportedLocale, type Locale } from "./index";

export const LOCALE_COOKIE = "merchdesk_locale";

/**
 * The admin's language: Shopify passes `locale` on the app URL; later requests fall back to the
 * remembered choice, then the browser's languages, then English.
 */
export function resolveLocale(request: Request): { locale: Locale; fromUrl: boolean } {
  const fromUrl = supportedLocale(new URL(request.url).searchParams.get("locale"));
  if (fromUrl) return { locale: fromUrl, fromUrl: true };
  const cookie = request.headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const fromCookie = supportedLocale(cookie);
  if (fromCookie) return { locale: fromCookie, fromUrl: false };
  const accepted = (request.headers.get("accept-language") ?? "")
    .split(",")
    .map((part) => supportedLocale(part.split(";")[0]))
    .find((locale): locale is Locale => locale !== null);
  return { locale: accepted ?? "en", fromUrl: false };
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=None; Secure`;
}
