import type { Dictionary, MessageKey } from "../i18n/ru.ts";
import { translate } from "../i18n/translate.ts";

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

const steps: { key: MessageKey; seconds: number }[] = [
  { key: "time.yearsAgo", seconds: 365 * day },
  { key: "time.monthsAgo", seconds: 30 * day },
  { key: "time.daysAgo", seconds: day },
  { key: "time.hoursAgo", seconds: hour },
  { key: "time.minutesAgo", seconds: minute },
];

/**
 * How long ago `timestamp` was, in the dictionary's compact words: "только что", "5 мин назад", "3 ч назад",
 * "2 дн. назад"… From the dictionary rather than `Intl.RelativeTimeFormat`, because browsers without Kazakh
 * locale data would fall back to English ("-3 min"). A time slightly ahead of `now` (clock skew) is "just now".
 */
export function formatRelativeTime(timestamp: string, now: Date, dictionary: Dictionary): string {
  const seconds = Math.max(0, (now.getTime() - Date.parse(timestamp)) / 1000);
  for (const step of steps) {
    if (seconds >= step.seconds)
      return translate(dictionary, step.key, { count: Math.floor(seconds / step.seconds) });
  }
  return translate(dictionary, "time.justNow");
}
