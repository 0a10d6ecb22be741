import { describe, expect, it } from "vitest";
import { slugifyTitle } from "./slugifyTitle.ts";

describe("slugifyTitle", () => {
  it("transliterates Russian", () => {
    expect(slugifyTitle("Щётка для обуви, ЖЁЛТАЯ — 2 шт.")).toBe("shchetka-dlia-obuvi-zheltaia-2-sht");
    expect(slugifyTitle("Подъёмник")).toBe("podemnik");
  });

  it("transliterates the nine Kazakh letters, in both cases", () => {
    expect(slugifyTitle("әғқңөұүһі")).toBe("agqnouuhi");
    expect(slugifyTitle("ӘҒҚҢӨҰҮҺІ")).toBe("agqnouuhi");
    expect(slugifyTitle("Қазақстан Ұлттық Банкі")).toBe("qazaqstan-ulttyq-banki");
  });

  it("drops accents, emoji and punctuation, and may come out empty", () => {
    expect(slugifyTitle("Crème brûlée 🚀 «Ёлка» ]]> =cmd()")).toBe("creme-brulee-elka-cmd");
    expect(slugifyTitle("🚀🇰🇿 !!")).toBe("");
  });

  it("stays within WordPress's 200-character slug", () => {
    const slug = slugifyTitle("щ".repeat(100));
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug.startsWith("shchshch")).toBe(true);
  });
});
