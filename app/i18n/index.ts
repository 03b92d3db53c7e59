import { en, type MessageKey, type Messages } from "./en";
import { sv } from "./sv";

export type Locale = "en" | "sv";
export const LOCALES: Locale[] = ["en", "sv"];
export const MESSAGES: Record<Locale, Messages> = { en, sv };
export type { MessageKey };

/** Maps a Shopify admin locale ("sv", "sv-SE", "en-US"...) to a supported one, or null. */
export function supportedLocale(value: string | null | undefined): Locale | null {
  const language = value?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

export type Vars = Record<string, string | number>;

/** Translates a key, filling `{name}` placeholders. A missing variable is left visible. */
export function translate(locale: Locale, key: MessageKey, vars: Vars = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}

/** Number formatting in the UI language (e.g. 1 500 in Swedish, 1,500 in English). */
export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-US").format(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
