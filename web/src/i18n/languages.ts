import { z } from "zod";
import { en } from "./en.ts";
import { kk } from "./kk.ts";
import { type Dictionary, ru } from "./ru.ts";

/** The dashboard's languages; Russian is the default. */
export const languages = ["ru", "kk", "en"] as const;
export const languageSchema = z.enum(languages);
export type Language = z.infer<typeof languageSchema>;
export const defaultLanguage: Language = "ru";

export const dictionaries: Record<Language, Dictionary> = { ru, kk, en };

/** The BCP 47 locale of each language, for plural rules. */
export const locales: Record<Language, string> = { ru: "ru-KZ", kk: "kk-KZ", en: "en-GB" };

/**
 * The locale for numbers. Kazakh groups digits as Russian does ("1 234"); "ru-KZ" gives that even in browsers
 * without Kazakh locale data, where "kk-KZ" would fall back to "1,234".
 */
export const numberLocales: Record<Language, string> = { ru: "ru-KZ", kk: "ru-KZ", en: "en-GB" };

/** A stored or requested language if it is one we have, else the default. */
export function parseLanguage(value: unknown): Language {
  const parsed = languageSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultLanguage;
}
