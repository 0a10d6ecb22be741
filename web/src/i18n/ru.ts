/**
 * Russian, the default language. Its keys are the dictionary: Kazakh and English must have every one of them.
 * `{name}` marks a value filled in at run time; `_one/_few/_many/_other` are plural forms (Intl.PluralRules).
 */
export const ru = {
  "app.name": "Arqan",
  "app.loading": "Загрузка…",

  "config.title": "Дашборд не настроен",
  "config.body":
    "При сборке не заданы адрес и публичный ключ проекта Supabase. Задайте переменные ниже и соберите дашборд заново.",
  "config.problem.missing": "не задана",
  "config.problem.invalid": "неверное значение",
  "config.problem.secret": "это секретный ключ — в браузер можно отдавать только публичный (anon) ключ",

  "signIn.title": "Вход",
  "signIn.subtitle": "Войдите, чтобы видеть лиды вашего агентства",
  "signIn.email": "Email",
  "signIn.password": "Пароль",
  "signIn.submit": "Войти",
  "signIn.submitting": "Входим…",
  "signIn.error.missingFields": "Введите email и пароль",
  "signIn.error.wrong-credentials": "Неверный email или пароль",
  "signIn.error.email-not-confirmed": "Email ещё не подтверждён. Откройте письмо с подтверждением.",
  "signIn.error.rate-limited": "Слишком много попыток. Подождите минуту и попробуйте снова.",
  "signIn.error.retry-later": "Сервер недоступен. Проверьте соединение и попробуйте снова.",
  "signIn.error.unknown": "Не удалось войти. Попробуйте ещё раз.",

  "shell.signOut": "Выйти",
  "shell.workspace": "Рабочее пространство",
  "shell.language": "Язык",
  "shell.navigation": "Разделы",
  "shell.signedInAs": "Вы вошли как {email}",

  "nav.leads": "Лиды",

  "workspaces.loading": "Загружаем рабочие пространства…",
  "workspaces.none.title": "Нет рабочих пространств",
  "workspaces.none.body":
    "Вы пока не состоите ни в одном рабочем пространстве. Попросите владельца агентства пригласить вас.",
  "workspaces.error": "Не удалось загрузить рабочие пространства.",

  "role.owner": "владелец",
  "role.admin": "администратор",
  "role.operator": "оператор",
  "role.viewer": "наблюдатель",

  "error.sign-in-again": "Сессия истекла. Войдите снова.",
  "error.retry-later": "Сервер недоступен. Проверьте соединение и повторите.",
  "error.rejected": "Сервер отклонил запрос.",
  "error.malformed": "Сервер ответил в неожиданном формате. Обновите страницу.",
  "error.retry": "Повторить",

  "leads.title": "Лиды",
  "leads.column.name": "Имя",
  "leads.column.phone": "Телефон",
  "leads.column.status": "Статус",
  "leads.column.source": "Источник",
  "leads.column.score": "Оценка",
  "leads.column.campaign": "Кампания",
  "leads.column.created": "Создан",
  "leads.filter.status": "Статус",
  "leads.filter.source": "Источник",
  "leads.filter.all": "Все",
  "leads.filter.reset": "Сбросить фильтры",
  "leads.loading": "Загружаем лиды…",
  "leads.error": "Не удалось загрузить лиды.",
  "leads.empty.title": "Лидов пока нет…",
  "leads.empty.body": "Новые лиды появятся здесь сами, как только придут.",
  "leads.emptyFiltered": "Нет лидов с такими фильтрами.",
  "leads.range": "{from}–{to} из {total}",
  "leads.rangeEmpty": "0 из 0",
  "leads.pager.prev": "Назад",
  "leads.pager.next": "Вперёд",
  "leads.pager.label": "Страницы",
  "leads.new_one": "{count} новый лид",
  "leads.new_few": "{count} новых лида",
  "leads.new_many": "{count} новых лидов",
  "leads.new_other": "{count} нового лида",
  "leads.showNew": "Показать",
  "leads.unnamed": "Без имени",
  "leads.noCampaign": "—",
  "leads.noPhone": "—",
  "leads.noScore": "—",
  "leads.scoreOf": "Оценка {score} из 100",

  "live.connecting": "Подключение…",
  "live.connected": "Онлайн",
  "live.reconnecting": "Переподключение…",
  "live.closed": "Нет связи",
  "live.hint": "Новые лиды появляются без перезагрузки",

  "time.justNow": "только что",
  "time.minutesAgo": "{count} мин назад",
  "time.hoursAgo": "{count} ч назад",
  "time.daysAgo": "{count} дн. назад",
  "time.monthsAgo": "{count} мес. назад",
  "time.yearsAgo": "{count} г. назад",
  "time.almaty": "{time} (Алматы)",

  "status.new": "Новый",
  "status.contacted": "На связи",
  "status.qualified": "Квалифицирован",
  "status.disqualified": "Не подходит",
  "status.handed_off": "Передан клиенту",
  "status.closed": "Закрыт",

  "platform.olx": "OLX",
  "platform.kaspi": "Kaspi",
  "platform.satu": "Satu",
  "platform.telegram": "Telegram",
  "platform.whatsapp": "WhatsApp",
  "platform.manual": "Вручную",

  "language.ru": "Русский",
  "language.kk": "Қазақша",
  "language.en": "English",
} satisfies Record<string, string>;

/** Every message key; `kk` and `en` are typed with it, so a missing or extra key fails type-checking. */
export type MessageKey = keyof typeof ru;
export type Dictionary = Record<MessageKey, string>;
