/**
 * Phrases that say there is no hurry. They are removed before reading, so that "не срочно" is not "срочно"; a text
 * with nothing else gives no timeline.
 */
const noHurry = new RegExp(
  "(?<!\\p{L})(?:не\\s+(?:очень\\s+|так\\s+)?срочно|несрочно|не\\s+спешу|не\\s+тороплюсь|" +
    "пока\\s+(?:просто\\s+)?(?:смотрю|интересуюсь|думаю|присматриваюсь|прицениваюсь)|" +
    "просто\\s+(?:смотрю|интересуюсь|спрашиваю|узнаю|прицениваюсь)|" +
    "(?:шұғыл|шугыл)\\s+(?:емес|емес)|асықпаймын|асыкпаймын|жай\\s+(?:қарап|карап|сұрап|сурап)\\p{L}*|" +
    "not\\s+(?:urgent|in\\s+a\\s+hurry)|no\\s+rush|just\\s+(?:looking|browsing|asking))(?!\\p{L})",
  "giu",
);

const wordEnd = "(?!\\p{L})";
const wordStart = "(?<!\\p{L})";

/** Fixed phrases and the upper bound of days each means. */
const phrases: [string, number][] = [
  [
    "срочн\\p{L}*|сегодня|прямо\\s+сейчас|как\\s+можно\\s+(?:скорее|быстрее)|побыстрее|asap|today|urgent\\p{L}*",
    1,
  ],
  ["right\\s+now|бүгін|бугин|шұғыл|шугыл|тез\\s+арада|тезірек|тезирек", 1],
  ["послезавтра", 3],
  ["завтра|ертең|ертен|tomorrow", 2],
  [
    "на\\s+этой\\s+неделе|на\\s+неделе|до\\s+конца\\s+недели|в\\s+ближайшие\\s+дни|на\\s+днях|осы\\s+апта\\p{L}*",
    7,
  ],
  ["this\\s+week|within\\s+a\\s+week", 7],
  [
    "на\\s+следующей\\s+неделе|на\\s+след\\.?\\s+неделе|келесі\\s+апта\\p{L}*|келеси\\s+апта\\p{L}*|next\\s+week",
    14,
  ],
  ["в\\s+этом\\s+месяце|до\\s+конца\\s+месяца|осы\\s+ай\\p{L}*|this\\s+month|within\\s+a\\s+month", 31],
  ["в\\s+следующем\\s+месяце|келесі\\s+ай\\p{L}*|келеси\\s+ай\\p{L}*|next\\s+month", 62],
  [
    "(?:в\\s+течени[еи]\\s+|в\\s+ближайш\\p{L}+\\s+|за\\s+|within\\s+|in\\s+)?(?:квартал\\p{L}*|a\\s+quarter)",
    92,
  ],
  ["пол\\s*-?\\s*года|полугод\\p{L}*|жарты\\s+жыл\\p{L}*|half\\s+a\\s+year|six\\s+months", 183],
  ["в\\s+этом\\s+году|осы\\s+жыл\\p{L}*|this\\s+year", 365],
  ["в\\s+следующем\\s+году|келесі\\s+жыл\\p{L}*|келеси\\s+жыл\\p{L}*|next\\s+year", 730],
];

const numberWords: Record<string, number> = {
  один: 1,
  одну: 1,
  одного: 1,
  одной: 1,
  два: 2,
  две: 2,
  двух: 2,
  пару: 2,
  пары: 2,
  три: 3,
  трех: 3,
  трёх: 3,
  четыре: 4,
  четырех: 4,
  четырёх: 4,
  пять: 5,
  пяти: 5,
  шесть: 6,
  шести: 6,
  десять: 10,
  десяти: 10,
  бір: 1,
  бир: 1,
  екі: 2,
  еки: 2,
  үш: 3,
  уш: 3,
  төрт: 4,
  торт: 4,
  бес: 5,
  алты: 6,
  он: 10,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  ten: 10,
};

const count = `(\\d{1,3}(?:\\s*[-–]\\s*\\d{1,3})?|${Object.keys(numberWords).join("|")})`;
const unit =
  "(дн\\p{L}*|день|сут\\p{L}*|күн\\p{L}*|кун\\p{L}*|days?|недел\\p{L}*|апта\\p{L}*|weeks?|месяц\\p{L}*|мес\\.?|ай\\p{L}*|months?|год\\p{L}*|лет|жыл\\p{L}*|years?)";
/** "через 2 недели", "в течение месяца", "в ближайшие 3 дня", "within 2 weeks", "in 3 days". */
const russianOrEnglishSpan = new RegExp(
  `${wordStart}(?:через|в\\s+течени[еи]|в\\s+ближайш\\p{L}+|не\\s+позднее|не\\s+позже|within|in)\\s+(?:${count}\\s+)?${unit}${wordEnd}`,
  "iu",
);
/** "2 апта ішінде", "бір ай ішінде", "3 күннен кейін", "жыл ішінде". */
const kazakhSpan = new RegExp(
  `${wordStart}(?:${count}\\s+)?${unit}\\s+(?:ішінде|ишинде|көлемінде|колеминде|кейін|кейин|соң|сон)${wordEnd}`,
  "iu",
);

function readCount(written: string | undefined): number {
  if (written === undefined) return 1;
  const word = numberWords[written.toLowerCase()];
  if (word !== undefined) return word;
  // A range counts as its upper bound: "2-3 дня" → 3.
  return Number(written.split(/[-–]/u).at(-1)?.trim());
}

function toDays(amount: number, unitWord: string): number {
  const unitName = unitWord.toLowerCase();
  if (/^(?:недел|апта|week)/u.test(unitName)) return amount * 7;
  if (/^(?:месяц|мес|ай|month)/u.test(unitName)) {
    return amount <= 2 ? amount * 31 : Math.round((amount * 365) / 12);
  }
  if (/^(?:год|лет|жыл|year)/u.test(unitName)) return amount * 365;
  return amount;
}

interface Mention {
  index: number;
  days: number;
}

function findPhrases(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const [pattern, days] of phrases) {
    const match = new RegExp(`${wordStart}(?:${pattern})${wordEnd}`, "iu").exec(text);
    if (match) mentions.push({ index: match.index, days });
  }
  for (const span of [russianOrEnglishSpan, kazakhSpan]) {
    const match = span.exec(text);
    if (match?.[2]) mentions.push({ index: match.index, days: toDays(readCount(match[1]), match[2]) });
  }
  return mentions;
}

/**
 * How soon the lead means to act, as an upper bound in days, or null. "срочно"/"сегодня"/"бүгін"/"asap" 1,
 * "завтра"/"ертең" 2, "на этой неделе"/"осы аптада" 7, "на следующей неделе" 14, "в этом месяце"/"через месяц" 31,
 * "в следующем месяце"/"через 2 месяца" 62, "через 3 дня" 3, "в течение полугода"/"жарты жыл ішінде" 183,
 * "в течение года"/"бір жыл ішінде" 365. Seasons ("весной", "летом") give null: they name no bound in days from
 * now. "не срочно", "пока смотрю", "просто интересуюсь" give null. The first timeline mentioned wins.
 */
export function extractTimeline(text: string): number | null {
  const hurried = text.replace(noHurry, (match) => " ".repeat(match.length));
  const mentions = findPhrases(hurried).filter(
    (mention) => Number.isInteger(mention.days) && mention.days > 0,
  );
  if (mentions.length === 0) return null;
  mentions.sort((a, b) => a.index - b.index || a.days - b.days);
  return mentions[0]!.days;
}
