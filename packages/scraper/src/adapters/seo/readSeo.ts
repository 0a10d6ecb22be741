import type { Seo } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";

const maxHeadings = 50;

/** Reads the SEO data every page has (or lacks): title, meta description, canonical, headings, hreflang, robots. */
export function readSeo($: CheerioAPI, pageUrl: string | null): Seo {
  const text = (value: string | undefined | null) => {
    const clean = (value ?? "").replace(/\s+/g, " ").trim();
    return clean === "" ? null : clean;
  };
  const absolute = (href: string | undefined) => {
    const value = text(href);
    if (value === null) return null;
    try {
      return pageUrl ? new URL(value, pageUrl).toString() : value;
    } catch {
      return value;
    }
  };
  const headings: Seo["headings"] = [];
  $("h1, h2, h3").each((_, element) => {
    if (headings.length >= maxHeadings) return false;
    const heading = text($(element).text());
    if (heading !== null) headings.push({ level: Number(element.tagName.slice(1)), text: heading });
    return undefined;
  });
  const hreflang: Seo["hreflang"] = [];
  $('link[rel~="alternate" i][hreflang]').each((_, element) => {
    const lang = text($(element).attr("hreflang"));
    const href = absolute($(element).attr("href"));
    if (lang !== null && href !== null) hreflang.push({ lang, href });
  });
  return {
    // An <svg> carries its own <title> (an icon's tooltip): never the page's title.
    title: text($("head > title").first().text()) ?? text($("title").not("svg title").first().text()),
    description: text($('meta[name="description" i]').attr("content")),
    canonical: absolute($('link[rel~="canonical" i]').first().attr("href")),
    h1: text($("h1").first().text()),
    headings,
    hreflang,
    robots: text($('meta[name="robots" i]').attr("content")),
  };
}
