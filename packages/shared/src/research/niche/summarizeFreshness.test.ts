import { describe, expect, it } from "vitest";
import { buildTestListing } from "./buildTestListing.ts";
import { summarizeFreshness } from "./summarizeFreshness.ts";

const collectedAt = "2024-06-30T12:00:00Z";
const posted = (posted_at: string | null) => buildTestListing({ posted_at });

describe("summarizeFreshness", () => {
  it("measures activity over the window back to the oldest listing of the last 30 days", () => {
    // Ages 0.5, 2, 5, 10 and 40 days; one undated, one unreadable. Within 30 days: 4 listings, the oldest 10 days
    // old → 4 / 10 = 0.4 a day. Last 7 days: 3 of 5 dated = 0.6. Median age of 0.5, 2, 5, 10, 40 = 5.
    const freshness = summarizeFreshness(
      [
        posted("2024-06-30T00:00:00Z"),
        posted("2024-06-28T12:00:00Z"),
        posted("2024-06-25T12:00:00Z"),
        posted("2024-06-20T12:00:00+00:00"),
        posted("2024-05-21T12:00:00Z"),
        posted(null),
        posted("вчера"),
      ],
      collectedAt,
    );
    expect(freshness).toEqual({
      dated: 5,
      undated: 2,
      window_days: 10,
      listings_in_window: 4,
      listings_per_day: 0.4,
      share_last_7_days: 0.6,
      median_age_days: 5,
    });
  });

  it("counts a window of at least one day, and a date after the collection as age 0", () => {
    const freshness = summarizeFreshness(
      [posted("2024-06-30T06:00:00Z"), posted("2024-07-01T00:00:00Z")],
      collectedAt,
    );
    // Ages 0.25 and 0 (a day ahead): window 1 day, 2 a day.
    expect(freshness).toMatchObject({ window_days: 1, listings_per_day: 2, median_age_days: 0.1 });
  });

  it("reports no activity when nothing was posted in the last 30 days", () => {
    const freshness = summarizeFreshness([posted("2024-01-01T00:00:00Z")], collectedAt);
    expect(freshness).toMatchObject({ window_days: 30, listings_in_window: 0, listings_per_day: 0 });
  });

  it("has nulls without dates", () => {
    expect(summarizeFreshness([posted(null)], collectedAt)).toEqual({
      dated: 0,
      undated: 1,
      window_days: null,
      listings_in_window: null,
      listings_per_day: null,
      share_last_7_days: null,
      median_age_days: null,
    });
  });
});
