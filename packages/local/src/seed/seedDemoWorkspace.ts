import { createHash } from "node:crypto";
import type { Sql } from "postgres";
import { createAuthUser } from "../api/auth/createAuthUser.ts";

export const demoLogin = { email: "operator@arqan.local", password: "arqan-demo-2026" } as const;

/** A stable uuid per seed key, so re-seeding touches the same rows instead of adding new ones. */
export function demoId(key: string): string {
  const hex = createHash("sha1").update(`arqan-demo:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const niches = [
  {
    key: "ac",
    name: "Кондиционеры",
    query: "кондиционер",
    city: "Almaty",
    status: "active",
    cpl: 3500,
    avg: 220_000,
    competition: "high",
  },
  {
    key: "ceilings",
    name: "Натяжные потолки",
    query: "натяжной потолок",
    city: "Astana",
    status: "active",
    cpl: 2500,
    avg: 150_000,
    competition: "medium",
  },
  {
    key: "renovation",
    name: "Ремонт квартир",
    query: "ремонт квартир",
    city: "Almaty",
    status: "research",
    cpl: 6000,
    avg: 1_800_000,
    competition: "high",
  },
  {
    key: "english",
    name: "Курсы английского",
    query: "курсы английского",
    city: "Shymkent",
    status: "paused",
    cpl: 1800,
    avg: 45_000,
    competition: "low",
  },
] as const;

const campaigns = [
  {
    key: "ac-olx",
    niche: "ac",
    name: "Кондиционеры · OLX · ноябрь",
    platform: "olx",
    status: "active",
    budget: 300_000,
    spent: 184_500,
  },
  {
    key: "ac-tg",
    niche: "ac",
    name: "Кондиционеры · Telegram",
    platform: "telegram",
    status: "active",
    budget: 150_000,
    spent: 61_200,
  },
  {
    key: "ceil-kaspi",
    niche: "ceilings",
    name: "Потолки · Kaspi",
    platform: "kaspi",
    status: "active",
    budget: 200_000,
    spent: 97_000,
  },
  {
    key: "eng-olx",
    niche: "english",
    name: "Английский · OLX",
    platform: "olx",
    status: "paused",
    budget: 80_000,
    spent: 80_000,
  },
] as const;

const people = [
  "Айгерим Сулейменова",
  "Данияр Ахметов",
  "Ольга Ким",
  "Ерлан Жумабаев",
  "Сергей Петров",
  "Асель Нурланқызы",
  "Мадина Оспанова",
  "Тимур Бекмухамедов",
  "Наталья Иванова",
  "Бауыржан Қасымов",
  "Алия Серікқызы",
  "Руслан Ли",
  "Гульнара Абдрахманова",
  "Арман Тлеубаев",
  "Екатерина Смирнова",
  "Нұрсұлтан Әбенов",
  "Жанна Утепова",
  "Максат Есенов",
  "Светлана Пак",
  "Дина Мұратқызы",
  "Азамат Қайратұлы",
  "Ирина Волкова",
  "Ержан Сапаров",
  "Камила Ахмедова",
];
const statuses = [
  "new",
  "new",
  "contacted",
  "qualified",
  "disqualified",
  "handed_off",
  "new",
  "contacted",
  "qualified",
  "closed",
] as const;
const sources = ["telegram", "whatsapp", "olx", "kaspi", "telegram", "whatsapp"] as const;

/**
 * The local demo: a workspace with an operator login, sample niches, campaigns, a client and leads (plus a second
 * workspace where the operator is only a viewer, so the switcher has something to switch). Idempotent: stable ids
 * and `on conflict do nothing`, so every `npm start` may run it. Local only: never run against a hosted project.
 */
export async function seedDemoWorkspace(sql: Sql): Promise<{ email: string; password: string }> {
  const userId = await createAuthUser(sql, { email: demoLogin.email, password: demoLogin.password });
  const almaty = demoId("workspace:almaty");
  const astana = demoId("workspace:astana");
  await sql.begin(async (tx) => {
    await tx`insert into public.workspaces (id, name, slug) values
      (${almaty}, 'Демо: Алматы', 'demo-almaty'), (${astana}, 'Демо: Астана', 'demo-astana')
      on conflict (id) do nothing`;
    await tx`insert into public.workspace_members (workspace_id, user_id, role) values
      (${almaty}, ${userId}, 'operator'), (${astana}, ${userId}, 'viewer')
      on conflict do nothing`;
    const client = demoId("client:climat");
    await tx`insert into public.clients (id, workspace_id, name, contact_name, contact_phone)
      values (${client}, ${almaty}, 'ТОО «Климат Сервис»', 'Асхат', '+77012223344') on conflict (id) do nothing`;
    for (const niche of niches) {
      const workspace = niche.city === "Astana" ? astana : almaty;
      await tx`insert into public.niches (id, workspace_id, name, query, city, status, cpl_target_kzt, avg_price_kzt, competition_level)
        values (${demoId(`niche:${niche.key}`)}, ${workspace}, ${niche.name}, ${niche.query}, ${niche.city}, ${niche.status},
                ${niche.cpl}, ${niche.avg}, ${niche.competition})
        on conflict (id) do nothing`;
    }
    for (const campaign of campaigns) {
      const niche = niches.find((n) => n.key === campaign.niche);
      const workspace = niche?.city === "Astana" ? astana : almaty;
      await tx`insert into public.campaigns (id, workspace_id, niche_id, name, platform, status, budget_kzt, spent_kzt, starts_at)
        values (${demoId(`campaign:${campaign.key}`)}, ${workspace}, ${demoId(`niche:${campaign.niche}`)}, ${campaign.name},
                ${campaign.platform}, ${campaign.status}, ${campaign.budget}, ${campaign.spent}, now() - interval '14 days')
        on conflict (id) do nothing`;
    }
    const now = Date.now();
    for (const [index, name] of people.entries()) {
      const campaign = campaigns[index % campaigns.length]!;
      const niche = niches.find((n) => n.key === campaign.niche);
      const workspace = niche?.city === "Astana" ? astana : almaty;
      const listed = statuses[index % statuses.length]!;
      // A hand-off needs a client; the Astana demo has none, so its would-be hand-offs stay qualified.
      const status = listed === "handed_off" && workspace !== almaty ? "qualified" : listed;
      const createdAt = new Date(now - (index * 5 + 3) * 3600_000);
      const phone = `+7701${String(1_000_000 + index * 7919).slice(-7)}`;
      const score =
        status === "new" ? null : status === "disqualified" ? 20 + (index % 15) : 55 + ((index * 7) % 45);
      await tx`insert into public.leads (id, workspace_id, campaign_id, source_platform, source_id, name, phone, language,
                 status, score, client_id, handed_off_at, first_contact_at, created_at)
        values (${demoId(`lead:${index}`)}, ${workspace}, ${demoId(`campaign:${campaign.key}`)}, ${sources[index % sources.length]!},
                ${`demo-${index}`}, ${name}, ${phone}, ${index % 3 === 1 ? "kk" : "ru"}, ${status}, ${score},
                ${status === "handed_off" ? client : null},
                ${status === "handed_off" ? createdAt : null}, ${createdAt}, ${createdAt})
        on conflict (id) do nothing`;
    }
  });
  return { ...demoLogin };
}
