import type { Language } from "../domain/enums.ts";
import { normalizePhone } from "../phone/extractPhone.ts";
import { normalizeCity } from "../signals/extractCity.ts";
import type { Signals } from "../signals/extractSignals.ts";
import { checkHardLimits } from "./checkHardLimits.ts";
import type { QualificationScript, QuestionKey, ScriptQuestion } from "./qualificationScript.ts";
import {
  type QualificationFields,
  type QualificationOutcome,
  type QualificationState,
  questionFields,
} from "./qualificationState.ts";
import { maxNeedLength, readNeed } from "./readNeed.ts";
import { type LeadScore, scoreLead } from "./scoreLead.ts";

/** How many times a question is asked at most. */
const maxAsks = 2;

export interface QualificationReplyOption {
  value: string;
  label: string;
}

export interface QualificationReply {
  text: string;
  /** Buttons; empty when the question has none. */
  options: QualificationReplyOption[];
}

export interface AdvanceQualificationInput {
  script: QualificationScript;
  state: QualificationState;
  /** What the lead wrote, or the label of the button pressed; null for media without caption. */
  text: string | null;
  /** The option value of a pressed button, an answer to `state.pending`. */
  choice: string | null;
  /** What the rules read from this message (the caller may have merged an LLM's reading in). */
  signals: Signals;
  /** An LLM's summary of the need, when available. */
  need?: string | null;
}

export interface QualificationStep {
  state: QualificationState;
  /** What the bot says next; null once the outcome is final (an operator takes it from there). */
  reply: QualificationReply | null;
  score: LeadScore;
  outcome: QualificationOutcome;
  /** The language of the reply. */
  language: Language;
}

const finalOutcomes: readonly QualificationOutcome[] = ["qualified", "disqualified", "needs_review"];

/** Nothing asked yet: the lead's first message (a final outcome reached at once also leaves `asked` empty). */
function isFirstMessage(state: QualificationState): boolean {
  return state.outcome === "in_progress" && Object.keys(state.asked).length === 0;
}

function hasLetters(text: string | null): text is string {
  return text !== null && /\p{L}/u.test(text);
}

/** The field value a pressed button means for its question, or null when it is no answer to it. */
function readChoice(
  question: ScriptQuestion,
  choice: string,
  text: string | null,
  language: Language,
): string | number | null {
  const option = question.options?.find((candidate) => candidate.value === choice);
  if (!option) return null;
  switch (question.key) {
    case "budget":
    case "timeline":
      return /^\d{1,12}$/u.test(choice) ? Number(choice) : null;
    case "city":
      return normalizeCity(choice);
    case "phone":
      return normalizePhone(choice);
    case "need":
      return (text?.trim() || option.label[language]).slice(0, maxNeedLength);
  }
}

/** The fields after a message: what the signals tell, a button's answer, the need in the lead's words. */
function fillFields(input: AdvanceQualificationInput, language: Language): QualificationFields {
  const { script, state, text, choice, signals } = input;
  const fields: QualificationFields = { ...state.fields };
  if (signals.city !== null) fields.city = signals.city;
  if (signals.budget_kzt !== null) fields.budget_kzt = signals.budget_kzt;
  if (signals.timeline_days !== null) fields.timeline_days = signals.timeline_days;
  if (signals.phone !== null) fields.phone = signals.phone;

  const pending = state.pending;
  const pendingQuestion = script.questions.find((question) => question.key === pending);
  if (pendingQuestion && choice !== null) {
    const answer = readChoice(pendingQuestion, choice, text, language);
    if (answer !== null) setAnswer(fields, pendingQuestion.key, answer);
  }

  const mayTellNeed = pending === "need" || isFirstMessage(state);
  const llmNeed = input.need?.trim().slice(0, maxNeedLength) || null;
  if (llmNeed !== null && (fields.need === null || mayTellNeed)) {
    fields.need = llmNeed;
  } else if (
    mayTellNeed &&
    text !== null &&
    !(pending === "need" && choice !== null && fields.need !== null)
  ) {
    fields.need = readNeed(text) ?? fields.need;
  }
  return fields;
}

function setAnswer(fields: QualificationFields, key: QuestionKey, answer: string | number): void {
  switch (key) {
    case "need":
      if (typeof answer === "string") fields.need = answer;
      return;
    case "budget":
      if (typeof answer === "number") fields.budget_kzt = answer;
      return;
    case "timeline":
      if (typeof answer === "number") fields.timeline_days = answer;
      return;
    case "city": {
      const city = typeof answer === "string" ? normalizeCity(answer) : null;
      if (city !== null) fields.city = city;
      return;
    }
    case "phone":
      if (typeof answer === "string") fields.phone = answer;
      return;
  }
}

/** Qualified: the score reaches the threshold, every required question is answered and no hard limit is broken. */
function isQualified(script: QualificationScript, fields: QualificationFields, score: LeadScore): boolean {
  return (
    score.total >= script.qualify_at &&
    script.questions.every(
      (question) => !question.required || fields[questionFields[question.key]] !== null,
    ) &&
    checkHardLimits(script, fields) === null
  );
}

/**
 * One step of the bot's conversation with a lead: takes in what the message tells, then asks the next unanswered
 * question (each at most twice, never one already answered) or closes with the outcome. Pure and deterministic;
 * the state it returns is stored and passed back with the next message.
 *
 * The reply is in the language of the lead's message (for a pressed button, the conversation's language). A
 * known budget below the minimum, a city not served or a timeline beyond the latest disqualifies at once. With
 * no question left: qualified at `qualify_at` with every required answer, disqualified below `disqualify_below`,
 * otherwise needs review. Once final, the outcome stays (except needs review becoming qualified) and the bot is
 * silent.
 */
export function advanceQualification(input: AdvanceQualificationInput): QualificationStep {
  const { script, state, text, choice, signals } = input;
  const written = hasLetters(text) ? signals.language : null;
  const language: Language =
    (choice !== null ? (state.language ?? written) : (written ?? state.language)) ?? "ru";
  const fields = fillFields(input, language);
  const score = scoreLead(script, fields);
  const asked = { ...state.asked };
  const step = (
    outcome: QualificationOutcome,
    pending: QuestionKey | null,
    reply: QualificationReply | null,
  ) => ({
    state: { fields, asked, pending, outcome, language },
    reply,
    score,
    outcome,
    language,
  });
  const say = (key: keyof QualificationScript["texts"]): QualificationReply => ({
    text: script.texts[key][language],
    options: [],
  });

  if (finalOutcomes.includes(state.outcome)) {
    const promoted = state.outcome === "needs_review" && isQualified(script, fields, score);
    return step(promoted ? "qualified" : state.outcome, null, null);
  }

  if (checkHardLimits(script, fields) !== null) return step("disqualified", null, say("disqualified"));

  const next = script.questions.find(
    (question) => fields[questionFields[question.key]] === null && (asked[question.key] ?? 0) < maxAsks,
  );
  if (next) {
    const firstMessage = isFirstMessage(state);
    asked[next.key] = (asked[next.key] ?? 0) + 1;
    const question = next.text[language];
    return step("in_progress", next.key, {
      text: firstMessage ? `${script.texts.greeting[language]}\n\n${question}` : question,
      options: (next.options ?? []).map((option) => ({ value: option.value, label: option.label[language] })),
    });
  }

  if (isQualified(script, fields, score)) return step("qualified", null, say("qualified"));
  if (score.total < script.disqualify_below) return step("disqualified", null, say("disqualified"));
  return step("needs_review", null, say("review"));
}
