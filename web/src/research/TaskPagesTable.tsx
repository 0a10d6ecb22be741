import { Fragment, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { ParsedSiteRow } from "./researchRows.ts";
import { SeoDetails } from "./SeoDetails.tsx";
import { useSiteName } from "./useSiteName.ts";
import { useTranslatedCode } from "./useTranslatedCode.ts";

/**
 * The pages a task read: address, site, what kind of page it was, how it was fetched, the HTTP status, title,
 * items found and fields missed; each page's SEO opens below its row.
 */
export function TaskPagesTable({ pages, limit }: { pages: readonly ParsedSiteRow[]; limit: number }) {
  const { t, formatNumber } = useI18n();
  const translate = useTranslatedCode();
  const siteName = useSiteName();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columns = {
    url: t("research.pages.column.url"),
    site: t("research.pages.column.site"),
    kind: t("research.pages.column.kind"),
    path: t("research.pages.column.path"),
    status: t("research.pages.column.status"),
    title: t("research.pages.column.title"),
    items: t("research.pages.column.items"),
    missing: t("research.pages.column.missing"),
  };
  return (
    <section className="panel" data-testid="task-pages">
      <h2>{t("research.pages.title", { count: formatNumber(pages.length) })}</h2>
      {pages.length >= limit && (
        <p className="muted">{t("research.pages.capped", { limit: formatNumber(limit) })}</p>
      )}
      {pages.length === 0 ? (
        <p className="muted" data-testid="task-pages-empty">
          {t("research.pages.empty")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="leads-table research-table">
            <thead>
              <tr>
                <th scope="col">{columns.url}</th>
                <th scope="col">{columns.site}</th>
                <th scope="col">{columns.kind}</th>
                <th scope="col">{columns.path}</th>
                <th scope="col">{columns.status}</th>
                <th scope="col">{columns.title}</th>
                <th scope="col">{columns.items}</th>
                <th scope="col">{columns.missing}</th>
                <th scope="col">SEO</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((page) => {
                const expanded = open.has(page.id);
                return (
                  <Fragment key={page.id}>
                    <tr data-testid="page-row" data-kind={page.kind} data-path={page.fetch_path ?? ""}>
                      <td data-label={columns.url} className="cell-url">
                        <a
                          href={page.final_url ?? page.url}
                          target="_blank"
                          rel="noreferrer noopener"
                          title={page.url}
                        >
                          {page.url}
                        </a>
                      </td>
                      <td data-label={columns.site}>{siteName(page.site)}</td>
                      <td data-label={columns.kind}>
                        <span className={`page-kind page-kind--${page.kind}`}>
                          {translate(`research.pageKind.${page.kind}`, page.kind)}
                        </span>
                      </td>
                      <td data-label={columns.path}>
                        {page.fetch_path === null
                          ? "—"
                          : translate(`research.fetchPath.${page.fetch_path}`, page.fetch_path)}
                      </td>
                      <td data-label={columns.status}>
                        {page.http_status ?? "—"}
                        {page.error !== null && (
                          <span className="channel-error" title={page.error.message ?? undefined}>
                            {page.error.code}
                          </span>
                        )}
                      </td>
                      <td data-label={columns.title} className="cell-title">
                        {page.title ?? "—"}
                      </td>
                      <td data-label={columns.items} className="data-table__number">
                        {formatNumber(page.item_count)}
                      </td>
                      <td data-label={columns.missing} data-testid="page-missing">
                        {page.missing.length === 0 ? "—" : page.missing.join(", ")}
                      </td>
                      <td>
                        <button
                          className="button button--small"
                          type="button"
                          aria-expanded={expanded}
                          data-testid="page-seo-toggle"
                          onClick={() => toggle(page.id)}
                        >
                          {expanded ? t("research.seo.hide") : t("research.seo.show")}
                        </button>
                      </td>
                    </tr>
                    {expanded && (
                      <tr className="seo-row">
                        <td colSpan={9}>
                          <SeoDetails seo={page.seo} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
