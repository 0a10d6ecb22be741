import { describe, expect, it } from "vitest";
import { dictionaries } from "../i18n/languages.ts";
import { formatAlmatyTime } from "./formatAlmatyTime.ts";
import { formatPhone } from "./formatPhone.ts";
import { formatRelativeTime } from "./formatRelativeTime.ts";
import { formatTenge } from "./formatTenge.ts";

describe("formatAlmatyTime", () => {
  it("shows the time in Almaty (UTC+5), whatever the machine's zone", () => {
    expect(formatAlmatyTime("2026-11-21T09:00:00Z")).toBe("21.11.2026 14:00");
  });

  it("reads PostgREST's microsecond timestamps and crosses midnight in Almaty's zone", () => {
    expect(formatAlmatyTime("2026-11-21T20:30:00.123456+00:00")).toBe("22.11.2026 01:30");
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  const ago = (iso: string, language: keyof typeof dictionaries) =>
    formatRelativeTime(iso, now, dictionaries[language]);

  it("says 'just now' for the last minute, and for a time slightly ahead (clock skew)", () => {
    expect(ago("2026-11-21T11:59:30Z", "ru")).toBe("только что");
    expect(ago("2026-11-21T12:00:20Z", "en")).toBe("just now");
    expect(ago("2026-11-21T11:59:30Z", "kk")).toBe("жаңа ғана");
  });

  it("counts minutes, hours, days and months back in the user's language", () => {
    expect(ago("2026-11-21T11:55:00Z", "ru")).toBe("5 мин назад");
    expect(ago("2026-11-21T11:55:00Z", "kk")).toBe("5 мин бұрын");
    expect(ago("2026-11-21T09:00:00Z", "en")).toBe("3 h ago");
    expect(ago("2026-11-19T11:00:00Z", "ru")).toBe("2 дн. назад");
    expect(ago("2026-09-01T12:00:00Z", "kk")).toBe("2 ай бұрын");
    expect(ago("2024-11-01T12:00:00Z", "en")).toBe("2 y ago");
  });
});

describe("formatTenge", () => {
  it("groups whole tenge with thin spaces and adds the tenge sign", () => {
    expect(formatTenge(1234567)).toBe("1\u202f234\u202f567\u00a0₸");
    expect(formatTenge(500)).toBe("500\u00a0₸");
  });

  it("rounds to whole tenge", () => {
    expect(formatTenge(1999.6)).toBe("2\u202f000\u00a0₸");
  });
});

describe("formatPhone", () => {
  it("groups a Kazakhstan number", () => {
    expect(formatPhone("+77011234567")).toBe("+7 701 123 45 67");
  });

  it("leaves other numbers as stored", () => {
    expect(formatPhone("+998901234567")).toBe("+998901234567");
  });
});
