import { describe, expect, it } from "vitest";
import { dictionaries } from "../i18n/languages.ts";
import { formatDuration, responseSeconds } from "./formatDuration.ts";

describe("formatDuration", () => {
  const say = (seconds: number, language: keyof typeof dictionaries = "ru") =>
    formatDuration(seconds, dictionaries[language]);

  it("counts seconds, then minutes, then hours and minutes, then days and hours", () => {
    expect(say(45)).toBe("45 с");
    expect(say(59.9)).toBe("59 с");
    expect(say(60)).toBe("1 мин");
    expect(say(3599)).toBe("59 мин");
    expect(say(2 * 3600)).toBe("2 ч");
    expect(say(2 * 3600 + 5 * 60 + 30)).toBe("2 ч 5 мин");
    expect(say(86400)).toBe("1 дн");
    expect(say(86400 + 4 * 3600)).toBe("1 дн 4 ч");
  });

  it("speaks Kazakh and English", () => {
    expect(say(2 * 3600 + 5 * 60, "kk")).toBe("2 сағ 5 мин");
    expect(say(3 * 86400 + 3600, "kk")).toBe("3 күн 1 сағ");
    expect(say(30, "en")).toBe("30 s");
  });

  it("shows a negative time (clock skew) as zero", () => {
    expect(say(-5)).toBe("0 с");
  });
});

describe("responseSeconds", () => {
  it("is the time from the lead's first message to the first reply", () => {
    expect(responseSeconds("2026-11-21T09:00:00Z", "2026-11-21T09:02:30Z")).toBe(150);
  });

  it("is unknown until both happened", () => {
    expect(responseSeconds("2026-11-21T09:00:00Z", null)).toBeNull();
    expect(responseSeconds(null, "2026-11-21T09:00:00Z")).toBeNull();
  });
});
