import type { NicheListing } from "./nicheInput.ts";
import type { FreshnessSummary } from "./nicheReport.ts";
import { median } from "./quantile.ts";
import { roundOrNull, roundTo, shareOf } from "./roundTo.ts";

const dayMs = 86_400_000;
/** Activity is measured over at most the last 30 days. */
export const activityWindowDays = 30;
export const recentDays = 7;

/**
 * How alive the niche is, from the listings' dates. Ages count back from the collection (a date after it counts as
 * age 0). Listings per day: the listings posted within the last 30 days over the days from the oldest of them to
 * the collection, at least one day. OLX dates an ad when it was posted or last raised, so raised ads look new: this
 * measures sellers' activity, not only new supply. It counts the listings read, not the whole supply.
 */
export function summarizeFreshness(listings: readonly NicheListing[], collectedAt: string): FreshnessSummary {
  const collected = Date.parse(collectedAt);
  const ages: number[] = [];
  for (const listing of listings) {
    if (listing.posted_at === null) continue;
    const posted = Date.parse(listing.posted_at);
    if (!Number.isFinite(posted) || !Number.isFinite(collected)) continue;
    ages.push(Math.max(0, (collected - posted) / dayMs));
  }
  const undated = listings.length - ages.length;
  if (ages.length === 0) {
    return {
      dated: 0,
      undated,
      window_days: null,
      listings_in_window: null,
      listings_per_day: null,
      share_last_7_days: null,
      median_age_days: null,
    };
  }
  const inWindow = ages.filter((age) => age <= activityWindowDays);
  // Nothing posted within the window: no activity over the whole window.
  const windowDays =
    inWindow.length > 0 ? inWindow.reduce((oldest, age) => Math.max(oldest, age), 1) : activityWindowDays;
  return {
    dated: ages.length,
    undated,
    window_days: roundTo(windowDays, 2),
    listings_in_window: inWindow.length,
    listings_per_day: roundTo(inWindow.length / windowDays, 2),
    share_last_7_days: roundOrNull(shareOf(ages.filter((age) => age <= recentDays).length, ages.length), 4),
    median_age_days: roundOrNull(median(ages), 1),
  };
}
