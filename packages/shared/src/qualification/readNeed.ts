import { normalizeCity } from "../signals/extractCity.ts";

/** The longest need kept, in characters. */
export const maxNeedLength = 500;

/**
 * Words that say nothing about what a lead wants: greetings, politeness, yes/no, and the words of the other
 * answers (budget, timeline, city, phone) in Russian, Kazakh and English.
 */
const emptyWords = new Set(
  [
    // greetings and politeness
    "здравствуйте здраствуйте здрасте здрасьте привет приветствую добрый доброе доброго день вечер утро салам салем",
    "сәлем сәлеметсіз салеметсиз сәлеметсізбе салеметсизбе ассалаумағалейкум ассалаумагалейкум ассалаумалейкум",
    "hello hey hiya good morning afternoon evening greetings спасибо пожалуйста рахмет рақмет thanks thank please",
    "you өтінемін отинемин",
    // yes, no, fillers
    "да нет ага угу ок окей okay хорошо ладно понятно ясно yes yeah yep nope иә ия жоқ жок жақсы жаксы түсінікті",
    "это вот тут здесь так ещё еще уже мне меня мой моя мои наш наша зовут имя the and for with my name is are",
    "нужно нужен нужна нужны надо хочу хотел хотела хотим интересует интересно керек қажет кажет need want looking",
    "бар мен менің менин маған маган сізге сизге",
    // budget
    "бюджет бюджета бюджетом бюджетім бюджетим тенге теңге тыс тысяч тысячи тысяча млн миллион миллиона миллионов",
    "мың мын около примерно приблизительно пределах районе более больше максимум шамамен шамасы дейін дейин",
    "budget tenge thousand million around about",
    // timeline
    "срочно срочный сегодня завтра послезавтра неделе неделю недели недель месяц месяца месяце месяцев через",
    "течение ближайшие этой этом следующей следующем года году полгода полугода квартал бүгін бугин ертең ертен",
    "шұғыл шугыл апта аптада ай айда айдың жыл жылы осы келесі келеси ішінде ишинде жарты asap today tomorrow",
    "week month year this next within days weeks months",
    // city and phone
    "город городе города живу нахожусь қала қаласы каласы қаладамын каладамын тұрамын турамын city live from",
    "номер номера телефон телефона тел звоните позвоните перезвоните напишите whatsapp ватсап вацап telegram",
    "телеграм нөмірім номерим нөмір номер phone number call",
  ]
    .join(" ")
    .split(" "),
);

const word = /\p{L}+(?:-\p{L}+)*/gu;

/** Whether a word may say what the lead wants. */
function isContent(candidate: string): boolean {
  return candidate.length >= 3 && !emptyWords.has(candidate) && normalizeCity(candidate) === null;
}

/**
 * What a lead says they want, from their own words: the trimmed text (at most 500 characters), or null when the
 * text is only a greeting ("Здравствуйте", "Сәлеметсіз бе", "Hi") or only answers another question (a city,
 * a budget, a timeline, a phone number).
 */
export function readNeed(text: string): string | null {
  const trimmed = text.trim();
  const words = trimmed.toLowerCase().match(word) ?? [];
  if (!words.some(isContent)) return null;
  const cut = trimmed.slice(0, maxNeedLength);
  // Never end on half of a surrogate pair (an emoji cut in two).
  return /[\uD800-\uDBFF]$/u.test(cut) ? cut.slice(0, -1) : cut;
}
