import type { CheerioAPI } from "cheerio";
import { cleanText } from "../generic/cleanText.ts";
import type { PageFacts } from "./detectBlockedPage.ts";

/** What error pages and removed ads say, in Russian, Kazakh and English. */
const notFoundWords =
  /страниц[аы] не найден|страниц[аы] не существует|страница удалена|объявление не найдено|объявление больше не доступно|объявление (?:было )?удалено|объявление снято с публикации|объявление неактивно|товар не найден|бет табылмады|парақша табылмады|хабарландыру табылмады|page not found|page (?:does not|doesn't) exist|404 not found|error 404|ошибка 404|^404$/iu;

/** Below this much visible text the whole page may be read for the words; a bigger page only by its headings. */
const noticeLength = 1500;

/**
 * Why a page is an error page rather than the product or listing asked for, or null: status 404/410, or a
 * page served with 200 whose title or headings say the page or the ad is gone (a soft 404, OLX's removed ad).
 */
export function detectNotFoundPage($: CheerioAPI, facts: PageFacts): string | null {
  if (facts.status === 404 || facts.status === 410) return `status-${facts.status}`;
  const headings = [
    $("title").first().text(),
    ...$("h1, h2, h3, h4")
      .map((_, heading) => $(heading).text())
      .get(),
  ];
  if (headings.some((text) => notFoundWords.test(cleanText(text) ?? ""))) return "error-page";
  if ($('[data-testid="ad-inactive-msg"], [data-cy="ad-inactive-msg"]').length > 0) return "removed-ad";
  if (facts.text.length < noticeLength && !facts.carriesData && notFoundWords.test(facts.text))
    return "error-page";
  return null;
}
