import { findPhoneNumbersInText } from "libphonenumber-js/max";

/** One amount written in the text, with what stands around it. */
interface Amount {
  start: number;
  end: number;
  value: number;
  multiplied: boolean;
  currency: "kzt" | "foreign" | null;
  budgetWord: boolean;
  /** Not money: a count, a year, a unit of measure, a phone-like string of digits. */
  excluded: boolean;
}

const space = "[\\s\\u00A0\\u202F\\u2009]";
const amountNumber =
  /(?<![\p{L}\p{N}+№#.,/])(\d{1,3}(?:[\u00A0\u202F\u2009 .,]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)/gu;

const multipliers: [RegExp, number][] = [
  [/^(?:млрд\.?|миллиард\p{L}*|billion|bln)(?!\p{L})/iu, 1_000_000_000],
  [/^(?:млн\.?|миллион\p{L}*|million\p{L}*|mln|mio|лям\p{L}*)(?!\p{L})/iu, 1_000_000],
  [/^(?:тыс\p{L}*\.?|тыщ\p{L}*|мың\p{L}{0,3}|мын(?:га|ға|нан)?|thousand\p{L}*|k|к)(?!\p{L})/iu, 1_000],
];

const tengeAfter = /^(?:(?:тенге|теңге|тэнге)\p{L}{0,4}|(?:тг|тңг|тнг|kzt|tenge)\.?(?!\p{L})|₸)/iu;
const foreignAfter =
  /^(?:\$|€|£|₽|usd|eur\p{L}*|rub\p{L}*|gbp|cny|rmb|долл\p{L}*|бакс\p{L}*|у\.?\s?е\.?|евро|руб\p{L}*|р\.|р(?!\p{L})|т\.\s?р\.?|сум\p{L}*|сом\p{L}*|юан\p{L}*|dollars?|bucks)(?!\p{L})/iu;
const tengeBefore = /(?:₸|kzt)\s*$/iu;
const foreignBefore = /(?:\$|€|£|₽|usd|eur|rub)\s*$/iu;

/** Words after a number that make it a count, a measure, a date or a duration, not money. */
const unitAfter = new RegExp(
  "^(?:" +
    [
      "км|km|кв\\.?|квадрат\\p{L}*|м2|м²|m2|sq\\p{L}*|метр\\p{L}*|м|m|см|мм|кг|kg|гр|г\\.?|л|литр\\p{L}*|тонн\\p{L}*|т",
      "шт\\p{L}*\\.?|штук\\p{L}*|комнат\\p{L}*|ком\\.|бөлме\\p{L}*|болме\\p{L}*|дана|rooms?|pcs|pieces?|x|х",
      "лет|год\\p{L}*|жыл\\p{L}*|ж\\.|years?|дн\\p{L}*|день|сут\\p{L}*|недел\\p{L}*|мес\\p{L}*|час\\p{L}*|ч\\.?",
      "мин\\p{L}*|сек\\p{L}*|күн\\p{L}*|кун\\p{L}*|ай\\p{L}*|апта\\p{L}*|сағат\\p{L}*|сагат\\p{L}*",
      "days?|weeks?|months?|hours?|minutes?",
      "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|числ\\p{L}*",
      "%|процент\\p{L}*|человек\\p{L}*|чел\\.?|адам\\p{L}*|гост\\p{L}*|people|persons?|раз\\p{L}*|этаж\\p{L}*",
      "қабат\\p{L}*|кабат\\p{L}*|сот\\p{L}*|га|квт|kw|вт|w|подписчик\\p{L}*|просмотр\\p{L}*|мест\\p{L}*",
      "ед\\.?|единиц\\p{L}*|позици\\p{L}*|модел\\p{L}*|класс\\p{L}*|дет\\p{L}*|ребен\\p{L}*|взросл\\p{L}*",
    ].join("|") +
    ")(?!\\p{L})",
  "iu",
);

/**
 * Words before an amount that make it a budget: "бюджет 400000", "до 500 тысяч", "около 1 млн", "шамамен 300 мың".
 * "бюджет" may stand a few words away ("бюджет у меня около 400 000").
 */
const budgetWordBefore = new RegExp(
  "(?:(?<!\\p{L})(?:бюджет\\p{L}*|budget)(?:[\\s:,–—-]+\\p{L}+){0,3}" +
    "|(?<!\\p{L})(?:до|около|примерно|приблизительно|в\\s+пределах|в\\s+районе|не\\s+более|не\\s+больше" +
    "|максимум|макс\\.?|шамамен|шамасы|up\\s+to|around|about|approximately|max(?:imum)?))" +
    "[\\s:~≈–—-]*$",
  "iu",
);
/** Kazakh puts the word after: "500 мыңға дейін", "1 млн шамасында". */
const budgetWordAfter = /^(?:дейін|дейин|шамасында|шамасы|шамамен|көлемінде|колеминде)(?!\p{L})/iu;
const rangeJoin = /^\s*(?:-|–|—|до|to|\.\.\.?|…)\s*$/iu;

/** Spelled numbers people write before "тысяч", "мың", "миллион": "пятьсот тысяч", "полтора миллиона", "бес жүз мың". */
const numberWords: Record<string, number> = {
  пол: 0.5,
  полтора: 1.5,
  полторы: 1.5,
  один: 1,
  одна: 1,
  одну: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  двадцать: 20,
  тридцать: 30,
  сорок: 40,
  пятьдесят: 50,
  шестьдесят: 60,
  семьдесят: 70,
  восемьдесят: 80,
  девяносто: 90,
  сто: 100,
  двести: 200,
  триста: 300,
  четыреста: 400,
  пятьсот: 500,
  шестьсот: 600,
  семьсот: 700,
  восемьсот: 800,
  девятьсот: 900,
  жарты: 0.5,
  бір: 1,
  бир: 1,
  екі: 2,
  еки: 2,
  үш: 3,
  уш: 3,
  төрт: 4,
  бес: 5,
  алты: 6,
  жеті: 7,
  жети: 7,
  сегіз: 8,
  сегиз: 8,
  тоғыз: 9,
  тогыз: 9,
  он: 10,
  жиырма: 20,
  отыз: 30,
  қырық: 40,
  кырык: 40,
  елу: 50,
  алпыс: 60,
  жетпіс: 70,
  жетпис: 70,
  сексен: 80,
  тоқсан: 90,
  токсан: 90,
  жүз: 100,
  жуз: 100,
};
const spelledAmount = new RegExp(
  `(?<!\\d${space}*)(?<!\\p{L})((?:\\p{L}+${space}*-?${space}*){0,3}?)(тысяч\\p{L}*|тыщ\\p{L}*|мың\\p{L}{0,3}|миллион\\p{L}*|млн|лям\\p{L}*)(?!\\p{L})`,
  "giu",
);

/** The value of up to three spelled number words ("бес жүз" = 500), or null when they are not all number words. */
function readNumberWords(words: string[]): number | null {
  let total = 0;
  for (const word of words) {
    const value = numberWords[word.toLowerCase()];
    if (value === undefined) return null;
    // Kazakh multiplies a unit by жүз: "бес жүз" = 5 × 100.
    total = value === 100 && total > 0 && total < 10 ? total * 100 : total + value;
  }
  return total;
}

/** "полтора миллиона" → "1.5 миллиона", "бес жүз мың" → "500 мың", "миллион" → "1 миллион". */
function writeSpelledNumbersInDigits(text: string): string {
  return text.replace(spelledAmount, (whole, spelled: string, multiplier: string) => {
    const words = spelled.split(/[\s\u00A0\u202F\u2009-]+/u).filter(Boolean);
    // The longest tail of words that are all number words ("бюджет пятьсот тысяч" → "пятьсот").
    for (let from = 0; from < words.length; from += 1) {
      const value = readNumberWords(words.slice(from));
      if (value !== null) return `${words.slice(0, from).join(" ")} ${value} ${multiplier}`;
    }
    // A lone "миллион" is an amount only where a budget is being named: "бюджет миллион", "за миллион".
    const named = budgetWordBefore.test(spelled) || /(?<!\p{L})за\s*$/iu.test(spelled);
    return named && /^(?:миллион|лям)/iu.test(multiplier) ? `${spelled}1 ${multiplier}` : whole;
  });
}

/** Phone numbers, times and dates blanked out, so that their digits are never read as money. */
function blankNonAmounts(text: string): string {
  let blanked = text;
  for (const phone of findPhoneNumbersInText(text, { defaultCountry: "KZ" })) {
    blanked =
      blanked.slice(0, phone.startsAt) +
      " ".repeat(phone.endsAt - phone.startsAt) +
      blanked.slice(phone.endsAt);
  }
  return blanked
    .replace(/\+\d[\d\s()-]{6,}\d/gu, (match) => " ".repeat(match.length))
    .replace(/\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\/\d{1,2}/gu, (match) => " ".repeat(match.length))
    .replace(/\d{1,2}:\d{2}/gu, (match) => " ".repeat(match.length));
}

function readNumber(digits: string, multiplied: boolean): number {
  // "1,5 млн", "2.5к": a decimal fraction before a multiplier; otherwise separators group thousands.
  if (multiplied && /^\d+[.,]\d+$/u.test(digits)) return Number(digits.replace(",", "."));
  if (/^\d+[.,]\d{1,2}$/u.test(digits)) return Number(digits.replace(",", "."));
  return Number(digits.replace(/[^\d]/gu, ""));
}

function readAmounts(text: string): Amount[] {
  const amounts: Amount[] = [];
  let previousEnd = 0;
  for (const match of text.matchAll(amountNumber)) {
    const digits = match[1] ?? "";
    const start = match.index;
    let end = start + digits.length;
    // "2-х млн", "5-ти тысяч": the spoken case ending written after the digits.
    const caseEnding = /^-?(?:х|ух|ёх|ех|ти)(?!\p{L})/iu.exec(text.slice(end));
    if (caseEnding) end += caseEnding[0].length;
    let rest = text.slice(end);
    const gap = (s: string) => s.length - s.trimStart().length;

    let factor = 1;
    for (const [pattern, value] of multipliers) {
      const found = pattern.exec(rest.trimStart());
      if (found) {
        factor = value;
        end += gap(rest) + found[0].length;
        rest = text.slice(end);
        break;
      }
    }
    const multiplied = factor !== 1;
    const before = text.slice(previousEnd, start);
    let currency: Amount["currency"] = null;
    const tenge = tengeAfter.exec(rest.trimStart());
    const foreign = foreignAfter.exec(rest.trimStart());
    if (tenge) {
      currency = "kzt";
      end += gap(rest) + tenge[0].length;
      rest = text.slice(end);
    } else if (foreign) {
      currency = "foreign";
    } else if (tengeBefore.test(before)) {
      currency = "kzt";
    } else if (foreignBefore.test(before)) {
      currency = "foreign";
    }
    const value = readNumber(digits, multiplied) * factor;
    const bareDigits = digits.replace(/[^\d]/gu, "").length;
    const excluded =
      (currency === null && unitAfter.test(rest.trimStart())) ||
      (!multiplied && currency === null && /^\p{L}/u.test(rest)) ||
      (!multiplied && currency !== "kzt" && bareDigits >= 10) ||
      (!multiplied && currency !== "kzt" && value >= 1950 && value <= 2100 && bareDigits === 4);
    amounts.push({
      start,
      end,
      value,
      multiplied,
      currency,
      budgetWord: budgetWordBefore.test(before) || budgetWordAfter.test(rest.trimStart()),
      excluded,
    });
    previousEnd = end;
  }
  return amounts;
}

/** "5-6 млн", "от 1 до 2 млн", "300 тыс - 400": a range counts as its upper bound, sharing words and units. */
function joinRanges(text: string, amounts: Amount[]): Amount[] {
  const joined: Amount[] = [];
  for (let i = 0; i < amounts.length; i += 1) {
    const lower = amounts[i]!;
    const upper = amounts[i + 1];
    if (!upper || !rangeJoin.test(text.slice(lower.end, upper.start))) {
      joined.push(lower);
      continue;
    }
    const inheritsMultiplier = !upper.multiplied && lower.multiplied && upper.value < 1000;
    joined.push({
      start: lower.start,
      end: upper.end,
      value: inheritsMultiplier ? upper.value * (lower.value >= 1_000_000 ? 1_000_000 : 1_000) : upper.value,
      multiplied: upper.multiplied || lower.multiplied,
      currency: upper.currency ?? lower.currency,
      budgetWord: lower.budgetWord || upper.budgetWord,
      excluded: upper.excluded && !inheritsMultiplier,
    });
    i += 1;
  }
  return joined;
}

/**
 * The budget a lead names, in whole tenge, or null. Reads "2 млн тенге", "300 тыс", "250к", "1,5 млн теңге",
 * "800 000 ₸", "300 мың", "полтора миллиона"; a range gives its upper bound ("5-6 млн" → 6 000 000). A bare number
 * counts only beside a budget word (бюджет, до, около, примерно, в пределах, шамамен, дейін) or a currency. Phone
 * numbers, years, times, counts and measures are never money; amounts in another currency ($, руб, сум) are not
 * a tenge budget.
 */
export function extractBudget(text: string): number | null {
  const prepared = writeSpelledNumbersInDigits(blankNonAmounts(text));
  let budget: number | null = null;
  for (const amount of joinRanges(prepared, readAmounts(prepared))) {
    if (amount.excluded || amount.currency === "foreign") continue;
    if (!amount.multiplied && amount.currency !== "kzt" && !amount.budgetWord) continue;
    if (!amount.multiplied && amount.currency !== "kzt" && amount.value < 1000) continue;
    const value = Math.round(amount.value);
    if (value > 0 && (budget === null || value > budget)) budget = value;
  }
  return budget;
}
