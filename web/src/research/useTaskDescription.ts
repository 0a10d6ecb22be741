import { useI18n } from "../i18n/I18nProvider.tsx";
import { describeTaskInput } from "./describeTaskInput.ts";
import type { ParserTaskRow } from "./researchRows.ts";
import { useSiteName } from "./useSiteName.ts";

/**
 * What a task was asked to do, in one line of the user's language: "2 адреса: olx.kz · +3 стр." or
 * "«кондиционер» · Almaty · OLX, Kaspi · 3 стр. на сайт"; null for an input this dashboard cannot read.
 */
export function useTaskDescription(): (task: Pick<ParserTaskRow, "kind" | "input">) => string | null {
  const { t, plural } = useI18n();
  const siteName = useSiteName();
  return (task) => {
    const summary = describeTaskInput(task.kind, task.input);
    switch (summary.kind) {
      case "parse": {
        const parts = [plural("research.input.urls", summary.urlCount, { host: summary.firstHost ?? "—" })];
        if (summary.site !== "auto") parts.push(siteName(summary.site));
        if (summary.followPages > 0) parts.push(t("research.input.follow", { count: summary.followPages }));
        return parts.join(" · ");
      }
      case "niche":
        return [
          `«${summary.query}»`,
          summary.city ?? t("research.niche.anyCity"),
          summary.sites.map(siteName).join(", "),
          t("research.input.pagesPerSite", { count: summary.maxPages }),
        ].join(" · ");
      case "unknown":
        return null;
    }
  };
}
