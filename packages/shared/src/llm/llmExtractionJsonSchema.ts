import { languages } from "../domain/enums.ts";
import { kazakhstanCities } from "../signals/kazakhstanCities.ts";
import { llmIntents, llmSentiments } from "./llmExtraction.ts";

/**
 * The JSON Schema of `llmExtractionSchema` for structured output, within the subset OpenAI's strict mode accepts
 * (`response_format: { type: "json_schema", json_schema: { name: "lead_signals", strict: true, schema } }`): every
 * property required, no additional properties, null allowed through type arrays. Limits strict mode may not
 * enforce (lengths, minimums) are stated in the descriptions and checked again by `llmExtractionSchema`.
 */
export const llmExtractionJsonSchema = {
  type: "object",
  properties: {
    language: {
      type: ["string", "null"],
      enum: [...languages, null],
      description:
        "Language of the message: ru (Russian), kk (Kazakh), en (English); null when it has no words.",
    },
    city: {
      type: ["string", "null"],
      enum: [...kazakhstanCities, null],
      description:
        "The Kazakhstan city the lead is in or wants service in, by this official name; null if none.",
    },
    budget_kzt: {
      type: ["integer", "null"],
      description:
        'Budget in whole Kazakhstani tenge, the upper bound of a range ("5-6 млн" is 6000000); null if no budget ' +
        "is named or it is in another currency.",
    },
    timeline_days: {
      type: ["integer", "null"],
      description:
        "How soon the lead wants it, as an upper bound in days from now (today 1, tomorrow 2, this week 7, this " +
        "month 31); null if not said or not urgent.",
    },
    phone: {
      type: ["string", "null"],
      description: "A phone number the lead wrote, in E.164 (+77011234567); null if none.",
    },
    need: {
      type: ["string", "null"],
      description:
        "What the lead wants, summarised in a short phrase in the lead's language, at most 500 characters; null " +
        "if the message does not say (a greeting, only a city or a number).",
    },
    intent: {
      type: "string",
      enum: [...llmIntents],
      description: "What the message is for.",
    },
    sentiment: {
      type: "string",
      enum: [...llmSentiments],
      description: "The lead's tone.",
    },
  },
  required: ["language", "city", "budget_kzt", "timeline_days", "phone", "need", "intent", "sentiment"],
  additionalProperties: false,
} as const;
