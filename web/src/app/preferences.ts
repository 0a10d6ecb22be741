import { type Language, parseLanguage } from "../i18n/languages.ts";

/** The part of `Storage` the preferences need (localStorage in the browser). */
export type PreferenceStorage = Pick<Storage, "getItem" | "setItem">;

const languageKey = "arqan.language";
const workspaceKey = "arqan.workspaceId";

/** Storage can throw (private mode, quota, disabled cookies); a preference is then simply not remembered. */
function safely<T>(action: () => T, fallback: T): T {
  try {
    return action();
  } catch {
    return fallback;
  }
}

export function readLanguagePreference(storage: PreferenceStorage): Language {
  return parseLanguage(safely(() => storage.getItem(languageKey), null));
}

export function writeLanguagePreference(storage: PreferenceStorage, language: Language): void {
  safely(() => storage.setItem(languageKey, language), undefined);
}

export function readWorkspacePreference(storage: PreferenceStorage): string | null {
  return safely(() => storage.getItem(workspaceKey), null);
}

export function writeWorkspacePreference(storage: PreferenceStorage, workspaceId: string): void {
  safely(() => storage.setItem(workspaceKey, workspaceId), undefined);
}
