import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { dedupeListings } from "./dedupeListings.ts";
import { summarizeSupply } from "./summarizeSupply.ts";

describe("summarizeSupply", () => {
  it("adds reported totals where the site gave one and the listings read where it did not", () => {
    const listings = [
      buildTestListing({ site: "olx", id: "1", promoted: true }),
      buildTestListing({ site: "olx", id: "2" }),
      buildTestListing({ site: "olx", id: "2" }),
      buildTestListing({ site: "kaspi", id: "a" }),
      buildTestListing({ site: "kaspi", id: "b" }),
    ];
    const supply = summarizeSupply(dedupeListings(listings), [
      { site: "olx", total: 1_200, pages_read: 1, blocked: false },
      { site: "kaspi", total: null, pages_read: 1, blocked: false },
      { site: "satu", total: null, pages_read: 1, blocked: true },
    ]);
    // OLX 1 200 reported + Kaspi 2 read + Satu 0 (blocked, nothing read) = 1 202.
    expect(supply.estimate).toBe(1_202);
    expect(supply.listings_read).toBe(4);
    expect(supply.duplicates_dropped).toBe(1);
    expect(supply.measured).toBe(true);
    expect(supply.sites).toEqual([
      {
        site: "olx",
        read: 2,
        reported_total: 1_200,
        pages_read: 1,
        blocked: false,
        promoted: 1,
        estimate: 1_200,
        estimate_basis: "reported",
      },
      {
        site: "kaspi",
        read: 2,
        reported_total: null,
        pages_read: 1,
        blocked: false,
        promoted: 0,
        estimate: 2,
        estimate_basis: "read",
      },
      {
        site: "satu",
        read: 0,
        reported_total: null,
        pages_read: 1,
        blocked: true,
        promoted: 0,
        estimate: 0,
        estimate_basis: "read",
      },
    ]);
  });

  it("never estimates fewer than were read, and merges several totals of one site", () => {
    const listings = [1, 2, 3].map((id) => buildTestListing({ site: "satu", id: String(id) }));
    const supply = summarizeSupply(dedupeListings(listings), [
      { site: "satu", total: 2, pages_read: 1, blocked: false },
      { site: "satu", total: 1, pages_read: 2, blocked: true },
    ]);
    expect(supply.sites[0]).toMatchObject({ reported_total: 2, estimate: 3, pages_read: 3, blocked: true });
  });

  it("does not know the supply when every site blocked us", () => {
    const supply = summarizeSupply(dedupeListings([]), [
      { site: "olx", total: null, pages_read: 1, blocked: true },
      { site: "kaspi", total: null, pages_read: 0, blocked: true },
    ]);
    expect(supply.measured).toBe(false);
    expect(supply.estimate).toBe(0);
  });
});
