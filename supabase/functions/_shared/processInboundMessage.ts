import {
  advanceQualification,
  defaultQualificationScript,
  extractSignals,
  type LeadScore,
  mergeSignals,
  type QualificationState,
  qualificationScriptSchema,
  qualificationStateSchema,
} from "@arqan/shared";
import type { Sql } from "postgres";
import { z } from "zod";
import type { MessagingEnv } from "./env.ts";
import { extractSignalsWithLlm } from "./extractSignalsWithLlm.ts";

const contextSchema = z.object({
  message: z.object({
    id: z.uuid(),
    text: z.string().nullable(),
    sender: z.string(),
    processed_at: z.string().nullable(),
    choice: z.string().nullish(),
  }),
  conversation: z.object({
    id: z.uuid(),
    state: z.unknown(),
    bot_paused: z.boolean(),
    channel_id: z.uuid().nullable(),
  }),
  lead: z.object({
    id: z.uuid(),
    status: z.string(),
    phone: z.string().nullable(),
    name: z.string().nullable(),
  }),
  script: z.unknown().nullable(),
});

const applyResultSchema = z.object({
  status: z.enum(["applied", "already_processed"]),
  outbound_id: z.uuid().nullish(),
});

export interface ProcessResult {
  status: "applied" | "already_processed" | "not_a_lead_message";
  outboundId: string | null;
  channelId: string | null;
  llm: "unused" | "used" | "timeout" | "error" | "invalid";
}

/** `/start <code>` and other bot commands carry no answer to read signals from. */
function answerText(text: string | null): string | null {
  if (text === null) return null;
  return /^\/[A-Za-z0-9_]+(@\w+)?(\s|$)/.test(text.trim()) ? null : text;
}

/**
 * Qualifies one stored lead message: rules signals (and an LLM's, within its budget, when configured) outside
 * any transaction; then, with the conversation locked, the next step of the script, the score, the lead's status
 * and the reply queued in the outbox, all in one transaction. Running it twice for a message changes nothing.
 */
export async function processInboundMessage(
  sql: Sql,
  env: MessagingEnv,
  messageId: string,
  hints: { text?: string | null; choice?: string | null } = {},
): Promise<ProcessResult> {
  // Signals first, outside the transaction: the LLM may take up to its budget and must not hold a lock. The text
  // comes with the hints from the webhook; the sweep (no hints) reads it.
  let stored: { text: string | null } | null = null;
  if (hints.text === undefined || env.llm) {
    const [peek] = await sql`select text, sender, processed_at from public.messages where id = ${messageId}`;
    if (peek?.sender !== "lead") {
      return { status: "not_a_lead_message", outboundId: null, channelId: null, llm: "unused" };
    }
    if (peek.processed_at !== null) {
      return { status: "already_processed", outboundId: null, channelId: null, llm: "unused" };
    }
    stored = { text: (peek.text as string | null) ?? null };
  }
  const text = answerText(hints.text !== undefined ? hints.text : (stored?.text ?? null));
  const rules = extractSignals(text ?? "");
  let llmState: ProcessResult["llm"] = "unused";
  let llmExtraction = null;
  if (env.llm && text && text.trim() !== "") {
    const outcome = await extractSignalsWithLlm(env.llm, text);
    if (outcome.ok) {
      llmState = "used";
      llmExtraction = outcome.extraction;
    } else {
      llmState = outcome.reason;
      console.warn(
        `[qualify] LLM ${outcome.reason} after ${outcome.ms} ms (${outcome.detail}); rules result stands`,
      );
    }
  }
  const signals = mergeSignals(rules, llmExtraction);

  return await sql.begin(async (tx) => {
    const [row] = await tx`select private.load_qualification_context(${messageId}::uuid) as context`;
    const context = contextSchema.parse(row?.context);
    if (context.message.sender !== "lead") {
      return { status: "not_a_lead_message", outboundId: null, channelId: null, llm: llmState } as const;
    }
    if (context.message.processed_at !== null) {
      return { status: "already_processed", outboundId: null, channelId: null, llm: llmState } as const;
    }
    const scriptParse = qualificationScriptSchema.safeParse(context.script ?? defaultQualificationScript);
    if (!scriptParse.success)
      console.warn("[qualify] stored script is invalid; the built-in default is used");
    const script = scriptParse.success ? scriptParse.data : defaultQualificationScript;
    const stateParse = qualificationStateSchema.safeParse(context.conversation.state ?? {});
    const state: QualificationState = stateParse.success
      ? stateParse.data
      : qualificationStateSchema.parse({});
    // A phone the platform told (WhatsApp's number, a shared Telegram contact) answers the phone question.
    const step = advanceQualification({
      script,
      state,
      text,
      choice: hints.choice ?? context.message.choice ?? null,
      signals: { ...signals, phone: signals.phone ?? context.lead.phone },
      need: signals.need,
    });
    const fields = step.state.fields;
    const input = {
      message_id: messageId,
      state: step.state,
      language: step.language,
      intent: signals.intent,
      sentiment: signals.sentiment,
      lead: {
        language: step.language,
        phone: context.lead.phone ?? fields.phone,
        name: context.lead.name,
        score: step.score.total,
        qualification: {
          fields,
          score: step.score,
          outcome: step.outcome,
          summary: summarise(fields, step.score),
        },
      },
      outcome: step.outcome,
      reply: step.reply,
    };
    const [applied] =
      await tx`select private.apply_qualification(${tx.json(JSON.parse(JSON.stringify(input)))}) as result`;
    const result = applyResultSchema.parse(applied?.result);
    return {
      status: result.status,
      outboundId: result.outbound_id ?? null,
      channelId: context.conversation.channel_id,
      llm: llmState,
    } as const;
  });
}

/** The paragraph a buyer reads about the lead (Russian, the sales teams' working language). */
function summarise(fields: QualificationState["fields"], score: LeadScore): string {
  const parts: string[] = [];
  if (fields.need) parts.push(`Запрос: ${fields.need}`);
  if (fields.budget_kzt !== null) parts.push(`бюджет до ${fields.budget_kzt.toLocaleString("ru-RU")} ₸`);
  if (fields.timeline_days !== null) parts.push(`срок: до ${fields.timeline_days} дн.`);
  if (fields.city) parts.push(`город: ${fields.city}`);
  if (fields.phone) parts.push(`телефон: ${fields.phone}`);
  parts.push(`оценка ${score.total}/100`);
  return `${parts.join("; ")}.`;
}
