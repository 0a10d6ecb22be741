import type { SellerSummary } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { buildSellerShares } from "./buildSellerShares.ts";

const sellers: SellerSummary = {
  listings_with_seller: 20,
  listings_without_seller: 3,
  unique_sellers: 12,
  top: [
    { seller: "Климат Сервис", listings: 6, share: 0.3 },
    { seller: "AirTech", listings: 4, share: 0.2 },
  ],
  top1_share: 0.3,
  top3_share: 0.6,
  top5_share: 0.8,
  hhi: 1700,
  seller_type: { known: 18, unknown: 5, business_share: 0.6, private_share: 0.4 },
};

describe("buildSellerShares", () => {
  it("adds one bar for every other seller, so the bars make up the whole market", () => {
    const shares = buildSellerShares(sellers);
    expect(shares.map((share) => [share.seller, share.listings])).toEqual([
      ["Климат Сервис", 6],
      ["AirTech", 4],
      [null, 10],
    ]);
    expect(shares.reduce((sum, share) => sum + share.share, 0)).toBeCloseTo(1);
  });

  it("has no others bar when the top sellers are the whole market", () => {
    const shares = buildSellerShares({ ...sellers, listings_with_seller: 10 });
    expect(shares.map((share) => share.seller)).toEqual(["Климат Сервис", "AirTech"]);
  });

  it("draws nothing when no listing names its seller", () => {
    expect(buildSellerShares({ ...sellers, listings_with_seller: 0, top: [] })).toEqual([]);
  });
});
