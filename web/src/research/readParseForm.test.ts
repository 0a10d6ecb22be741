import { describe, expect, it } from "vitest";
import { readParseForm } from "./readParseForm.ts";

const fields = {
  urls: "https://satu.kz/Kondytsionery.html\nhttps://www.olx.kz/elektronika/q-кондиционер/",
  site: "auto" as const,
  browser: "auto" as const,
  followPages: "2",
};

describe("readParseForm", () => {
  it("gives the task's input for a well-filled form", () => {
    expect(readParseForm(fields)).toEqual({
      ok: true,
      input: {
        urls: ["https://satu.kz/Kondytsionery.html", "https://www.olx.kz/elektronika/q-кондиционер/"],
        site: "auto",
        browser: "auto",
        follow_pages: 2,
      },
    });
  });

  it("follows no pages when the box is left empty", () => {
    const result = readParseForm({ ...fields, followPages: " " });
    expect(result.ok && result.input.follow_pages).toBe(0);
  });

  it("asks for at least one address", () => {
    expect(readParseForm({ ...fields, urls: "\n" })).toEqual({ ok: false, problems: [{ code: "no_urls" }] });
  });

  it("names every line that is not an address, and a page count out of range, at once", () => {
    expect(
      readParseForm({ ...fields, urls: "satu.kz\nhttps://satu.kz/\nftp://x.kz", followPages: "51" }),
    ).toEqual({
      ok: false,
      problems: [
        { code: "invalid_urls", lines: ["satu.kz", "ftp://x.kz"] },
        { code: "invalid_follow_pages" },
      ],
    });
    expect(readParseForm({ ...fields, followPages: "1.5" }).ok).toBe(false);
    expect(readParseForm({ ...fields, followPages: "-1" }).ok).toBe(false);
  });

  it("refuses more than 500 addresses, as the server would", () => {
    const many = Array.from({ length: 501 }, (_, n) => `https://shop.kz/p/${n}`).join("\n");
    expect(readParseForm({ ...fields, urls: many })).toEqual({
      ok: false,
      problems: [{ code: "too_many_urls", count: 501 }],
    });
  });
});
