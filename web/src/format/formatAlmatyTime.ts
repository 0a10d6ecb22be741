import { almatyTimeZone } from "./almatyTimeZone.ts";

const almatyParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: almatyTimeZone,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * An absolute date and time in Almaty as "21.11.2026 14:00", the numeric form used in Kazakhstan in every
 * language. Built from parts, so it does not depend on the browser having Kazakh locale data.
 */
export function formatAlmatyTime(timestamp: string): string {
  const parts = almatyParts.formatToParts(new Date(timestamp));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("day")}.${part("month")}.${part("year")} ${part("hour")}:${part("minute")}`;
}
