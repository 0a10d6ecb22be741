import type { CheerioAPI } from "cheerio";
import { cleanText } from "../generic/cleanText.ts";

/**
 * Markup of anti-bot services, by the reason a result reports. `challenge` markup is only on a challenge page
 * (or is a visible captcha widget); `script` markup is also loaded by ordinary pages the service protects, so
 * it counts only when the status already says the request was refused.
 */
const antiBotMarkup: ReadonlyArray<{ reason: string; pattern: RegExp; on: "challenge" | "script" }> = [
  {
    reason: "cloudflare",
    pattern: /cf-chl-|cf_chl_opt|\/cdn-cgi\/challenge-platform\/h\/[bg]\/orchestrate/iu,
    on: "challenge",
  },
  { reason: "cloudflare", pattern: /challenge-platform|challenges\.cloudflare\.com/iu, on: "script" },
  { reason: "datadome", pattern: /captcha-delivery\.com/iu, on: "challenge" },
  { reason: "datadome", pattern: /datadome/iu, on: "script" },
  { reason: "perimeterx", pattern: /px-captcha/iu, on: "challenge" },
  { reason: "yandex-captcha", pattern: /showcaptcha|smartcaptcha/iu, on: "challenge" },
  { reason: "hcaptcha", pattern: /class=["'][^"']*\bh-captcha\b/iu, on: "challenge" },
  { reason: "recaptcha", pattern: /class=["'][^"']*\bg-recaptcha\b/iu, on: "challenge" },
  { reason: "hcaptcha", pattern: /hcaptcha\.com/iu, on: "script" },
  { reason: "recaptcha", pattern: /google\.com\/recaptcha|recaptcha\/api\.js/iu, on: "script" },
  { reason: "qrator", pattern: /qrator/iu, on: "script" },
  { reason: "ddos-guard", pattern: /ddos-guard/iu, on: "script" },
];

/** What such pages say to a person, in Russian, Kazakh and English. */
const challengeWords =
  /just a moment|attention required|checking your browser|verify (?:that )?you are (?:a )?human|are you a robot|i'?m not a robot|unusual traffic|access denied|too many requests|please enable cookies|доступ ограничен|доступ запрещ[её]н|подтвердите,? что вы не робот|вы не робот|я не робот|проверка браузера|подозрительн\p{L}* (?:активност|трафик)|слишком много запросов|робот емес|қолжетімділік шектелген/iu;

/** Below this much visible text a page is a notice, not a shop page with a captcha widget in a form. */
const noticeLength = 2000;
const bareErrorLength = 500;

export interface PageFacts {
  status: number | null;
  body: string;
  /** The visible text of the body. */
  text: string;
  carriesData: boolean;
}

/**
 * Why a page is an anti-bot answer rather than the page asked for, or null: 429 always; a challenge
 * (Cloudflare, DataDome, QRATOR, reCAPTCHA, hCaptcha…) or a "confirm you are not a robot" notice when the
 * status is 401/403/503 or the page is only that notice; a bare 403. A shop page that merely has a captcha in
 * its login form is not blocked.
 */
export function detectBlockedPage($: CheerioAPI, facts: PageFacts): string | null {
  if (facts.status === 429) return "rate-limited";
  const refused = facts.status === 401 || facts.status === 403 || facts.status === 503;
  const notice = facts.text.length < noticeLength && !facts.carriesData;
  const heading = [$("title").first().text(), $("h1").first().text()]
    .map((text) => cleanText(text) ?? "")
    .join(" ");
  const words = challengeWords.test(heading) || (notice && challengeWords.test(facts.text));
  const markup = antiBotMarkup.find(
    ({ pattern, on }) => (refused || on === "challenge") && pattern.test(facts.body),
  );
  if ((refused || notice) && markup !== undefined) return markup.reason;
  if ((refused || notice) && words) return "captcha";
  if (facts.status === 403 && facts.text.length < bareErrorLength && !facts.carriesData) return "forbidden";
  return null;
}
