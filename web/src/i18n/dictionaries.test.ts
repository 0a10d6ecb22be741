import { questionKeys, scoreReasons } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { needsHumanReasons, outboundStatuses } from "../api/inboxRows.ts";
import { leadStatuses, platforms, workspaceRoles } from "../api/rows.ts";
import { channelProviders, channelStatuses } from "../api/settingsRows.ts";
import { dictionaries, languages, locales, parseLanguage } from "./languages.ts";
import type { MessageKey } from "./ru.ts";
import { ru } from "./ru.ts";
import { translate, translatePlural } from "./translate.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("dictionaries", () => {
  const ruKeys = Object.keys(ru).sort();

  it.each(languages)("%s has exactly the Russian keys", (language) => {
    expect(Object.keys(dictionaries[language]).sort()).toEqual(ruKeys);
  });

  it.each(languages)("%s has no empty message", (language) => {
    const empty = Object.entries(dictionaries[language]).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(languages)("%s uses the same placeholders as Russian in every message", (language) => {
    const dictionary = dictionaries[language];
    const mismatched = ruKeys.filter(
      (key) =>
        placeholders(dictionary[key as MessageKey]).join() !== placeholders(ru[key as MessageKey]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(languages)("%s names every lead status, platform and role", (language) => {
    const dictionary: Record<string, string> = dictionaries[language];
    const needed = [
      ...leadStatuses.map((status) => `status.${status}`),
      ...platforms.map((platform) => `platform.${platform}`),
      ...workspaceRoles.map((role) => `role.${role}`),
      ...languages.map((name) => `language.${name}`),
    ];
    expect(needed.filter((key) => !dictionary[key])).toEqual([]);
  });

  it("Kazakh is written in Kazakh Cyrillic, not copied from Russian", () => {
    expect(dictionaries.kk["signIn.submit"]).toBe("Кіру");
    expect(dictionaries.kk["shell.workspace"]).toBe("Жұмыс кеңістігі");
    expect(dictionaries.kk["nav.leads"]).toBe("Лидтер");
    expect(dictionaries.kk["status.new"]).toBe("Жаңа");
    expect(dictionaries.kk["status.qualified"]).toBe("Білікті");
    const copied = Object.keys(ru).filter((key) => {
      const text = ru[key as MessageKey];
      return /[а-яё]{4}/i.test(text) && dictionaries.kk[key as MessageKey] === text;
    });
    // The same in both languages: the language's own name, the city and the loanwords "телефон", "оператор".
    expect(copied.sort()).toEqual([
      "language.ru",
      "lead.sender.human",
      "leads.column.phone",
      "role.operator",
      "time.almaty",
    ]);
  });

  it.each(languages)("%s explains every reason a lead needs a person and every score reason", (language) => {
    const dictionary: Record<string, string> = dictionaries[language];
    const needed = [
      ...needsHumanReasons.flatMap((reason) => [
        `needsHuman.${reason}.short`,
        `needsHuman.${reason}.explain`,
      ]),
      ...scoreReasons.map((reason) => `score.reason.${reason}`),
      ...questionKeys.map((key) => `lead.field.${key}`),
      ...outboundStatuses.map((status) => `outbound.${status}`),
      ...channelProviders.map((provider) => `provider.${provider}`),
      ...channelStatuses.map((status) => `channel.status.${status}`),
    ];
    expect(needed.filter((key) => !dictionary[key])).toEqual([]);
  });

  it("tells an operator why WhatsApp refuses a free reply, in Kazakh too", () => {
    expect(translate(dictionaries.kk, "needsHuman.template_required.explain")).toMatch(/24 сағат.*үлгі/);
    expect(translate(dictionaries.en, "needsHuman.template_required.explain")).toMatch(/24 hours.*template/);
  });

  it("tells a wrong password in the user's language", () => {
    expect(translate(dictionaries.ru, "signIn.error.wrong-credentials")).toBe("Неверный email или пароль");
    expect(translate(dictionaries.kk, "signIn.error.wrong-credentials")).toBe("Email немесе құпиясөз қате");
    expect(translate(dictionaries.en, "signIn.error.wrong-credentials")).toBe("Wrong email or password");
  });
});

describe("translate", () => {
  it("fills placeholders", () => {
    expect(translate(dictionaries.ru, "leads.range", { from: 1, to: 25, total: 137 })).toBe("1–25 из 137");
    expect(translate(dictionaries.kk, "leads.range", { from: 1, to: 25, total: 137 })).toBe(
      "137 ішінен 1–25",
    );
  });

  it("keeps an unfilled placeholder visible", () => {
    expect(translate(dictionaries.en, "leads.range", { from: 1 })).toBe("1–{to} of {total}");
  });

  it("picks the Russian plural form by number", () => {
    const say = (count: number) => translatePlural(dictionaries.ru, locales.ru, "leads.new", count);
    expect(say(1)).toBe("1 новый лид");
    expect(say(3)).toBe("3 новых лида");
    expect(say(5)).toBe("5 новых лидов");
    expect(say(21)).toBe("21 новый лид");
    expect(say(12)).toBe("12 новых лидов");
  });

  it("uses the one and other forms in English and Kazakh", () => {
    expect(translatePlural(dictionaries.en, locales.en, "leads.new", 1)).toBe("1 new lead");
    expect(translatePlural(dictionaries.en, locales.en, "leads.new", 4)).toBe("4 new leads");
    expect(translatePlural(dictionaries.kk, locales.kk, "leads.new", 4)).toBe("4 жаңа лид");
  });
});

describe("parseLanguage", () => {
  it("accepts the three languages and falls back to Russian for anything else", () => {
    expect(parseLanguage("kk")).toBe("kk");
    expect(parseLanguage("en")).toBe("en");
    expect(parseLanguage("de")).toBe("ru");
    expect(parseLanguage(null)).toBe("ru");
  });
});
