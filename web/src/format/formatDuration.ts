import type { Dictionary } from "../i18n/ru.ts";
import { translate } from "../i18n/translate.ts";

const minute = 60;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * A length of time as an operator reads a response time, in the dictionary's compact words: "45 с", "3 мин",
 * "2 ч 5 мин", "1 дн 4 ч". Rounded down to the unit shown; negative counts as zero.
 */
export function formatDuration(seconds: number, dictionary: Dictionary): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total < minute) return translate(dictionary, "duration.seconds", { count: total });
  if (total < hour) return translate(dictionary, "duration.minutes", { count: Math.floor(total / minute) });
  if (total < day) {
    const hours = Math.floor(total / hour);
    const minutes = Math.floor((total % hour) / minute);
    return minutes === 0
      ? translate(dictionary, "duration.hours", { count: hours })
      : translate(dictionary, "duration.hoursMinutes", { hours, minutes });
  }
  const days = Math.floor(total / day);
  const hours = Math.floor((total % day) / hour);
  return hours === 0
    ? translate(dictionary, "duration.days", { count: days })
    : translate(dictionary, "duration.daysHours", { days, hours });
}

/** Seconds from the lead's first message to the first reply, or null while either is missing. */
export function responseSeconds(
  firstContactAt: string | null,
  firstResponseAt: string | null,
): number | null {
  if (firstContactAt === null || firstResponseAt === null) return null;
  return Math.max(0, (Date.parse(firstResponseAt) - Date.parse(firstContactAt)) / 1000);
}
