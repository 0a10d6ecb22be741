import { type CityAlias, type CityName, cityAliases, kazakhstanCities } from "./kazakhstanCities.ts";

/**
 * Kazakh case suffixes a city name takes, with and without the Kazakh letters: Алматыда, Астанаға, Шымкенттен,
 * Қарағандының, Өскеменге, Оралдағы, Алматылық, and with "I am": Шымкенттемін, Қарағандыданмын, Алматылықпын; in Kazakh Latin:
 * Almatyda.
 */
const kazakhSuffix =
  "(?:н?[дт][аеә](?:н(?:м[ыіи][нз])?|[гғ][ыіи]|м[ыіи][нз])?|[гғкқ][аеә]|н[аеә](?:н(?:м[ыіи][нз])?)?" +
  "|[ндт][ыіи][ңн]?|[мбп]ен" +
  "|[лдт][ыіи][кқ](?:п[ыіи][нз])?" +
  "|n?[dt][ae]n?|[gk][ae]|n[ae]n?|[ndt][yi][nq]?|[mbp]en|[ldt][yi][kq])";

interface CompiledAlias {
  city: CityName;
  capitalised: boolean;
  regex: RegExp;
}

function compile(city: CityName, alias: CityAlias, anchored: boolean): CompiledAlias {
  const word = `(?:${alias.pattern})${kazakhSuffix}?`;
  const source = anchored ? `^${word}$` : `(?<![\\p{L}\\p{M}])${word}(?![\\p{L}\\p{M}])`;
  return {
    city,
    capitalised: alias.capitalised ?? false,
    regex: new RegExp(source, anchored ? "iu" : "giu"),
  };
}

const inText: CompiledAlias[] = kazakhstanCities.flatMap((city) =>
  cityAliases[city].map((alias) => compile(city, alias, false)),
);
const whole: CompiledAlias[] = kazakhstanCities.flatMap((city) =>
  cityAliases[city].map((alias) => compile(city, alias, true)),
);

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

/**
 * The first Kazakhstan city a text mentions, by its official Latin name, or null. Knows Russian with its case
 * endings ("в Караганде", "из Астаны"), Kazakh with its suffixes ("Алматыда", "Шымкентте"), old names
 * ("Усть-Каменогорск", "Нур-Султан", "Гурьев") and Latin spellings ("Almaty", "Chimkent").
 */
export function extractCity(text: string): CityName | null {
  let found: { city: CityName; index: number; length: number } | null = null;
  for (const alias of inText) {
    for (const match of text.matchAll(alias.regex)) {
      if (alias.capitalised && !isCapitalised(match[0])) continue;
      const better =
        found === null ||
        match.index < found.index ||
        (match.index === found.index && match[0].length > found.length);
      if (better) found = { city: alias.city, index: match.index, length: match[0].length };
      break;
    }
  }
  return found?.city ?? null;
}

const cityPrefix = /^(?:г\.|г\s|город|city of|city)\s*/iu;
const citySuffix = /\s*(?:қаласы|каласы|city|шаһары)$/iu;

/**
 * The official name of one city given alone, in any of the forms `extractCity` knows and in any case
 * ("Алматы", "г. Алматы", "almaty", "Усть-Каменогорск"), or null when it is not a Kazakhstan city this system knows.
 */
export function normalizeCity(name: string): CityName | null {
  const bare = name.trim().replace(cityPrefix, "").replace(citySuffix, "").trim();
  if (!bare) return null;
  return whole.find((alias) => alias.regex.test(bare))?.city ?? null;
}
