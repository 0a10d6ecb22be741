import { useTranslatedCode } from "./useTranslatedCode.ts";

/** Names a site (olx, kaspi, satu, generic, auto) in the user's language; an unknown one as it is. */
export function useSiteName(): (site: string) => string {
  const translate = useTranslatedCode();
  return (site) => translate(`research.site.${site}`, site);
}
