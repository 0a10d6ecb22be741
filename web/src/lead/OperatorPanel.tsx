import { type FormEvent, useState } from "react";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import type { ConversationsSummary } from "./summarizeConversations.ts";

/** The longest reply a provider takes in one message (Telegram: 4 096 characters). */
const maxReplyLength = 4096;

/** What became of an action: null when it went through, else the message that says why not. */
export type ActionOutcome = MessageKey | null;

/**
 * Who answers the lead: the bot's state, taking the lead over from the bot and giving it back, and, once taken
 * over, the operator's reply box. A reply keeps one idempotency key until it is queued, so sending it again
 * after a lost answer queues it once. Viewers see the state only.
 */
export function OperatorPanel({
  summary,
  userId,
  canOperate,
  onTakeOver,
  onHandBack,
  onSend,
}: {
  summary: ConversationsSummary;
  userId: string;
  canOperate: boolean;
  onTakeOver: () => Promise<ActionOutcome>;
  onHandBack: () => Promise<ActionOutcome>;
  onSend: (text: string, idempotencyKey: string) => Promise<ActionOutcome>;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [text, setText] = useState("");
  const [replyKey, setReplyKey] = useState<string | null>(null);

  async function act(action: () => Promise<ActionOutcome>): Promise<ActionOutcome> {
    setBusy(true);
    setProblem(null);
    const outcome = await action();
    setProblem(outcome);
    setBusy(false);
    return outcome;
  }

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reply = text.trim();
    if (reply === "") {
      setProblem("reply.empty");
      return;
    }
    const key = replyKey ?? crypto.randomUUID();
    setReplyKey(key);
    const outcome = await act(() => onSend(reply, key));
    if (outcome === null) {
      setText("");
      setReplyKey(null);
    }
  }

  return (
    <section className="operator-panel">
      <div className="operator-panel__state">
        <span
          className={`bot-state bot-state--${summary.botPaused ? "paused" : "active"}`}
          data-testid="bot-state"
          data-paused={summary.botPaused ? "true" : "false"}
        >
          {summary.botPaused ? t("operator.botPaused") : t("operator.botActive")}
        </span>
        {summary.botPaused && summary.takenOverBy !== null && summary.takenOverAt !== null && (
          <span className="muted">
            {t(summary.takenOverBy === userId ? "operator.takenOverByYou" : "operator.takenOverByColleague", {
              when: formatAlmatyTime(summary.takenOverAt),
            })}
          </span>
        )}
        <div className="operator-panel__spacer" />
        {canOperate && !summary.botPaused && (
          <button
            className="button button--primary"
            type="button"
            data-testid="take-over"
            disabled={busy}
            onClick={() => void act(onTakeOver)}
          >
            {t("operator.takeOver")}
          </button>
        )}
        {canOperate && summary.botPaused && (
          <button
            className="button"
            type="button"
            data-testid="hand-back"
            disabled={busy}
            onClick={() => void act(onHandBack)}
          >
            {t("operator.handBack")}
          </button>
        )}
      </div>
      {canOperate && summary.botPaused && (
        <form className="reply" onSubmit={send} noValidate>
          <label className="visually-hidden" htmlFor="reply-text">
            {t("reply.label")}
          </label>
          <textarea
            id="reply-text"
            data-testid="reply-text"
            rows={3}
            maxLength={maxReplyLength}
            placeholder={summary.canReply ? t("reply.placeholder") : t("reply.noChannel")}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              // Another text is another reply: it gets its own key.
              setReplyKey(null);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey))
                event.currentTarget.form?.requestSubmit();
            }}
          />
          <div className="reply__actions">
            <span className="muted reply__hint">{t("reply.hint")}</span>
            <button
              className="button button--primary"
              type="submit"
              data-testid="reply-send"
              disabled={busy || !summary.canReply}
            >
              {t("reply.send")}
            </button>
          </div>
        </form>
      )}
      {problem !== null && (
        <p className="form-error" role="alert" data-testid="operator-error">
          {t(problem)}
        </p>
      )}
    </section>
  );
}
