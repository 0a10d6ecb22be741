import type { DedupedListings } from "./dedupeListings.ts";
import { type NicheSiteTotal, nicheSites } from "./nicheInput.ts";
import type { SupplySite, SupplySummary } from "./nicheReport.ts";

/**
 * How many offers the niche has. Each site adds its reported total when it gave one (never less than what was
 * read), else the listings read — an undercount when only the first pages were read or the site blocked us.
 * Kaspi counts products (each may have several sellers), OLX and Satu count ads: the estimate adds them as seen.
 * Several totals for one site (several queries or runs) are merged: pages add up, the largest total wins, one
 * block marks the site blocked.
 */
export function summarizeSupply(deduped: DedupedListings, totals: readonly NicheSiteTotal[]): SupplySummary {
  const sites: SupplySite[] = [];
  for (const site of nicheSites) {
    const siteTotals = totals.filter((total) => total.site === site);
    const siteListings = deduped.listings.filter((listing) => listing.site === site);
    if (siteTotals.length === 0 && siteListings.length === 0) continue;
    const reported = siteTotals
      .map((total) => total.total)
      .filter((total): total is number => total !== null);
    const reportedTotal =
      reported.length > 0 ? reported.reduce((largest, total) => Math.max(largest, total), 0) : null;
    const read = siteListings.length;
    sites.push({
      site,
      read,
      reported_total: reportedTotal,
      pages_read: siteTotals.reduce((sum, total) => sum + total.pages_read, 0),
      blocked: siteTotals.some((total) => total.blocked),
      promoted: siteListings.filter((listing) => listing.promoted).length,
      estimate: reportedTotal === null ? read : Math.max(reportedTotal, read),
      estimate_basis: reportedTotal === null ? "read" : "reported",
    });
  }
  const measured = sites.some(
    (site) => site.read > 0 || site.reported_total !== null || (site.pages_read > 0 && !site.blocked),
  );
  return {
    listings_read: deduped.listings.length,
    duplicates_dropped: deduped.duplicates_dropped,
    listings_without_id: deduped.without_id,
    estimate: sites.reduce((sum, site) => sum + site.estimate, 0),
    measured,
    sites,
  };
}
