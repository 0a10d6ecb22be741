/**
 * Cyrillic to Latin for URL slugs: Russian as in Russian passports (ICAO, ж → zh, х → kh, ц → ts), the
 * nine Kazakh letters as the 2021 Kazakh Latin alphabet writes them, without its diacritics.
 */
const cyrillicToLatin: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "iu",
  я: "ia",
  ә: "a",
  ғ: "g",
  қ: "q",
  ң: "n",
  ө: "o",
  ұ: "u",
  ү: "u",
  һ: "h",
  і: "i",
  // Ukrainian and Belarusian letters a product title may carry.
  є: "ie",
  ї: "i",
  ґ: "g",
  ў: "u",
};

/** WordPress stores a post slug in 200 characters. */
const maxSlugLength = 200;

/**
 * A title as an ASCII URL slug: "Рашгард Қазақ әйелдерге 2 шт." → "rashgard-qazaq-aielderge-2-sht".
 * Latin letters lose their accents; everything else (emoji, punctuation) separates words. May be empty.
 */
export function slugifyTitle(title: string): string {
  const latin = [...title.toLowerCase()].map((letter) => cyrillicToLatin[letter] ?? letter).join("");
  return latin
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxSlugLength)
    .replace(/^-+|-+$/g, "");
}
