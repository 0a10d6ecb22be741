import { type CityName, normalizeCity } from "@arqan/shared";

/**
 * Kaspi's id of each city (the `c=` of its URLs): prices and sellers on Kaspi are per city.
 * Taken from the city list Kaspi serves on its product pages.
 */
export const kaspiCityIds: Record<CityName, string> = {
  Almaty: "750000000",
  Astana: "710000000",
  Shymkent: "511010000",
  Karaganda: "351010000",
  Aktobe: "151010000",
  Taraz: "311010000",
  Pavlodar: "551010000",
  Oskemen: "631010000",
  Semey: "632810000",
  Atyrau: "231010000",
  Kostanay: "391010000",
  Kyzylorda: "431010000",
  Oral: "271010000",
  Petropavl: "591010000",
  Aktau: "471010000",
  Turkistan: "512610000",
  Taldykorgan: "191010000",
  Kokshetau: "111010000",
  Ekibastuz: "552210000",
  Temirtau: "352410000",
};

export interface KaspiSearchRequest {
  query: string;
  /**
   * Prices and sellers of this city, by its official Latin name ("Almaty") or another common spelling;
   * Kaspi's default city when absent or not one whose id we know.
   */
  city?: CityName | string | null;
  /** 1-based results page. */
  page?: number;
  /** A test server; https://kaspi.kz by default. */
  baseUrl?: string;
}

/** The Kaspi search results URL: /shop/search/?text=<query>&c=<city id>, &page=N from the second page on. */
export function buildKaspiSearchUrl({ query, city, page, baseUrl }: KaspiSearchRequest): string {
  const base = (baseUrl ?? "https://kaspi.kz").replace(/\/+$/, "");
  let url = `${base}/shop/search/?text=${encodeURIComponent(query.trim().replace(/\s+/g, " "))}`;
  const known = city ? normalizeCity(city) : null;
  if (known) url += `&c=${kaspiCityIds[known]}`;
  if (page !== undefined && Number.isInteger(page) && page > 1) url += `&page=${page}`;
  return url;
}
