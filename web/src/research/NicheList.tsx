import { useState } from "react";
import { maxComparedNiches, routeHash } from "../app/route.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { NicheRow } from "./researchRows.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/** How many niches a comparison needs at least. */
const minComparedNiches = 2;

/**
 * The workspace's niches, each opening its research page; 2 to 4 of them can be ticked and compared side by side.
 */
export function NicheList({ niches }: { niches: readonly NicheRow[] }) {
  const { t } = useI18n();
  const translate = useTranslatedCode();
  // The niche statuses of `public.niche_status`; a newer one shows as it is.
  const statusName = (status: string) => translate(`research.nicheStatus.${status}`, status);
  const [chosen, setChosen] = useState<string[]>([]);
  const canCompare = chosen.length >= minComparedNiches && chosen.length <= maxComparedNiches;
  const toggle = (id: string, on: boolean) =>
    setChosen((previous) => (on ? [...previous, id] : previous.filter((chosenId) => chosenId !== id)));

  return (
    <div className="niche-list" data-testid="niche-list">
      <div className="table-wrap">
        <table className="leads-table research-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("research.niches.compareColumn")}</span>
              </th>
              <th scope="col">{t("research.niches.column.name")}</th>
              <th scope="col">{t("research.niches.column.query")}</th>
              <th scope="col">{t("research.niches.column.city")}</th>
              <th scope="col">{t("research.niches.column.status")}</th>
            </tr>
          </thead>
          <tbody>
            {niches.map((niche) => {
              const checked = chosen.includes(niche.id);
              return (
                <tr key={niche.id} data-testid="niche-row" data-niche-id={niche.id}>
                  <td className="cell-check">
                    <input
                      type="checkbox"
                      data-testid="niche-compare"
                      aria-label={t("research.niches.pick", { name: niche.name })}
                      checked={checked}
                      disabled={!checked && chosen.length >= maxComparedNiches}
                      onChange={(event) => toggle(niche.id, event.target.checked)}
                    />
                  </td>
                  <td data-label={t("research.niches.column.name")} className="cell-name">
                    <a href={routeHash({ page: "niche", nicheId: niche.id })}>{niche.name}</a>
                  </td>
                  <td data-label={t("research.niches.column.query")}>{niche.query ?? "—"}</td>
                  <td data-label={t("research.niches.column.city")}>
                    {niche.city ?? t("research.niche.anyCity")}
                  </td>
                  <td data-label={t("research.niches.column.status")}>{statusName(niche.status)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="niche-list__actions">
        <span className="muted" data-testid="niche-compare-count">
          {t("research.niches.chosen", { count: chosen.length, max: maxComparedNiches })}
        </span>
        <button
          className="button"
          type="button"
          data-testid="niche-compare-open"
          disabled={!canCompare}
          onClick={() => {
            window.location.hash = routeHash({ page: "nicheCompare", nicheIds: chosen });
          }}
        >
          {t("research.niches.compare")}
        </button>
      </div>
    </div>
  );
}
