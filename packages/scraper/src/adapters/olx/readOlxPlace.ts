import type { OlxAd } from "./olxAdSchema.ts";

/** Where the ad is, as OLX shows it on the card: the city, then the district when given ("Ташкент, Яккасарайский район"). */
export function readOlxPlace(location: OlxAd["location"]): string | null {
  const city = location?.cityName?.trim() || location?.regionName?.trim() || null;
  if (city === null) return null;
  const district = location?.districtName?.trim();
  return district ? `${city}, ${district}` : city;
}

/** The seller's name as the ad shows it: the user's profile name, else the contact name. */
export function readOlxSeller(ad: OlxAd): string | null {
  return ad.user?.name?.trim() || ad.contact?.name?.trim() || null;
}

/** The ad's page, absolute: `url` as the state gives it, else `urlPath` on the site's origin. */
export function readOlxAdUrl(ad: OlxAd, origin: string | null): string | null {
  if (ad.url) return ad.url;
  if (!ad.urlPath) return null;
  if (origin === null) return ad.urlPath;
  try {
    return new URL(ad.urlPath, origin).toString();
  } catch {
    return ad.urlPath;
  }
}
