import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatNumber, translate, type Locale, type MessageKey, type Vars } from "../i18n";

interface I18n {
  locale: Locale;
  t(key: MessageKey, vars?: Vars): string;
  n(value: number): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      locale,
      t: (key, vars) => translate(locale, key, vars),
      n: (value) => formatNumber(locale, value),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n() outside <I18nProvider>");
  return value;
}
