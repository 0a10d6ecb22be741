export interface SatuSearch {
  query: string;
  /** 1-based; the first page carries no page parameter. */
  page?: number;
  /** Where Satu is served; https://satu.kz unless a test points it at a fake. */
  baseUrl?: string;
}

/** The URL of one page of Satu's search results: https://satu.kz/search?search_term=<query>&page=<n>. */
export function buildSatuSearchUrl({ query, page = 1, baseUrl = "https://satu.kz" }: SatuSearch): string {
  const url = new URL("/search", baseUrl);
  url.searchParams.set("search_term", query.trim());
  if (page > 1) url.searchParams.set("page", String(page));
  return url.toString();
}
