import { type LlmExtraction, llmExtractionJsonSchema, llmExtractionSchema } from "@arqan/shared";
import OpenAI from "openai";
import type { MessagingEnv } from "./env.ts";

const systemPrompt = [
  "You read one message a potential customer in Kazakhstan wrote to a business (Russian, Kazakh or English).",
  "Extract only what the message itself says. Use null for anything not stated.",
  "language: ru, kk or en. city: the official Latin name of the Kazakhstan city (Almaty, Astana, Shymkent, Karaganda, Aktobe, Taraz, Pavlodar, Oskemen, Semey, Atyrau, Kostanay, Kyzylorda, Oral, Petropavl, Aktau, Turkistan, Taldykorgan, Kokshetau, Ekibastuz, Temirtau).",
  "budget_kzt: whole tenge, the upper bound of a range; null for other currencies. timeline_days: the latest day they want it, counted from today.",
  "phone: as written. need: what they want, in a few words, in the message's language.",
  "intent: buy, ask_price, ask_info, complaint, spam or other. sentiment: positive, neutral or negative.",
].join("\n");

let client: { key: string; openai: OpenAI } | null = null;

/** Why the LLM's answer was not used, for the log (never the key or the text). */
export type LlmOutcome =
  | { ok: true; extraction: LlmExtraction; ms: number }
  | { ok: false; reason: "timeout" | "error" | "invalid"; ms: number; detail: string };

/**
 * Asks an OpenAI-compatible endpoint for the message's signals as structured output, validated with zod, within
 * the time budget. Never throws: on timeout, error or invalid output the caller keeps the rules result.
 */
export async function extractSignalsWithLlm(
  llm: NonNullable<MessagingEnv["llm"]>,
  text: string,
): Promise<LlmOutcome> {
  const started = performance.now();
  const key = `${llm.baseUrl ?? ""}|${llm.apiKey}`;
  if (client?.key !== key) {
    client = {
      key,
      openai: new OpenAI({ baseURL: llm.baseUrl, apiKey: llm.apiKey, maxRetries: 0, timeout: llm.budgetMs }),
    };
  }
  const signal = AbortSignal.timeout(llm.budgetMs);
  try {
    const completion = await client.openai.chat.completions.create(
      {
        model: llm.model,
        temperature: 0,
        messages: [
          { role: "system", content: systemPrompt },
          { role: "user", content: text.slice(0, 4000) },
        ],
        response_format: {
          type: "json_schema",
          json_schema: { name: "lead_signals", strict: true, schema: llmExtractionJsonSchema },
        },
      },
      { signal },
    );
    const ms = Math.round(performance.now() - started);
    const content = completion.choices[0]?.message?.content;
    if (typeof content !== "string") return { ok: false, reason: "invalid", ms, detail: "no content" };
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      return { ok: false, reason: "invalid", ms, detail: "content is not JSON" };
    }
    const parsed = llmExtractionSchema.safeParse(json);
    if (!parsed.success)
      return { ok: false, reason: "invalid", ms, detail: "content does not match the schema" };
    return { ok: true, extraction: parsed.data, ms };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    const timedOut =
      signal.aborted ||
      (error instanceof Error && /timed? ?out|abort/i.test(`${error.name} ${error.message}`));
    return {
      ok: false,
      reason: timedOut ? "timeout" : "error",
      ms,
      detail: error instanceof Error ? error.name : "unknown",
    };
  }
}
