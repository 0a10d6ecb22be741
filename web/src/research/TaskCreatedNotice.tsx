import { routeHash } from "../app/route.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { ParserTaskRow } from "./researchRows.ts";

/** The task was queued: a link to follow it (and to its niche, for a niche task). */
export function TaskCreatedNotice({ task, testId }: { task: ParserTaskRow; testId: string }) {
  const { t } = useI18n();
  return (
    <p className="notice notice--done" role="status" data-testid={testId} data-task-id={task.id}>
      {t("research.form.created")}{" "}
      <a href={routeHash({ page: "researchTask", taskId: task.id })}>{t("research.form.openTask")}</a>
      {task.niche_id !== null && (
        <>
          {" · "}
          <a href={routeHash({ page: "niche", nicheId: task.niche_id })}>{t("research.form.openNiche")}</a>
        </>
      )}
    </p>
  );
}
