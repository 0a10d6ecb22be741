import { emptySeo } from "@arqan/shared";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { readSeo } from "./readSeo.ts";

describe("readSeo", () => {
  it("reads title, description, canonical, headings, hreflang and robots", () => {
    const $ = load(`<!DOCTYPE html><html><head>
      <title>  Чайники —
        купить в Алматы </title>
      <meta name="Description" content="Чайники от 4 990 ₸">
      <meta name="robots" content="noindex, follow">
      <link rel="canonical" href="/catalog/kettles">
      <link rel="alternate" hreflang="ru" href="/catalog/kettles">
      <link rel="alternate" hreflang="kk" href="https://shop.example.kz/kz/catalog/kettles">
      </head><body>
      <h2>Популярное</h2><h1>Чайники</h1><h3>Tefal</h3><h4>Не в счёт</h4><h2>  </h2>
      </body></html>`);
    expect(readSeo($, "https://shop.example.kz/catalog/kettles?page=2")).toEqual({
      title: "Чайники — купить в Алматы",
      description: "Чайники от 4 990 ₸",
      canonical: "https://shop.example.kz/catalog/kettles",
      h1: "Чайники",
      headings: [
        { level: 2, text: "Популярное" },
        { level: 1, text: "Чайники" },
        { level: 3, text: "Tefal" },
      ],
      hreflang: [
        { lang: "ru", href: "https://shop.example.kz/catalog/kettles" },
        { lang: "kk", href: "https://shop.example.kz/kz/catalog/kettles" },
      ],
      robots: "noindex, follow",
    });
  });

  it("keeps links as written when the page's URL is unknown", () => {
    const $ = load('<html><head><link rel="canonical" href="/p/1"></head><body></body></html>');
    expect(readSeo($, null).canonical).toBe("/p/1");
  });

  it("never takes an icon's <svg><title> for the page's title", () => {
    const $ = load("<html><head></head><body><svg><title>Корзина</title></svg><h1>Товар</h1></body></html>");
    expect(readSeo($, null).title).toBeNull();
  });

  it("keeps at most 50 headings", () => {
    const $ = load(
      `<html><body>${Array.from({ length: 60 }, (_, index) => `<h2>Раздел ${index}</h2>`).join("")}</body></html>`,
    );
    const seo = readSeo($, null);
    expect(seo.headings).toHaveLength(50);
    expect(seo.headings[49]).toEqual({ level: 2, text: "Раздел 49" });
  });

  it("gives the empty SEO block for a page without any of it", () => {
    expect(readSeo(load("<html><body><p>Текст</p></body></html>"), "https://shop.example.kz/")).toEqual(
      emptySeo(),
    );
  });
});
