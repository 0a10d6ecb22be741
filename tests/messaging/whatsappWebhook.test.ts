import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { repoRoot } from "../../packages/local/src/paths.ts";
import {
  cloudButtonReplyWebhook,
  cloudStatusWebhook,
  cloudTextWebhook,
  signCloudBody,
} from "../fakes/cloudApiPayloads.ts";
import { type FakeWaha, startFakeWaha } from "../fakes/fakeWaha.ts";
import { type FakeWhatsappCloud, startFakeWhatsappCloud } from "../fakes/fakeWhatsappCloud.ts";
import { signWahaBody, wahaMessageEvent } from "../fakes/wahaEvents.ts";
import { eventually, type MessagingStack, startMessagingStack } from "../support/startMessagingStack.ts";

const fixtures = resolve(repoRoot, "../shared/fixtures/real");
const hmacKey = "waha-hmac-key-for-tests-0123456789";
const appSecret = "cloud-app-secret-for-tests";
const accessToken = "EAAG-cloud-access-token-for-tests";
const phoneNumberId = "248932774960247"; // the real Cloud API fixture's number
const kazakhLetters = /[әғқңөұүһі]/i;
const connectAnswerSchema = z.object({
  channel: z.object({ id: z.string() }),
  webhook: z.object({ url: z.string().nullable() }),
});

/** WhatsApp through WAHA and through the Cloud API: verification, ingest, replies, the 24-hour window. */
describe("whatsapp-webhook", () => {
  let waha: FakeWaha;
  let cloud: FakeWhatsappCloud;
  let stack: MessagingStack;
  let wahaChannel: string;
  let cloudChannel: string;

  const postWaha = (event: unknown, key = hmacKey) => {
    const body = JSON.stringify(event);
    return fetch(`${stack.functionsUrl}/whatsapp-webhook/${wahaChannel}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-webhook-hmac": signWahaBody(body, key),
        "x-webhook-hmac-algorithm": "sha512",
      },
      body,
    });
  };
  const postCloud = (body: string, secret = appSecret) =>
    fetch(`${stack.functionsUrl}/whatsapp-webhook/${cloudChannel}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signCloudBody(body, secret) },
      body,
    });
  const countMessages = async () =>
    Number((await stack.sql`select count(*)::int as n from public.messages where sender = 'lead'`)[0]?.n);

  beforeAll(async () => {
    waha = await startFakeWaha({ apiKey: "waha-api-key" });
    cloud = await startFakeWhatsappCloud({ accessToken, phoneNumberIds: [phoneNumberId] });
    stack = await startMessagingStack({ WHATSAPP_GRAPH_API_ROOT: `${cloud.url}/v21.0` });
    const wahaConnect = await stack.invoke("channel-connect", {
      workspace_id: stack.workspaceId,
      provider: "waha",
      name: "WAHA Алматы",
      api_base_url: waha.url,
      session: "default",
      api_key: "waha-api-key",
      hmac_key: hmacKey,
    });
    const wahaText = await wahaConnect.text();
    expect(wahaConnect.status, wahaText).toBe(200);
    wahaChannel = connectAnswerSchema.parse(JSON.parse(wahaText)).channel.id;
    const cloudConnect = await stack.invoke("channel-connect", {
      workspace_id: stack.workspaceId,
      provider: "whatsapp_cloud",
      phone_number_id: phoneNumberId,
      access_token: accessToken,
      app_secret: appSecret,
      verify_token: "verify-token-for-tests",
    });
    const cloudText = await cloudConnect.text();
    expect(cloudConnect.status, cloudText).toBe(200);
    expect(cloudText).not.toContain(accessToken);
    expect(cloudText).not.toContain(appSecret);
    const cloudBody = connectAnswerSchema.parse(JSON.parse(cloudText));
    cloudChannel = cloudBody.channel.id;
    expect(cloudBody.webhook.url).toBe(`${stack.functionsUrl}/whatsapp-webhook/${cloudChannel}`);
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
    await waha?.close();
    await cloud?.close();
  });

  describe("WAHA", () => {
    it("ignores the real fixture's own message (fromMe) and stores nothing", async () => {
      const fixture = JSON.parse(await readFile(resolve(fixtures, "waha-message-event.json"), "utf8"));
      const before = await countMessages();
      const response = await postWaha(fixture);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ignored" });
      expect(await countMessages()).toBe(before);
    });

    it("stores a lead's message, replies through sendText in their language, and stores a redelivery once", async () => {
      const event = wahaMessageEvent({
        from: "77011112233@c.us",
        body: "Сәлеметсіз бе! Маған кондиционер керек, Алматыда",
        timestamp: Math.floor(Date.now() / 1000),
        notifyName: "Арман",
      });
      expect((await postWaha(event)).status).toBe(200);
      expect((await postWaha(event)).status).toBe(200);
      const call = await waha.waitFor((c) => c.path === "/api/sendText");
      expect(call.body).toMatchObject({ session: "default", chatId: "77011112233@c.us" });
      expect(String((call.body as { text?: string }).text)).toMatch(kazakhLetters);
      const [lead] = await stack.sql`
        select l.name, l.phone, l.language, l.source_platform from public.leads l
        join public.lead_identities i on i.lead_id = l.id where i.kind = 'whatsapp' and i.value = '77011112233'`;
      expect(lead).toEqual({
        name: "Арман",
        phone: "+77011112233",
        language: "kk",
        source_platform: "whatsapp",
      });
      const [count] =
        await stack.sql`select count(*)::int as n from public.messages where platform_message_id = ${event.payload.id}`;
      expect(count?.n).toBe(1);
    });

    it("ignores acks, reactions and message.any echoes", async () => {
      const before = await countMessages();
      for (const name of ["message.any", "message.ack", "message.reaction", "session.status"]) {
        const event = wahaMessageEvent({ from: "77011112244@c.us", body: "x", timestamp: 1, event: name });
        const response = await postWaha(event);
        expect(response.status, name).toBe(200);
      }
      expect(await countMessages()).toBe(before);
    });

    it("answers 401 to a missing or wrong HMAC and stores nothing", async () => {
      const before = await countMessages();
      const event = wahaMessageEvent({ from: "77011112255@c.us", body: "Здравствуйте", timestamp: 1 });
      expect((await postWaha(event, "another-key-entirely-0000000000")).status).toBe(401);
      const unsigned = await fetch(`${stack.functionsUrl}/whatsapp-webhook/${wahaChannel}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(event),
      });
      expect(unsigned.status).toBe(401);
      expect(await countMessages()).toBe(before);
    });

    it("answers 400 to a signed body that is not JSON", async () => {
      const body = "{oops";
      const response = await fetch(`${stack.functionsUrl}/whatsapp-webhook/${wahaChannel}`, {
        method: "POST",
        headers: { "x-webhook-hmac": signWahaBody(body, hmacKey), "x-webhook-hmac-algorithm": "sha512" },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "MALFORMED_JSON" });
    });
  });

  describe("Cloud API", () => {
    it("answers the subscription challenge only with the right verify token", async () => {
      const url = `${stack.functionsUrl}/whatsapp-webhook/${cloudChannel}`;
      const ok = await fetch(
        `${url}?hub.mode=subscribe&hub.verify_token=verify-token-for-tests&hub.challenge=1158201444`,
      );
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe("1158201444");
      const wrong = await fetch(`${url}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444`);
      expect(wrong.status).toBe(403);
    });

    it("stores the real fixture's message exactly as signed, and replies through the messages endpoint", async () => {
      const raw = await readFile(resolve(fixtures, "whatsapp-cloud-text-message.json"), "utf8");
      const response = await postCloud(raw);
      expect(response.status).toBe(200);
      expect(await postCloud(raw).then((r) => r.status)).toBe(200);
      const [lead] = await stack.sql`
        select l.id, l.name, l.phone from public.leads l
        join public.lead_identities i on i.lead_id = l.id where i.kind = 'whatsapp' and i.value = '2349135403118'`;
      expect(lead).toMatchObject({ name: "Worldest Intellisoft Limited", phone: "+2349135403118" });
      const messages =
        await stack.sql`select text, sent_at from public.messages where lead_id = ${lead?.id} and sender = 'lead'`;
      expect(messages).toEqual([{ text: "Hi", sent_at: new Date(1706955513 * 1000) }]);
      // Sent over two years ago: the 24-hour window is long closed, so the bot does not send free text.
      await eventually("the conversation to be flagged", async () => {
        const [conversation] =
          await stack.sql`select needs_human from public.conversations where lead_id = ${lead?.id}`;
        return conversation?.needs_human === "template_required" ? conversation : undefined;
      });
      expect(cloud.sentMessages("2349135403118")).toHaveLength(0);
    });

    it("replies to a fresh message with buttons, takes a button press as the answer, and ignores statuses", async () => {
      const now = Math.floor(Date.now() / 1000);
      const first = JSON.stringify(
        cloudTextWebhook({
          phoneNumberId,
          waId: "77021234567",
          name: "Dana",
          id: "wamid.test.first",
          timestamp: now,
          text: "Здравствуйте, нужен кондиционер в Астане",
        }),
      );
      expect((await postCloud(first)).status).toBe(200);
      const reply = await cloud.waitFor(
        (c) => c.status === 200 && (c.body as { to?: string }).to === "77021234567",
      );
      expect(reply.path).toBe(`/v21.0/${phoneNumberId}/messages`);
      const statuses = JSON.stringify(
        cloudStatusWebhook({
          phoneNumberId,
          id: "wamid.out.1",
          recipientId: "77021234567",
          status: "delivered",
          timestamp: now,
        }),
      );
      const statusAnswer = await postCloud(statuses);
      expect(statusAnswer.status).toBe(200);
      expect(await statusAnswer.json()).toMatchObject({ stored: 0 });
      const press = JSON.stringify(
        cloudButtonReplyWebhook({
          phoneNumberId,
          waId: "77021234567",
          name: "Dana",
          id: "wamid.test.press",
          timestamp: now + 1,
          buttonId: "7",
          title: "На этой неделе",
        }),
      );
      expect((await postCloud(press)).status).toBe(200);
      const [message] =
        await stack.sql`select text from public.messages where platform_message_id = 'wamid.test.press'`;
      expect(message?.text).toBe("На этой неделе");
    });

    it("flags the lead for a template when Meta reports later that a sent reply failed with 131047", async () => {
      const now = Math.floor(Date.now() / 1000);
      const body = JSON.stringify(
        cloudTextWebhook({
          phoneNumberId,
          waId: "77027776655",
          name: "Aruzhan",
          id: "wamid.test.late",
          timestamp: now,
          text: "Здравствуйте",
        }),
      );
      expect((await postCloud(body)).status).toBe(200);
      const reply = await cloud.waitFor(
        (c) => c.status === 200 && (c.body as { to?: string }).to === "77027776655",
      );
      const wamid = cloud.sentMessages("77027776655")[0]?.id ?? "";
      expect(reply.status).toBe(200);
      const flagged = () =>
        stack.sql`
          select c.needs_human from public.conversations c join public.lead_identities i on i.lead_id = c.lead_id
          where i.kind = 'whatsapp' and i.value = '77027776655'`;
      await eventually("the reply to be recorded as sent", async () => {
        const [row] =
          await stack.sql`select 1 from public.outbound_messages where platform_message_id = ${wamid} and status = 'sent'`;
        return row;
      });
      expect((await flagged())[0]?.needs_human).toBeNull();
      const failed = JSON.stringify(
        cloudStatusWebhook({
          phoneNumberId,
          id: wamid,
          recipientId: "77027776655",
          status: "failed",
          timestamp: now + 5,
          errors: [{ code: 131047, title: "Re-engagement message" }],
        }),
      );
      expect((await postCloud(failed)).status).toBe(200);
      expect((await flagged())[0]?.needs_human).toBe("template_required");
    });

    it("flags the lead for a template when the Cloud API says the window is closed", async () => {
      const now = Math.floor(Date.now() / 1000);
      cloud.windowClosed("77029998877");
      const body = JSON.stringify(
        cloudTextWebhook({
          phoneNumberId,
          waId: "77029998877",
          name: "Ruslan",
          id: "wamid.test.closed",
          timestamp: now,
          text: "Сколько стоит?",
        }),
      );
      expect((await postCloud(body)).status).toBe(200);
      await eventually("the conversation to be flagged", async () => {
        const [conversation] = await stack.sql`
          select c.needs_human from public.conversations c join public.lead_identities i on i.lead_id = c.lead_id
          where i.kind = 'whatsapp' and i.value = '77029998877'`;
        return conversation?.needs_human === "template_required" ? conversation : undefined;
      });
    });

    it("answers 401 to a wrong signature, and 404 to an unknown channel", async () => {
      const body = JSON.stringify(
        cloudTextWebhook({ phoneNumberId, waId: "77020000001", id: "wamid.bad", timestamp: 1, text: "x" }),
      );
      expect((await postCloud(body, "wrong-secret-wrong-secret")).status).toBe(401);
      const unknown = await fetch(
        `${stack.functionsUrl}/whatsapp-webhook/00000000-0000-4000-8000-000000000000`,
        { method: "POST", body },
      );
      expect(unknown.status).toBe(404);
    });
  });
});
