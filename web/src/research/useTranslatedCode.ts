import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import type { MessageParams } from "../i18n/translate.ts";

/**
 * Translates a key the server or a shared module hands over as a string (`niche.component.demand`,
 * `research.taskError.blocked`): the dictionary's message when it has one, else `fallback`. A new key from a
 * newer worker shows its fallback rather than nothing.
 */
export function useTranslatedCode(): (key: string, fallback: string, params?: MessageParams) => string {
  const { t, dictionary } = useI18n();
  return (key, fallback, params) => (isMessageKey(dictionary, key) ? t(key, params) : fallback);
}

function isMessageKey(dictionary: Record<MessageKey, string>, key: string): key is MessageKey {
  return Object.hasOwn(dictionary, key);
}
