import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { dedupeListings } from "./dedupeListings.ts";

describe("dedupeListings", () => {
  it("drops an ad read twice on one site and keeps the first reading", () => {
    const deduped = dedupeListings([
      buildTestListing({ id: "48423658", title: "first" }),
      buildTestListing({ id: "48423658", title: "again" }),
      buildTestListing({ id: "50881478" }),
    ]);
    expect(deduped.listings.map((listing) => listing.title)).toEqual(["first", "Кондиционер"]);
    expect(deduped.duplicates_dropped).toBe(1);
  });

  it("keeps the same id on two sites, the same offer on two sites, and listings without an id", () => {
    const twin = { title: "Сплит-система 12", seller: "Climat", price_kzt: 150_000 };
    const deduped = dedupeListings([
      buildTestListing({ site: "olx", id: "1", ...twin }),
      buildTestListing({ site: "kaspi", id: "1", ...twin }),
      buildTestListing({ site: "satu", id: null }),
      buildTestListing({ site: "satu", id: "  " }),
    ]);
    expect(deduped.listings).toHaveLength(4);
    expect(deduped.duplicates_dropped).toBe(0);
    expect(deduped.without_id).toBe(2);
  });
});
