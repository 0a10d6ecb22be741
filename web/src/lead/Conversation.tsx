import { useEffect, useRef } from "react";
import type { MessageRow, OutboundRow } from "../api/inboxRows.ts";
import { formatAlmatyTime } from "../format/formatAlmatyTime.ts";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { buildTimeline } from "./buildTimeline.ts";

/**
 * The conversation with the lead, oldest first, as it happens: who said what and when (bot, lead, operator),
 * and the replies still in the outbox with their state. Scrolls to the newest line when one arrives.
 */
export function Conversation({
  messages,
  unsent,
  leadName,
}: {
  messages: MessageRow[];
  unsent: OutboundRow[];
  leadName: string | null;
}) {
  const { t } = useI18n();
  const timeline = buildTimeline(messages, unsent);
  const end = useRef<HTMLLIElement>(null);
  const lastKey = timeline.at(-1);
  const newest =
    lastKey === undefined ? "" : lastKey.kind === "message" ? lastKey.message.id : lastKey.outbound.id;

  useEffect(() => {
    if (newest !== "") end.current?.scrollIntoView({ block: "nearest" });
  }, [newest]);

  if (timeline.length === 0) {
    return (
      <section className="conversation conversation--empty" data-testid="conversation">
        <p className="muted">{t("lead.conversation.empty")}</p>
      </section>
    );
  }
  const senderName = (message: MessageRow) =>
    message.sender === "lead"
      ? (leadName ?? t("lead.sender.lead"))
      : message.sender === "bot"
        ? t("lead.sender.bot")
        : t("lead.sender.human");

  return (
    <section className="conversation" data-testid="conversation" aria-label={t("lead.conversation.title")}>
      <ol className="conversation__list">
        {timeline.map((entry) =>
          entry.kind === "message" ? (
            <li
              key={entry.message.id}
              className={`bubble bubble--${entry.message.sender}`}
              data-testid="message"
              data-sender={entry.message.sender}
            >
              <div className="bubble__meta">
                <span className="bubble__who">{senderName(entry.message)}</span>
                <time dateTime={entry.message.sent_at}>{formatAlmatyTime(entry.message.sent_at)}</time>
              </div>
              <p className="bubble__text">
                {entry.message.text ?? <span className="muted">{t("lead.message.noText")}</span>}
              </p>
            </li>
          ) : (
            <li
              key={entry.outbound.id}
              className={`bubble bubble--${entry.outbound.sender === "bot" ? "bot" : "human"} bubble--outbound bubble--${entry.outbound.status}`}
              data-testid="outbound"
              data-status={entry.outbound.status}
            >
              <div className="bubble__meta">
                <span className="bubble__who">
                  {entry.outbound.sender === "bot" ? t("lead.sender.bot") : t("lead.sender.human")}
                </span>
                <time dateTime={entry.outbound.created_at}>
                  {formatAlmatyTime(entry.outbound.created_at)}
                </time>
              </div>
              <p className="bubble__text">{entry.outbound.text}</p>
              <p className="bubble__status" role="status">
                {t(`outbound.${entry.outbound.status}`)}
                {entry.outbound.status !== "uncertain" && entry.outbound.last_error !== null && (
                  <span className="bubble__error"> — {entry.outbound.last_error}</span>
                )}
              </p>
            </li>
          ),
        )}
        <li ref={end} className="conversation__end" aria-hidden="true" />
      </ol>
    </section>
  );
}
