const countPatterns: readonly RegExp[] = [
  /найден[оаы]?:?\s+(?:более\s+)?(\d[\d\s]*?)\s+(?:товар|объявлен|результат|позици|предложени)/iu,
  /(?:мы\s+)?нашли\s+(?:более\s+)?(\d[\d\s]*?)\s+(?:товар|объявлен|результат|позици|предложени)/iu,
  /(\d[\d\s]*?)\s+(?:товар\p{L}*|результат\p{L}*|объявлен\p{L}*)\s+найден/iu,
  /(\d[\d\s]*?)\s+(?:тауар|нәтиже|хабарландыру)\p{L}*\s+табыл/iu,
  /(\d[\d,\s]*?)\s+(?:results|products|items)\s+found/iu,
  /of\s+(\d[\d,\s]*?)\s+(?:results|products|items)/iu,
];

/**
 * The number of results a listing says it has ("Найдено 1 234 товара", "1 234 тауар табылды",
 * "Showing 1–24 of 1,234 results"), not the cards on the page. Null when the text says no count.
 */
export function readResultsCount(text: string | null | undefined): number | null {
  const value = (text ?? "").replace(/\s+/gu, " ");
  for (const pattern of countPatterns) {
    const match = pattern.exec(value);
    const digits = match?.[1]?.replace(/[\s,]/gu, "");
    if (digits) return Number.parseInt(digits, 10);
  }
  return null;
}
