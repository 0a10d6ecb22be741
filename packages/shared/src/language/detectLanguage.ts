import type { Language } from "../domain/enums.ts";

/** Letters only Kazakh Cyrillic has (ә ғ қ ң ө ұ ү һ і), either case. */
const kazakhLetter = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
const cyrillicLetter = /\p{Script=Cyrillic}/u;
const latinLetter = /\p{Script=Latin}/u;
const anyLetter = /\p{L}/u;

/**
 * Kazakh words as people type them on a Russian keyboard (қ→к, ғ→г, ә→а, і→и, ү/ұ→у, ө→о, ң→н): none of them is a
 * Russian word, so one is enough.
 */
const kazakhWords = new Set([
  "керек",
  "керегі",
  "кереги",
  "жок",
  "жоқ",
  "иа",
  "ия",
  "рахмет",
  "рахмед",
  "маган",
  "маған",
  "салем",
  "салеметсиз",
  "салеметсизбе",
  "салематсызба",
  "калай",
  "кандай",
  "канша",
  "кайда",
  "кайдан",
  "кашан",
  "багасы",
  "бағасы",
  "баасы",
  "жаксы",
  "алгым",
  "алгыс",
  "келеди",
  "келед",
  "сизге",
  "сиздерге",
  "сизде",
  "бизге",
  "бизде",
  "менде",
  "ушин",
  "жане",
  "емес",
  "болады",
  "болама",
  "аласыз",
  "бересиз",
  "жибериниз",
  "айтыныз",
  "бериниз",
  "кажет",
  "туралы",
  "акпарат",
  "толык",
  "баска",
  "тегин",
  "жеткизу",
  "бугин",
  "ертен",
  "аптада",
  "жылы",
  "ишинде",
  "жарайды",
  "саубол",
  "кешириниз",
  "отиниш",
  "калада",
  "каладан",
  "турамын",
  "нарсе",
  "неше",
]);

/** Words Kazakh shares with other languages or that are too short to tell alone: two of them are needed. */
const weakKazakhWords = new Set([
  "мен",
  "сен",
  "бар",
  "ма",
  "ме",
  "ба",
  "бе",
  "па",
  "пе",
  "осы",
  "сол",
  "гой",
  "айда",
]);

/** Kazakh endings no Russian word has: -мын (I), -сыз/-ныз (you), -дағы/-тағы (the one in), typed plain. */
const kazakhEnding = /\p{L}{2}(?:мын|сыз|ныз|дагы|тагы)$/u;

const cyrillicWord = /\p{Script=Cyrillic}+/gu;

/**
 * The language a lead wrote in, or null when the text has no letters. Kazakh letters (ә ғ қ ң ө ұ ү һ і) or
 * Kazakh words typed without them → "kk"; Latin text without Cyrillic → "en"; any other text → "ru".
 */
export function detectLanguage(text: string): Language | null {
  if (!anyLetter.test(text)) return null;
  if (kazakhLetter.test(text)) return "kk";
  if (!cyrillicLetter.test(text)) return latinLetter.test(text) ? "en" : "ru";
  let weak = 0;
  for (const [word] of text.toLowerCase().matchAll(cyrillicWord)) {
    if (kazakhWords.has(word) || kazakhEnding.test(word)) return "kk";
    if (weakKazakhWords.has(word)) weak += 1;
  }
  return weak >= 2 ? "kk" : "ru";
}
