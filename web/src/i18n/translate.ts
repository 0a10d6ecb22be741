import type { Dictionary, MessageKey } from "./ru.ts";

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder is left as it is, so a gap is visible, not silent. */
export function fillTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The message for `key` in `dictionary`, with its placeholders filled. */
export function translate(dictionary: Dictionary, key: MessageKey, params?: MessageParams): string {
  return fillTemplate(dictionary[key], params);
}

/** Keys that have plural forms: `<base>_one`, `_few`, `_many`, `_other`. */
export type PluralBase = MessageKey extends infer K
  ? K extends `${infer Base}_other`
    ? Base
    : never
  : never;

/**
 * The plural form of `base` for `count` under the locale's rules (Russian: 1 лид, 2 лида, 5 лидов), with
 * `{count}` filled with the number formatted for `numberLocale` (by default the same locale).
 */
export function translatePlural(
  dictionary: Dictionary,
  locale: string,
  base: PluralBase,
  count: number,
  params: MessageParams = {},
  numberLocale: string = locale,
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const form = category === "one" || category === "few" || category === "many" ? category : "other";
  const key: MessageKey = `${base}_${form}`;
  return fillTemplate(dictionary[key], {
    ...params,
    count: new Intl.NumberFormat(numberLocale).format(count),
  });
}
