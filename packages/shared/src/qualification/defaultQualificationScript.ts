import type { QualificationScript } from "./qualificationScript.ts";

/**
 * The script used when neither the campaign's niche, the channel's niche nor the workspace has one: what the lead
 * needs, budget, timeline, city and phone, in Russian, Kazakh and English. Timeline has buttons; budget has none,
 * since sensible price ranges depend on the niche (a niche's own script can add them).
 */
export const defaultQualificationScript: QualificationScript = {
  questions: [
    {
      key: "need",
      weight: 30,
      required: true,
      text: {
        ru: "Подскажите, пожалуйста, что вас интересует?",
        kk: "Сізді не қызықтырады? Қысқаша жазып жіберіңізші.",
        en: "What are you looking for?",
      },
    },
    {
      key: "budget",
      weight: 25,
      required: true,
      text: {
        ru: "На какой бюджет рассчитываете (в тенге)?",
        kk: "Қандай бюджетке есептеп отырсыз (теңгемен)?",
        en: "What budget do you have in mind (in tenge)?",
      },
    },
    {
      key: "timeline",
      weight: 20,
      required: true,
      text: {
        ru: "Когда вам это нужно?",
        kk: "Бұл сізге қашан керек?",
        en: "When do you need it?",
      },
      options: [
        { value: "2", label: { ru: "Сегодня-завтра", kk: "Бүгін-ертең", en: "Today or tomorrow" } },
        { value: "7", label: { ru: "На этой неделе", kk: "Осы аптада", en: "This week" } },
        { value: "31", label: { ru: "В этом месяце", kk: "Осы айда", en: "This month" } },
        { value: "183", label: { ru: "Позже", kk: "Кейінірек", en: "Later" } },
      ],
    },
    {
      key: "city",
      weight: 10,
      required: true,
      text: {
        ru: "В каком вы городе?",
        kk: "Қай қаладасыз?",
        en: "Which city are you in?",
      },
    },
    {
      key: "phone",
      weight: 15,
      required: true,
      text: {
        ru: "Оставьте, пожалуйста, номер телефона — менеджер свяжется с вами.",
        kk: "Телефон нөміріңізді қалдырыңызшы — менеджер сізбен хабарласады.",
        en: "Please leave your phone number so a manager can contact you.",
      },
    },
  ],
  qualify_at: 70,
  disqualify_below: 30,
  min_budget_kzt: null,
  max_timeline_days: null,
  cities: [],
  texts: {
    greeting: {
      ru: "Здравствуйте! Спасибо, что написали. Задам пару вопросов, чтобы быстрее вам помочь.",
      kk: "Сәлеметсіз бе! Жазғаныңызға рахмет. Сізге тезірек көмектесу үшін бірнеше сұрақ қояйын.",
      en: "Hello! Thanks for your message. A few quick questions so we can help you faster.",
    },
    qualified: {
      ru: "Спасибо! Передаю вашу заявку менеджеру — он скоро свяжется с вами.",
      kk: "Рахмет! Өтінішіңізді менеджерге жібердім — ол сізбен жақын арада хабарласады.",
      en: "Thank you! I have passed your request to a manager, who will contact you shortly.",
    },
    disqualified: {
      ru: "Спасибо за интерес! К сожалению, сейчас мы не сможем помочь с этим запросом.",
      kk: "Қызығушылығыңызға рахмет! Өкінішке қарай, қазір бұл сұраныс бойынша көмектесе алмаймыз.",
      en: "Thank you for your interest! Unfortunately, we cannot help with this request right now.",
    },
    review: {
      ru: "Спасибо! Менеджер посмотрит вашу заявку и ответит вам.",
      kk: "Рахмет! Менеджер өтінішіңізді қарап, сізге жауап береді.",
      en: "Thank you! A manager will look at your request and get back to you.",
    },
  },
};
