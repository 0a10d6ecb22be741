import { describe, expect, it } from "vitest";
import { resolveKaspiLink } from "./resolveKaspiLink.ts";

describe("resolveKaspiLink", () => {
  it("resolves the shop-relative forms Kaspi writes to the same product page", () => {
    const page = "https://kaspi.kz/shop/p/rashgard-121207970/";
    expect(resolveKaspiLink("/p/rashgard-121207970/")).toBe(page);
    expect(resolveKaspiLink("p/rashgard-121207970/")).toBe(page);
    expect(resolveKaspiLink("/shop/p/rashgard-121207970/")).toBe(page);
    expect(resolveKaspiLink(page)).toBe(page);
  });

  it("keeps the query and uses another origin when given", () => {
    expect(resolveKaspiLink("p/x-1/?c=750000000", "http://127.0.0.1:4100")).toBe(
      "http://127.0.0.1:4100/shop/p/x-1/?c=750000000",
    );
  });

  it("returns null for no link", () => {
    expect(resolveKaspiLink("")).toBeNull();
    expect(resolveKaspiLink(null)).toBeNull();
  });
});
