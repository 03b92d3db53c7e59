import { describe, expect, it } from "vitest";
import { translate, type Locale, type MessageKey, type Vars } from "../../i18n";
import { ALERT_CODES, alertText, campaignAlert, parseAlert } from "./campaign-alert";

const tIn = (locale: Locale) => (key: MessageKey, vars?: Vars) => translate(locale, key, vars);

describe("campaign alerts", () => {
  it("GIVEN a stored failure alert WHEN shown THEN it reads in the merchant's language with its details", () => {
    const stored = JSON.parse(
      JSON.stringify(campaignAlert("switch_failed_start", { error: "Internal error (502)" })),
    ) as unknown;
    const alert = parseAlert(stored)!;
    expect(alertText(alert, tIn("en"))).toBe("The start switch failed: Internal error (502)");
    expect(alertText(alert, tIn("sv"))).toBe("Startbytet misslyckades: Internal error (502)");
  });

  it("GIVEN pre-flight warnings WHEN shown THEN each warning is translated with what it names", () => {
    const alert = campaignAlert("preflight_warnings", {}, [
      { code: "BLOCK_NOT_PLACED" },
      { code: "COLLECTION_EMPTY", subject: "Jackor" },
    ]);
    const en = alertText(alert, tIn("en"));
    const sv = alertText(alert, tIn("sv"));
    expect(en).toMatch(/^Checked again before the start: /);
    expect(en).toContain(translate("en", "homepage.warning.BLOCK_NOT_PLACED"));
    expect(en).toContain("Jackor");
    expect(sv).toMatch(/^Kontrollerat igen före starten: /);
    expect(sv).toContain(
      translate("sv", "homepage.warning.COLLECTION_EMPTY", { subject: "Jackor" }),
    );
  });

  it("GIVEN any alert code WHEN shown in either language THEN no placeholder is left unfilled", () => {
    const vars = { error: "x", note: "not-shown", text: "old text" };
    for (const code of ALERT_CODES) {
      for (const locale of ["en", "sv"] as const) {
        const text = alertText(campaignAlert(code, vars), tIn(locale));
        expect(text, `${code} in ${locale}`).not.toMatch(/\{\w+\}/);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it("GIVEN no alert or an unreadable one WHEN read THEN none, or its text as it was", () => {
    expect(parseAlert(null)).toBeNull();
    expect(parseAlert("Something old")).toEqual({
      code: "legacy",
      vars: { text: "Something old" },
    });
    expect(alertText(parseAlert({ code: "nope" })!, tIn("sv"))).toBe("");
    expect(alertText(parseAlert({ code: "legacy", vars: { text: "Kept" } })!, tIn("sv"))).toBe(
      "Kept",
    );
  });
});
