import { randomUUID } from "node:crypto";
import type { TransactionSql } from "postgres";
import { describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { type Actor, actAs, asActorRolledBack, asUser } from "./support/actAs.ts";
import { connectChannel } from "./support/leadCapture.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

describe("channels", () => {
  let db: TestDatabase;
  let f: Fixture;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });

  const botId = () => `${Math.floor(Math.random() * 1e12)}`;

  async function secretsOf(channelId: string) {
    const [row] = await db.sql`
      select bot_token, webhook_secret, api_key from private.channel_secrets where channel_id = ${channelId}`;
    return row;
  }

  describe("private.connect_channel", () => {
    it("connects a bot for an operator and returns its settings, never its secrets", async () => {
      const channel = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        external_id: botId(),
        name: "  Кондиционеры бот ",
        username: "ac_almaty_bot",
        niche_id: f.nicheA,
        status: "pending",
      });
      expect(channel).toMatchObject({
        workspace_id: f.workspaceA,
        provider: "telegram_bot",
        platform: "telegram",
        name: "Кондиционеры бот",
        niche_id: f.nicheA,
        status: "pending",
        per_chat_interval_ms: 1000,
        per_second_limit: 30,
      });
      expect(JSON.stringify(channel)).not.toContain("secret");
      expect(await secretsOf(channel.id)).toEqual({
        bot_token: "123:secret",
        webhook_secret: "hook-secret",
        api_key: null,
      });
    });

    it("reconnecting updates what is given and keeps the rest, secrets included", async () => {
      const externalId = botId();
      const first = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        external_id: externalId,
        niche_id: f.nicheA,
        campaign_id: f.campaignA,
      });
      const second = await connectChannel(db.sql, f.users.admin, f.workspaceA, {
        external_id: externalId,
        name: "Renamed",
        campaign_id: null,
        secrets: { bot_token: "456:new" },
      });
      expect(second).toMatchObject({ id: first.id, name: "Renamed", niche_id: f.nicheA, campaign_id: null });
      expect(await secretsOf(first.id)).toEqual({
        bot_token: "456:new",
        webhook_secret: "hook-secret",
        api_key: null,
      });
    });

    it("refuses a viewer, a member of another workspace and an unknown user with 42501", async () => {
      for (const userId of [f.users.viewer, f.users.outsider, randomUUID()]) {
        await expect(connectChannel(db.sql, userId, f.workspaceA)).rejects.toMatchObject({
          code: "42501",
          message: "operator_role_required",
        });
      }
    });

    it("refuses a Telegram bot another workspace has connected, but lets WhatsApp sessions share names", async () => {
      const externalId = botId();
      await connectChannel(db.sql, f.users.operator, f.workspaceA, { external_id: externalId });
      await expect(
        connectChannel(db.sql, f.users.outsider, f.workspaceB, { external_id: externalId }),
      ).rejects.toMatchObject({ code: "23505", message: "channel_in_use" });

      const session = `default-${randomUUID().slice(0, 8)}`;
      const inA = await connectChannel(db.sql, f.users.operator, f.workspaceA, {
        provider: "waha",
        external_id: session,
      });
      const inB = await connectChannel(db.sql, f.users.outsider, f.workspaceB, {
        provider: "waha",
        external_id: session,
      });
      expect(inA.platform).toBe("whatsapp");
      expect(inB.id).not.toBe(inA.id);
    });

    it("refuses an unknown provider and rates out of range", async () => {
      await expect(
        connectChannel(db.sql, f.users.operator, f.workspaceA, { provider: "viber" }),
      ).rejects.toMatchObject({
        code: "23514",
      });
      await expect(
        connectChannel(db.sql, f.users.operator, f.workspaceA, { per_second_limit: 0 }),
      ).rejects.toMatchObject({ code: "23514" });
    });
  });

  describe("private.get_channel_for_webhook and update_channel_status", () => {
    it("gives a webhook the channel with its secrets, and nothing once the channel is disabled", async () => {
      const channel = await connectChannel(db.sql, f.users.operator, f.workspaceA);
      const forWebhook = async (id: string) =>
        (await db.sql`select private.get_channel_for_webhook(${id}) as channel`)[0]?.channel;
      expect(await forWebhook(channel.id)).toMatchObject({
        id: channel.id,
        workspace_id: f.workspaceA,
        provider: "telegram_bot",
        secrets: { bot_token: "123:secret", webhook_secret: "hook-secret", api_key: null },
      });
      const [updated] = await db.sql`
        select private.update_channel_status(${channel.id}, 'disabled', 'https://example.test/hook', 'stopped') as channel`;
      expect(updated?.channel).toMatchObject({
        status: "disabled",
        webhook_url: "https://example.test/hook",
        last_error: "stopped",
      });
      expect(await forWebhook(channel.id)).toBeNull();
      expect(await forWebhook(randomUUID())).toBeNull();
      await expect(
        db.sql`select private.update_channel_status(${randomUUID()}, 'active', null, null)`,
      ).rejects.toMatchObject({ code: "P0002", message: "unknown_channel" });
    });
  });

  describe("access", () => {
    it("lets admins rename, pause and re-point a channel, but not change where its keys are sent", async () => {
      const channel = await connectChannel(db.sql, f.users.operator, f.workspaceA, { provider: "waha" });
      const admin = asUser(f.users.admin);
      expect(
        await actAs(
          db.sql,
          admin,
          (tx) => tx`
          update public.channels set name = 'Офис', status = 'disabled', niche_id = ${f.nicheA2},
            campaign_id = ${f.campaignA}, per_chat_interval_ms = 0, per_second_limit = 5
          where id = ${channel.id}`,
        ),
      ).toEqual({ kind: "rows", count: 1 });
      for (const column of ["api_base_url", "external_id", "provider", "webhook_url"]) {
        expect(
          await actAs(db.sql, admin, (tx) =>
            tx.unsafe(`update public.channels set ${column} = 'https://evil.test' where id = $1`, [
              channel.id,
            ]),
          ),
        ).toMatchObject({ kind: "error", code: "42501" });
      }
      expect(
        await actAs(
          db.sql,
          asUser(f.users.operator),
          (tx) => tx`
          update public.channels set name = 'Офис' where id = ${channel.id}`,
        ),
      ).toEqual({ kind: "rows", count: 0 });
    });

    it("keeps channel secrets and the channel functions away from every signed-in user", async () => {
      const channel = await connectChannel(db.sql, f.users.operator, f.workspaceA);
      for (const userId of [
        f.users.owner,
        f.users.admin,
        f.users.operator,
        f.users.viewer,
        f.users.outsider,
      ]) {
        const actor = asUser(userId);
        expect(await actAs(db.sql, actor, (tx) => tx`select * from private.channel_secrets`)).toMatchObject({
          kind: "error",
          code: "42501",
        });
        expect(
          await actAs(db.sql, actor, (tx) => tx`select private.get_channel_for_webhook(${channel.id})`),
        ).toMatchObject({ kind: "error", code: "42501" });
        expect(
          await actAs(
            db.sql,
            actor,
            (tx) =>
              tx`select private.connect_channel(${userId}, ${JSON.stringify({ workspace_id: f.workspaceA })}::text::jsonb)`,
          ),
        ).toMatchObject({ kind: "error", code: "42501" });
      }
      const service: Actor = { role: "service_role" };
      expect(
        await actAs(
          db.sql,
          service,
          (tx) => tx`select * from private.channel_secrets where channel_id = ${channel.id}`,
        ),
      ).toEqual({ kind: "rows", count: 1 });
    });
  });

  describe("tracking codes", () => {
    const insertCode = (code: string, adId: string | null, campaignId: string) => (tx: TransactionSql) =>
      tx`insert into public.tracking_codes (workspace_id, code, campaign_id, ad_id)
        values (${f.workspaceA}, ${code}, ${campaignId}, ${adId})`;

    it("takes codes Telegram can carry in a start link, once per workspace", async () => {
      const operator = asUser(f.users.operator);
      expect(await actAs(db.sql, operator, insertCode("olx_AC-2026", f.adA, f.campaignA))).toEqual({
        kind: "rows",
        count: 1,
      });
      for (const bad of ["with space", "", "x".repeat(65), "кириллица"]) {
        expect(await actAs(db.sql, operator, insertCode(bad, null, f.campaignA))).toMatchObject({
          kind: "error",
          code: "23514",
        });
      }
      const twice = await actAs(db.sql, operator, async (tx) => {
        await insertCode("twice", null, f.campaignA)(tx);
        return insertCode("twice", null, f.campaignA)(tx);
      });
      expect(twice).toMatchObject({ kind: "error", code: "23505" });
    });

    it("names only an ad of the code's own campaign", async () => {
      const outcome = await actAs(db.sql, { role: "service_role" }, async (tx) => {
        const [campaign] = await tx<{ id: string }[]>`
          insert into public.campaigns (workspace_id, niche_id, name, platform)
          values (${f.workspaceA}, ${f.nicheA}, 'Other', 'telegram') returning id`;
        return insertCode("mismatch", f.adA, campaign!.id)(tx);
      });
      expect(outcome).toMatchObject({ kind: "error", code: "23503" });
    });
  });

  describe("qualification scripts", () => {
    const script = { questions: [{ key: "budget", weight: 30, required: true, text: { ru: "Бюджет?" } }] };

    it("keeps one default script per workspace and one per niche", async () => {
      const outcome = await actAs(db.sql, asUser(f.users.operator), async (tx) => {
        await tx`insert into public.qualification_scripts (workspace_id, script) values (${f.workspaceA}, ${tx.json(script)})`;
        await tx`insert into public.qualification_scripts (workspace_id, niche_id, script)
          values (${f.workspaceA}, ${f.nicheA}, ${tx.json(script)})`;
        return tx`insert into public.qualification_scripts (workspace_id, script) values (${f.workspaceA}, ${tx.json(script)})`;
      });
      expect(outcome).toMatchObject({ kind: "error", code: "23505" });
    });

    it("refuses a script without questions", async () => {
      expect(
        await actAs(
          db.sql,
          asUser(f.users.operator),
          (tx) =>
            tx`insert into public.qualification_scripts (workspace_id, script) values (${f.workspaceA}, ${tx.json({ texts: {} })})`,
        ),
      ).toMatchObject({ kind: "error", code: "23514" });
    });

    it("records the signed-in user as its last writer, whatever the row claims", async () => {
      const writer = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        const [row] = await tx<{ updated_by: string }[]>`
          insert into public.qualification_scripts (workspace_id, niche_id, script, updated_by)
          values (${f.workspaceA}, ${f.nicheA2}, ${tx.json(script)}, ${f.users.owner}) returning updated_by`;
        return row?.updated_by;
      });
      expect(writer).toBe(f.users.operator);
    });
  });
});
