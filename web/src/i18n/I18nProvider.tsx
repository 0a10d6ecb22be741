import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { readLanguagePreference, writeLanguagePreference } from "../app/preferences.ts";
import { dictionaries, type Language, locales, numberLocales } from "./languages.ts";
import type { Dictionary, MessageKey } from "./ru.ts";
import { type MessageParams, type PluralBase, translate, translatePlural } from "./translate.ts";

export interface I18n {
  language: Language;
  /** BCP 47 locale of the language, for plural rules (ru-KZ, kk-KZ, en-GB). */
  locale: string;
  /** A count formatted for the language ("1 234"). */
  formatNumber: (value: number) => string;
  /** The current language's messages, for helpers that translate on their own (e.g. relative times). */
  dictionary: Dictionary;
  t: (key: MessageKey, params?: MessageParams) => string;
  plural: (base: PluralBase, count: number, params?: MessageParams) => string;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

/** Holds the chosen language (remembered in localStorage, Russian by default) for everything below it. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => readLanguagePreference(window.localStorage));

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    writeLanguagePreference(window.localStorage, next);
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[language];
    const locale = locales[language];
    const numberLocale = numberLocales[language];
    const numberFormat = new Intl.NumberFormat(numberLocale);
    return {
      language,
      locale,
      formatNumber: (value) => numberFormat.format(value),
      dictionary,
      t: (key, params) => translate(dictionary, key, params),
      plural: (base, count, params) => translatePlural(dictionary, locale, base, count, params, numberLocale),
      setLanguage,
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language's messages and formatting. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === null) throw new Error("useI18n must be used inside <I18nProvider>");
  return i18n;
}
