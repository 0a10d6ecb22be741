import { z } from "zod";

/** The cities a lead can be in, by their official Latin names (the form stored and shown everywhere). */
export const kazakhstanCities = [
  "Almaty",
  "Astana",
  "Shymkent",
  "Karaganda",
  "Aktobe",
  "Taraz",
  "Pavlodar",
  "Oskemen",
  "Semey",
  "Atyrau",
  "Kostanay",
  "Kyzylorda",
  "Oral",
  "Petropavl",
  "Aktau",
  "Turkistan",
  "Taldykorgan",
  "Kokshetau",
  "Ekibastuz",
  "Temirtau",
] as const;

export const citySchema = z.enum(kazakhstanCities);
export type CityName = z.infer<typeof citySchema>;

/**
 * One way people write a city: a lower-case regular expression source for the word with its Russian case endings
 * (Kazakh suffixes are added by the matcher). `capitalised` names are also common words ("семей" = of families,
 * "орал" = yelled, "oral"): only a capitalised mention counts.
 */
export interface CityAlias {
  pattern: string;
  capitalised?: boolean;
}

/** Russian case endings of a city name ending in a consonant: Шымкента, Шымкенте, Шымкенту, Шымкентом. */
const consonantEndings = "(?:а|е|у|ом)?";
/** Russian case endings of a name ending in -а: Астана, Астаны, Астане, Астану, Астаной. */
const aEndings = "(?:а|ы|е|у|ой|ою)";
const hyphen = "[-–\\s]?";

/** Current Russian and Kazakh names, old names and Latin spellings of each city. */
export const cityAliases: Record<CityName, CityAlias[]> = {
  Almaty: [
    { pattern: `алмат${aEndings}` },
    { pattern: `алма${hyphen}ат${aEndings}` },
    { pattern: "almat[ya]" },
    { pattern: `alma${hyphen}ata` },
  ],
  Astana: [
    { pattern: `астан${aEndings}` },
    { pattern: `н[уұ]р${hyphen}с[уұ]лтан${consonantEndings}` },
    { pattern: `целиноград${consonantEndings}` },
    // Ақмола is also the region around the capital: "Ақмола облысы", "Akmola region" are not the city.
    { pattern: `а[кқ]мол${aEndings}(?![-–\\s]*(?:обл|region|oblast))` },
    { pattern: `акмолинск${consonantEndings}` },
    { pattern: "astana" },
    { pattern: `nur${hyphen}sultan` },
    { pattern: "tselinograd" },
  ],
  Shymkent: [
    { pattern: `шымкент${consonantEndings}` },
    { pattern: `чимкент${consonantEndings}` },
    { pattern: "shymkent" },
    { pattern: "chimkent" },
  ],
  Karaganda: [
    { pattern: `[кқ]ара[гғ]анд${aEndings}` },
    { pattern: "karaganda" },
    { pattern: "[kq]aragand[yi]" },
  ],
  Aktobe: [
    { pattern: "а[кқ]т[оө]бе" },
    { pattern: `актюбинск${consonantEndings}` },
    { pattern: "a[kq]t[oö]be" },
    { pattern: "aktyubinsk" },
  ],
  Taraz: [
    { pattern: `тараз${consonantEndings}` },
    { pattern: `джамбул${consonantEndings}` },
    { pattern: `жамбыл${consonantEndings}` },
    { pattern: "taraz" },
    { pattern: "dzhambul" },
    { pattern: "zhambyl" },
  ],
  Pavlodar: [{ pattern: `павлодар${consonantEndings}` }, { pattern: "pavlodar" }],
  Oskemen: [
    { pattern: "[өо]скемен" },
    { pattern: `усть${hyphen}каменогорск${consonantEndings}` },
    { pattern: "[oö]skemen" },
    { pattern: `ust${hyphen}kamenogorsk` },
  ],
  Semey: [
    { pattern: "семе(?:й|я|ю|ем|е)", capitalised: true },
    { pattern: `семипалатинск${consonantEndings}` },
    { pattern: "semey" },
    { pattern: "semipalatinsk" },
  ],
  Atyrau: [
    { pattern: "атырау" },
    // Also a surname, as capitalised as the city.
    { pattern: `гурьев${consonantEndings}`, capitalised: true },
    { pattern: "atyrau" },
    { pattern: "guryev" },
  ],
  Kostanay: [
    { pattern: "[кқ][оу]стана(?:й|я|е|ю|ем)" },
    { pattern: "[kq]ostana[iy]" },
    { pattern: "kustanai" },
  ],
  Kyzylorda: [
    { pattern: `[кқ]ызыл${hyphen}орд${aEndings}` },
    { pattern: `кзыл${hyphen}орд${aEndings}` },
    { pattern: `[kq]yzyl${hyphen}orda` },
    { pattern: `kzyl${hyphen}orda` },
  ],
  Oral: [
    { pattern: "орал", capitalised: true },
    { pattern: `уральск${consonantEndings}` },
    { pattern: "oral", capitalised: true },
    { pattern: "uralsk" },
  ],
  Petropavl: [
    // Not Petropavlovsk-Kamchatsky, in Russia.
    { pattern: `петропавловск${consonantEndings}(?![-–\\s]*камчат)` },
    { pattern: `петропавл${consonantEndings}` },
    { pattern: "petropavlovsk(?![-–\\s]*kamchat)" },
    { pattern: "petropavl" },
  ],
  Aktau: [{ pattern: "а[кқ]тау" }, { pattern: "a[kq]tau" }],
  Turkistan: [{ pattern: `т[уү]рк[еіи]стан${consonantEndings}` }, { pattern: "turk[ei]stan" }],
  Taldykorgan: [
    { pattern: `талд[ыи]${hyphen}[кқ][оу]р[гғ]ан${consonantEndings}` },
    { pattern: `taldy${hyphen}[kq][ou]rgan` },
  ],
  Kokshetau: [
    { pattern: "к[оө]кшетау" },
    { pattern: `кокчетав${consonantEndings}` },
    { pattern: "kokshetau" },
    { pattern: "kokchetav" },
  ],
  Ekibastuz: [{ pattern: `[эе]к[иі]баст[уұ]з${consonantEndings}` }, { pattern: "ekibastuz" }],
  Temirtau: [{ pattern: "тем[иі]ртау" }, { pattern: "temirtau" }],
};
