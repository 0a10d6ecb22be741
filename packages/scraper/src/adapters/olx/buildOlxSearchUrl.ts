import { type CityName, normalizeCity } from "@arqan/shared";

/** The path segment olx.kz uses for each city's ads (https://www.olx.kz/almaty/…). */
export const olxCitySlugs: Record<CityName, string> = {
  Almaty: "almaty",
  Astana: "astana",
  Shymkent: "shymkent",
  Karaganda: "karaganda",
  Aktobe: "aktobe",
  Taraz: "taraz",
  Pavlodar: "pavlodar",
  Oskemen: "ust-kamenogorsk",
  Semey: "semey",
  Atyrau: "atyrau",
  Kostanay: "kostanay",
  Kyzylorda: "kyzylorda",
  Oral: "uralsk",
  Petropavl: "petropavlovsk",
  Aktau: "aktau",
  Turkistan: "turkestan",
  Taldykorgan: "taldykorgan",
  Kokshetau: "kokshetau",
  Ekibastuz: "ekibastuz",
  Temirtau: "temirtau",
};

export interface OlxSearchRequest {
  query: string;
  /**
   * Only ads in this city, by its official Latin name ("Almaty") or another common spelling ("Алматы");
   * all of Kazakhstan when absent or not one of the 20 cities OLX has a section for.
   */
  city?: CityName | string | null;
  /** 1-based results page. */
  page?: number;
  /** Another OLX country or a test server; https://www.olx.kz by default. */
  baseUrl?: string;
}

/**
 * The OLX search results URL a visitor would open: /list/q-<query>/ for the whole country,
 * /<city>/q-<query>/ for one city, ?page=N from the second page on. OLX writes spaces in a query as dashes.
 */
export function buildOlxSearchUrl({ query, city, page, baseUrl }: OlxSearchRequest): string {
  const base = (baseUrl ?? "https://www.olx.kz").replace(/\/+$/, "");
  const known = city ? normalizeCity(city) : null;
  const place = known ? olxCitySlugs[known] : "list";
  const words = query.trim().split(/\s+/).filter(Boolean).map(encodeURIComponent).join("-");
  const path = words === "" ? `/${place}/` : `/${place}/q-${words}/`;
  const pageNumber = page !== undefined && Number.isInteger(page) && page > 1 ? `?page=${page}` : "";
  return `${base}${path}${pageNumber}`;
}
