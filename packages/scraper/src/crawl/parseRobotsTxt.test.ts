import { describe, expect, it } from "vitest";
import { allowEverything, isAllowedByRobots, parseRobotsTxt } from "./parseRobotsTxt.ts";

const chrome =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/153.0.0.0 Safari/537.36";

describe("parseRobotsTxt + isAllowedByRobots", () => {
  it("applies the * group to a browser user agent", () => {
    const robots = parseRobotsTxt("User-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n");
    expect(isAllowedByRobots(robots, "https://shop.kz/private/orders", chrome)).toBe(false);
    expect(isAllowedByRobots(robots, "https://shop.kz/product/1", chrome)).toBe(true);
    expect(isAllowedByRobots(robots, "https://shop.kz/product/1", "BadBot/2.1 (+https://bad.example)")).toBe(
      false,
    );
  });

  it("lets the longest matching rule win, Allow on a tie", () => {
    const robots = parseRobotsTxt(
      "User-agent: *\nDisallow: /shop/\nAllow: /shop/c/\nDisallow: /shop/c/*?sort=\nAllow: /a\nDisallow: /a\n",
    );
    expect(isAllowedByRobots(robots, "https://kaspi.kz/shop/p/123/", chrome)).toBe(false);
    expect(isAllowedByRobots(robots, "https://kaspi.kz/shop/c/smartphones/", chrome)).toBe(true);
    expect(isAllowedByRobots(robots, "https://kaspi.kz/shop/c/smartphones/?sort=price", chrome)).toBe(false);
    expect(isAllowedByRobots(robots, "https://kaspi.kz/a", chrome)).toBe(true);
  });

  it("understands * wildcards and the $ end anchor", () => {
    const robots = parseRobotsTxt("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/print\n");
    expect(isAllowedByRobots(robots, "https://satu.kz/files/price.pdf", chrome)).toBe(false);
    expect(isAllowedByRobots(robots, "https://satu.kz/files/price.pdf?download=1", chrome)).toBe(true);
    expect(isAllowedByRobots(robots, "https://satu.kz/p123/print", chrome)).toBe(false);
  });

  it("takes the most specific user-agent group and merges groups naming it", () => {
    const robots = parseRobotsTxt(
      [
        "User-agent: *",
        "Disallow: /",
        "",
        "User-agent: ArqanBot",
        "User-agent: OtherBot",
        "Disallow: /cart",
        "",
        "User-agent: arqanbot",
        "Disallow: /account",
      ].join("\n"),
    );
    const ua = "Mozilla/5.0 (compatible; ArqanBot/1.0)";
    expect(isAllowedByRobots(robots, "https://olx.kz/d/obyavlenie/1", ua)).toBe(true);
    expect(isAllowedByRobots(robots, "https://olx.kz/cart", ua)).toBe(false);
    expect(isAllowedByRobots(robots, "https://olx.kz/account/ads", ua)).toBe(false);
    expect(isAllowedByRobots(robots, "https://olx.kz/d/obyavlenie/1", chrome)).toBe(false);
  });

  it("matches raw Cyrillic rules against percent-encoded URLs, ignores comments and empty Disallow", () => {
    const robots = parseRobotsTxt(
      "User-agent: * # everyone\nDisallow: /поиск\nDisallow:\nSitemap: https://x.kz/s.xml\n",
    );
    expect(isAllowedByRobots(robots, "https://x.kz/%D0%BF%D0%BE%D0%B8%D1%81%D0%BA?q=1", chrome)).toBe(false);
    expect(isAllowedByRobots(robots, "https://x.kz/catalog", chrome)).toBe(true);
  });

  it("allows everything without rules, and always allows robots.txt itself", () => {
    expect(isAllowedByRobots(allowEverything, "https://x.kz/anything", chrome)).toBe(true);
    expect(isAllowedByRobots(parseRobotsTxt(""), "https://x.kz/anything", chrome)).toBe(true);
    expect(
      isAllowedByRobots(parseRobotsTxt("User-agent: *\nDisallow: /"), "https://x.kz/robots.txt", chrome),
    ).toBe(true);
  });
});
