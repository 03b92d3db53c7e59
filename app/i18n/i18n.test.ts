import { describe, expect, it } from "vitest";
import { en } from "./en";
import { supportedLocale, translate } from "./index";
import { resolveLocale } from "./locale.server";
import { sv } from "./sv";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("GIVEN the Swedish catalogue THEN every string is non-empty and has the English placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(sv[key].trim(), key).not.toBe("");
      expect(placeholders(sv[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("GIVEN variables WHEN translating THEN placeholders are filled", () => {
    expect(translate("sv", "tasks.progress", { done: 3, total: 10 })).toBe("3 av 10 klara");
  });

  it("GIVEN admin locales WHEN mapped THEN sv-SE is Swedish and an unknown one is unsupported", () => {
    expect(supportedLocale("sv-SE")).toBe("sv");
    expect(supportedLocale("en-US")).toBe("en");
    expect(supportedLocale("fr")).toBeNull();
  });

  it("GIVEN the admin's locale param THEN it wins over cookie and browser languages", () => {
    const request = new Request("https://app.example/app?locale=sv", {
      headers: { cookie: "merchdesk_locale=en", "accept-language": "en-US" },
    });
    expect(resolveLocale(request)).toEqual({ locale: "sv", fromUrl: true });
  });

  it("GIVEN no param or cookie THEN the first supported browser language is used", () => {
    const request = new Request("https://app.example/app", {
      headers: { "accept-language": "de-DE, sv;q=0.8, en;q=0.5" },
    });
    expect(resolveLocale(request).locale).toBe("sv");
  });
});
