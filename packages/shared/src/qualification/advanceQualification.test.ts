import { describe, expect, it } from "vitest";
import { extractSignals } from "../signals/extractSignals.ts";
import {
  type AdvanceQualificationInput,
  advanceQualification,
  type QualificationStep,
} from "./advanceQualification.ts";
import { defaultQualificationScript as script } from "./defaultQualificationScript.ts";
import type { QualificationScript } from "./qualificationScript.ts";
import { type QualificationState, qualificationStateSchema } from "./qualificationState.ts";

type Message = string | { text: string; choice: string } | { text: null };

/**
 * Plays a conversation as the Edge Function does: rules signals per message, the state stored as JSON between
 * messages and parsed back.
 */
function converse(messages: Message[], options: { script?: QualificationScript; state?: unknown } = {}) {
  let stored = JSON.stringify(options.state ?? {});
  const steps: QualificationStep[] = [];
  for (const message of messages) {
    const text = typeof message === "string" ? message : message.text;
    const choice = typeof message === "object" && "choice" in message ? message.choice : null;
    const input: AdvanceQualificationInput = {
      script: options.script ?? script,
      state: qualificationStateSchema.parse(JSON.parse(stored)),
      text,
      choice,
      signals: extractSignals(text ?? ""),
    };
    const step = advanceQualification(input);
    steps.push(step);
    stored = JSON.stringify(step.state);
    expect(qualificationStateSchema.parse(JSON.parse(stored))).toEqual(step.state);
  }
  return { steps, last: steps.at(-1)!, replies: steps.map((step) => step.reply?.text ?? null) };
}

const question = (key: string, language: "ru" | "kk" | "en") =>
  script.questions.find((candidate) => candidate.key === key)!.text[language];
const greeting = (language: "ru" | "kk" | "en") => script.texts.greeting[language];

describe("advanceQualification in Russian", () => {
  it("greets, asks each question in turn and qualifies", () => {
    const { steps, last, replies } = converse([
      "Здравствуйте",
      "Нужен кондиционер на квартиру",
      "около 300 тысяч",
      { text: "В этом месяце", choice: "31" },
      "Алматы",
      "8 701 123 45 67",
    ]);
    expect(replies).toEqual([
      `${greeting("ru")}\n\n${question("need", "ru")}`,
      question("budget", "ru"),
      question("timeline", "ru"),
      question("city", "ru"),
      question("phone", "ru"),
      script.texts.qualified.ru,
    ]);
    expect(steps.map((step) => step.language)).toEqual(["ru", "ru", "ru", "ru", "ru", "ru"]);
    expect(steps.map((step) => step.outcome)).toEqual([
      "in_progress",
      "in_progress",
      "in_progress",
      "in_progress",
      "in_progress",
      "qualified",
    ]);
    expect(steps[2]!.reply!.options).toEqual([
      { value: "2", label: "Сегодня-завтра" },
      { value: "7", label: "На этой неделе" },
      { value: "31", label: "В этом месяце" },
      { value: "183", label: "Позже" },
    ]);
    expect(last.score.total).toBe(95); // the month's timeline earns 15 of 20
    expect(last.state).toEqual({
      fields: {
        need: "Нужен кондиционер на квартиру",
        budget_kzt: 300_000,
        timeline_days: 31,
        city: "Almaty",
        phone: "+77011234567",
      },
      asked: { need: 1, budget: 1, timeline: 1, city: 1, phone: 1 },
      pending: null,
      outcome: "qualified",
      language: "ru",
    });
  });

  it("disqualifies at once a budget below the script's minimum", () => {
    const strict = { ...script, min_budget_kzt: 500_000 };
    const { replies, last } = converse(["Здравствуйте, нужен ремонт ванной", "200 тыс"], { script: strict });
    expect(replies).toEqual([
      `${greeting("ru")}\n\n${question("budget", "ru")}`,
      script.texts.disqualified.ru,
    ]);
    expect(last.outcome).toBe("disqualified");
    expect(last.language).toBe("ru");
    expect(last.score.total).toBe(30);
    expect(last.score.components[1]).toMatchObject({ key: "budget", points: 0, reason: "below_minimum" });
  });

  it("disqualifies at once a timeline beyond the latest the script accepts", () => {
    const strict = { ...script, max_timeline_days: 31 };
    const { last } = converse(["Нужна кухня на заказ", "до 2 млн", "через 2 месяца"], { script: strict });
    expect(last.outcome).toBe("disqualified");
    expect(last.reply?.text).toBe(script.texts.disqualified.ru);
    expect(last.score.total).toBe(55);
  });
});

describe("advanceQualification in Kazakh", () => {
  it("asks in Kazakh and qualifies", () => {
    const { steps, last, replies } = converse([
      "Сәлеметсіз бе, маған диван керек",
      "300 мың теңге",
      { text: "Бүгін-ертең", choice: "2" },
      "Шымкенттемін",
      "87011234567",
    ]);
    expect(replies).toEqual([
      `${greeting("kk")}\n\n${question("budget", "kk")}`,
      question("timeline", "kk"),
      question("city", "kk"),
      question("phone", "kk"),
      script.texts.qualified.kk,
    ]);
    expect(steps[1]!.reply!.options.map((option) => option.label)).toEqual([
      "Бүгін-ертең",
      "Осы аптада",
      "Осы айда",
      "Кейінірек",
    ]);
    expect(steps.map((step) => step.language)).toEqual(["kk", "kk", "kk", "kk", "kk"]);
    expect(last.outcome).toBe("qualified");
    expect(last.score.total).toBe(100);
    expect(last.state.fields).toEqual({
      need: "Сәлеметсіз бе, маған диван керек",
      budget_kzt: 300_000,
      timeline_days: 2,
      city: "Shymkent",
      phone: "+77011234567",
    });
  });

  it("disqualifies at once a city the business does not serve", () => {
    const local = { ...script, cities: ["Almaty" as const] };
    const { last } = converse(["Сәлеметсіз бе! Ақтөбеде кондиционер керек"], { script: local });
    expect(last.outcome).toBe("disqualified");
    expect(last.reply).toEqual({ text: script.texts.disqualified.kk, options: [] });
    expect(last.language).toBe("kk");
    expect(last.score.total).toBe(30);
    expect(last.score.components[3]).toMatchObject({ key: "city", reason: "not_served", value: "Aktobe" });
  });

  it("asks each question at most twice, then disqualifies a lead who answered nothing", () => {
    const { steps, last } = converse(Array.from({ length: 11 }, () => "Сәлем"));
    expect(steps.slice(0, 10).map((step) => step.state.pending)).toEqual([
      "need",
      "need",
      "budget",
      "budget",
      "timeline",
      "timeline",
      "city",
      "city",
      "phone",
      "phone",
    ]);
    expect(steps[10]!.state.asked).toEqual({ need: 2, budget: 2, timeline: 2, city: 2, phone: 2 });
    expect(steps[10]!.outcome).toBe("disqualified");
    expect(steps[10]!.reply?.text).toBe(script.texts.disqualified.kk);
    expect(last.score.total).toBe(0);
  });
});

describe("advanceQualification", () => {
  it("asks nothing more of a lead who tells everything in the first message", () => {
    const { last } = converse([
      "Здравствуйте! Нужен кондиционер в Алматы, бюджет 300 тыс, срочно, +7 701 123 45 67",
    ]);
    expect(last.outcome).toBe("qualified");
    expect(last.reply).toEqual({ text: script.texts.qualified.ru, options: [] });
    expect(last.state.asked).toEqual({});
    expect(last.score.total).toBe(100);
  });

  it("asks only what the first message left out, after the greeting", () => {
    const { steps } = converse(["Нужен кондиционер в Алматы, бюджет 300 тыс, срочно", "+7 701 123 45 67"]);
    expect(steps[0]!.reply?.text).toBe(`${greeting("ru")}\n\n${question("phone", "ru")}`);
    expect(steps[0]!.state.asked).toEqual({ phone: 1 });
    expect(steps[1]!.outcome).toBe("qualified");
  });

  it("takes an answer to a later question given early, and skips that question", () => {
    const { steps } = converse(["Добрый день", "Нужен диван, я из Караганды", "до 400 тыс, на этой неделе"]);
    expect(steps.map((step) => step.state.pending)).toEqual(["need", "budget", "phone"]);
  });

  it("reads a pressed button by its value, in the conversation's language", () => {
    const { steps } = converse([
      "Сәлеметсіз бе, диван керек",
      "500 мың",
      { text: "Осы аптада", choice: "7" },
    ]);
    expect(steps[2]!.state.fields.timeline_days).toBe(7);
    expect(steps[2]!.language).toBe("kk");
    expect(steps[2]!.reply?.text).toBe(question("city", "kk"));
  });

  it("takes a button's value over what its label would read as", () => {
    const { steps } = converse(["Нужен диван", "500 тыс", { text: "Сегодня-завтра", choice: "2" }]);
    expect(steps[2]!.state.fields.timeline_days).toBe(2);
  });

  it("ignores a button that answers no pending question", () => {
    const { steps } = converse(["Нужен диван", "500 тыс", { text: "Алматы", choice: "stale" }]);
    expect(steps[2]!.state.fields.timeline_days).toBeNull();
    expect(steps[2]!.state.fields.city).toBe("Almaty");
    expect(steps[2]!.state.pending).toBe("timeline");
    expect(steps[2]!.state.asked.timeline).toBe(2);
  });

  it("answers in the language of the lead's latest message", () => {
    const { steps } = converse(["Здравствуйте", "Маған кондиционер керек", "Budget 400000 tenge", "👍"]);
    expect(steps.map((step) => step.language)).toEqual(["ru", "kk", "en", "en"]);
    expect(steps[1]!.reply?.text).toBe(question("budget", "kk"));
    expect(steps[2]!.reply?.text).toBe(question("timeline", "en"));
    expect(steps[2]!.reply?.options.map((option) => option.label)).toContain("This week");
  });

  it("does not take a greeting or another question's answer as the need", () => {
    const { steps } = converse(["Hi", "Алматы", "Кондиционер"]);
    expect(steps.map((step) => step.state.fields.need)).toEqual([null, null, "Кондиционер"]);
    expect(steps[1]!.state.fields.city).toBe("Almaty");
    expect(steps[1]!.state.asked.need).toBe(2);
    expect(converse(["Сәлеметсіз бе"]).last.state.fields.need).toBeNull();
  });

  it("prefers the LLM's summary of the need", () => {
    const state = qualificationStateSchema.parse({});
    const step = advanceQualification({
      script,
      state,
      text: "Здравствуйте, у меня квартира 60 квадратов, хочу чтобы было прохладно летом",
      choice: null,
      signals: extractSignals("Здравствуйте"),
      need: "Кондиционер для квартиры 60 м²",
    });
    expect(step.state.fields.need).toBe("Кондиционер для квартиры 60 м²");
  });

  it("never forgets a known field on a message that does not tell it", () => {
    const { last } = converse(["Нужен диван в Астане", "Не знаю"]);
    expect(last.state.fields.city).toBe("Astana");
    expect(last.state.fields.need).toBe("Нужен диван в Астане");
  });

  it("sends a lead with gaps to review, and qualifies them once the gaps are filled", () => {
    const { steps } = converse([
      "Нужен диван в Астане",
      "не знаю",
      "не знаю",
      "не знаю",
      "не знаю",
      "не знаю",
      "не знаю",
      "бюджет 500 тыс, на этой неделе, 8 701 123 45 67",
    ]);
    const review = steps[6]!;
    expect(review.outcome).toBe("needs_review");
    expect(review.reply?.text).toBe(script.texts.review.ru);
    expect(review.score.total).toBe(40);
    const later = steps[7]!;
    expect(later.outcome).toBe("qualified");
    expect(later.reply).toBeNull();
    expect(later.score.total).toBe(100);
  });

  it("keeps a final outcome and stays silent, while still recording what the lead tells", () => {
    const { steps } = converse([
      "Нужен кондиционер в Алматы, бюджет 300 тыс, срочно, +7 701 123 45 67",
      "Спасибо, жду звонка. Мой второй номер 8 777 123 45 67",
    ]);
    expect(steps[1]!.outcome).toBe("qualified");
    expect(steps[1]!.reply).toBeNull();
    expect(steps[1]!.state.fields.phone).toBe("+77771234567");
    expect(steps[1]!.state.fields.need).toBe(steps[0]!.state.fields.need);
  });

  it("does not turn a disqualified lead around", () => {
    const strict = { ...script, min_budget_kzt: 500_000 };
    const { steps } = converse(["Нужен ремонт, бюджет 100 тыс", "Ладно, 2 млн"], { script: strict });
    expect(steps[0]!.outcome).toBe("disqualified");
    expect(steps[1]!.outcome).toBe("disqualified");
    expect(steps[1]!.reply).toBeNull();
    expect(steps[1]!.state.fields.budget_kzt).toBe(2_000_000);
  });

  it("asks the first question again when a message has no text", () => {
    const { steps } = converse([{ text: null }, { text: null }]);
    expect(steps.map((step) => step.reply?.text)).toEqual([
      `${greeting("ru")}\n\n${question("need", "ru")}`,
      question("need", "ru"),
    ]);
  });

  it("continues from the stored state it is given", () => {
    const state: QualificationState = qualificationStateSchema.parse({
      fields: { need: "Диван", budget_kzt: 300_000 },
      asked: { need: 1, budget: 1 },
      pending: "budget",
      language: "kk",
    });
    const { last } = converse([{ text: "Осы аптада", choice: "7" }], { state });
    // The pending question was budget, so the timeline button value is ignored; the label itself tells the week.
    expect(last.state.fields.timeline_days).toBe(7);
    expect(last.reply?.text).toBe(question("city", "kk"));
  });
});
