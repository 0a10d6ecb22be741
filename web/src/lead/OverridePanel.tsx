import { type FormEvent, useState } from "react";
import type { StatusOverride } from "../api/inboxRows.ts";
import { type LeadStatus, leadStatusSchema } from "../api/rows.ts";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";

/** The verdicts an operator can give by hand (`override_lead_status`). */
const overridableStatuses: LeadStatus[] = ["qualified", "disqualified", "contacted"];
/** A handed-off or closed lead is a sale, not a verdict: its status is not overridden. */
const isSale = (status: LeadStatus) => status === "handed_off" || status === "closed";

/**
 * The operator's word over the bot's: the current override (who, when, why) and a form to set the status by hand
 * with a reason. The form is not offered to a viewer.
 */
export function OverridePanel({
  status,
  override,
  userId,
  canEdit,
  onOverride,
}: {
  status: LeadStatus;
  override: StatusOverride | null;
  userId: string;
  canEdit: boolean;
  /** Saves; resolves to null when saved, or to the message that says why not. */
  onOverride: (status: LeadStatus, reason: string) => Promise<MessageKey | null>;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<LeadStatus>(status);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === "") {
      setProblem("override.reasonRequired");
      return;
    }
    setSaving(true);
    setProblem(null);
    const failure = await onOverride(chosen, reason.trim());
    setSaving(false);
    setProblem(failure);
    if (failure === null) {
      setOpen(false);
      setReason("");
    }
  }

  return (
    <section className="panel" data-testid="override">
      <h2>{t("override.title")}</h2>
      {override == null ? (
        <p className="muted">{t("override.none")}</p>
      ) : (
        <div className="override-current" data-testid="override-current" data-status={override.to}>
          <p>
            {override.from != null
              ? t("override.changed", { from: t(`status.${override.from}`), to: t(`status.${override.to}`) })
              : t("override.set", { to: t(`status.${override.to}`) })}
          </p>
          <p className="override-current__reason" data-testid="override-reason-shown">
            «{override.reason}»
          </p>
          <p className="muted">
            {t("override.byWhen", {
              who: override.by === userId ? t("override.byYou") : t("override.byColleague"),
              when: formatAlmatyTime(override.at),
            })}
          </p>
        </div>
      )}
      {canEdit && isSale(status) && <p className="muted">{t("override.closedLead")}</p>}
      {canEdit && !isSale(status) && !open && (
        <button
          className="button"
          type="button"
          data-testid="override-open"
          onClick={() => {
            setChosen(overridableStatuses.includes(status) ? status : "qualified");
            setProblem(null);
            setOpen(true);
          }}
        >
          {t("override.open")}
        </button>
      )}
      {canEdit && !isSale(status) && open && (
        <form className="stack-form" onSubmit={submit} noValidate>
          <label className="field">
            <span>{t("override.status")}</span>
            <select
              data-testid="override-status"
              value={chosen}
              onChange={(event) => {
                const parsed = leadStatusSchema.safeParse(event.target.value);
                if (parsed.success) setChosen(parsed.data);
              }}
            >
              {overridableStatuses.map((option) => (
                <option key={option} value={option}>
                  {t(`status.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t("override.reason")}</span>
            <textarea
              data-testid="override-reason"
              rows={3}
              required
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          {problem !== null && (
            <p className="form-error" role="alert" data-testid="override-error">
              {t(problem)}
            </p>
          )}
          <div className="form-actions">
            <button
              className="button button--primary"
              type="submit"
              data-testid="override-submit"
              disabled={saving}
            >
              {t("override.submit")}
            </button>
            <button className="button" type="button" onClick={() => setOpen(false)} disabled={saving}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
