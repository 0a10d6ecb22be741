import type { Qualification } from "../api/inboxRows.ts";
import { formatPhone } from "../format/formatPhone.ts";
import { formatTenge } from "../format/formatTenge.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";

/**
 * What the bot found out: its one-paragraph summary, then the need, budget, timeline, city and phone; a dash for
 * what is not known yet.
 */
export function LeadFields({ fields, summary }: { fields: Qualification["fields"]; summary: string | null }) {
  const { t, plural } = useI18n();
  const unknown = <span className="muted">—</span>;
  const need = fields?.need ?? null;
  const budget = fields?.budget_kzt ?? null;
  const timeline = fields?.timeline_days ?? null;
  const city = fields?.city ?? null;
  const phone = fields?.phone ?? null;
  return (
    <section className="panel" data-testid="lead-fields">
      <h2>{t("lead.fields.title")}</h2>
      {summary !== null && summary.trim() !== "" && <p className="lead-summary">{summary}</p>}
      <dl className="facts facts--stacked">
        <div data-field="need">
          <dt>{t("lead.field.need")}</dt>
          <dd>{need ?? unknown}</dd>
        </div>
        <div data-field="budget">
          <dt>{t("lead.field.budget")}</dt>
          <dd>{budget === null ? unknown : formatTenge(budget)}</dd>
        </div>
        <div data-field="timeline">
          <dt>{t("lead.field.timeline")}</dt>
          <dd>{timeline === null ? unknown : plural("lead.days", timeline)}</dd>
        </div>
        <div data-field="city">
          <dt>{t("lead.field.city")}</dt>
          <dd>{city ?? unknown}</dd>
        </div>
        <div data-field="phone">
          <dt>{t("lead.field.phone")}</dt>
          <dd>{phone === null ? unknown : formatPhone(phone)}</dd>
        </div>
      </dl>
    </section>
  );
}
