import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../packages/local/src/paths.ts";
import { parseCloudApiWebhook } from "../../../supabase/functions/_shared/parseCloudApiWebhook.ts";
import {
  cloudButtonReplyWebhook,
  cloudStatusWebhook,
  cloudTextWebhook,
} from "../../fakes/cloudApiPayloads.ts";

const sender = { phoneNumberId: "106540352242922", name: "Ержан", timestamp: 1767225600 };

function messagesOf(body: unknown) {
  const result = parseCloudApiWebhook(body);
  if ("invalid" in result) throw new Error(`unexpectedly invalid: ${result.invalid}`);
  return result;
}

describe("parseCloudApiWebhook", () => {
  it("reads the real captured webhook: one text from 2349135403118 to number 248932774960247", async () => {
    const raw = await readFile(
      resolve(repoRoot, "../shared/fixtures/real/whatsapp-cloud-text-message.json"),
      "utf8",
    );
    expect(parseCloudApiWebhook(JSON.parse(raw))).toEqual({
      messages: [
        {
          platformMessageId:
            "wamid.HBgNMjM0OTEzNTQwMzExOBUCABIYIDVFNDY5Q0ZGNzY0NTgxQUEwQzYyMjAyOEI2QzE5OEY1AA==",
          chatId: "2349135403118",
          identity: { kind: "whatsapp", value: "2349135403118" },
          identities: [],
          name: "Worldest Intellisoft Limited",
          phone: "+2349135403118",
          text: "Hi",
          choice: null,
          sentAt: new Date(1706955513 * 1000).toISOString(),
          startCode: null,
          phoneNumberId: "248932774960247",
        },
      ],
      ignored: 0,
      failures: [],
    });
  });

  it("attaches the business-scoped user id beside the wa_id", () => {
    const { messages } = messagesOf(
      cloudTextWebhook({
        ...sender,
        waId: "77011234567",
        bsuid: "KZ.1502576394655843",
        id: "wamid.1",
        text: "Салем",
      }),
    );
    expect(messages[0]).toMatchObject({
      chatId: "77011234567",
      identity: { kind: "whatsapp", value: "77011234567" },
      identities: [{ kind: "whatsapp_bsuid", value: "KZ.1502576394655843" }],
      phone: "+77011234567",
      name: "Ержан",
    });
  });

  it("makes the business-scoped user id the identity and the chat of a username-only user", () => {
    const { messages } = messagesOf(
      cloudTextWebhook({
        ...sender,
        bsuid: "KZ.1502576394655843",
        id: "wamid.2",
        text: "Нужна консультация",
      }),
    );
    expect(messages[0]).toMatchObject({
      chatId: "KZ.1502576394655843",
      identity: { kind: "whatsapp_bsuid", value: "KZ.1502576394655843" },
      identities: [],
      phone: null,
      text: "Нужна консультация",
    });
  });

  it("reads a reply button and a list row as the label with the value as the choice", () => {
    const button = messagesOf(
      cloudButtonReplyWebhook({
        ...sender,
        waId: "77011234567",
        id: "wamid.3",
        buttonId: "budget:300000",
        title: "до 300 000 ₸",
      }),
    );
    expect(button.messages[0]).toMatchObject({ text: "до 300 000 ₸", choice: "budget:300000" });
    const row = messagesOf(
      cloudButtonReplyWebhook({
        ...sender,
        waId: "77011234567",
        id: "wamid.4",
        buttonId: "city:almaty",
        title: "Алматы",
        kind: "list_reply",
      }),
    );
    expect(row.messages[0]).toMatchObject({ text: "Алматы", choice: "city:almaty" });
  });

  it("reads a template quick reply, an image caption, and gives a sticker no text", () => {
    const base = cloudTextWebhook({ ...sender, waId: "77011234567", id: "wamid.5", text: "x" });
    const withMessage = (message: Record<string, unknown>) => {
      const copy = structuredClone(base);
      const value = copy.entry[0]?.changes[0]?.value;
      if (value)
        value.messages = [{ from: "77011234567", id: "wamid.5", timestamp: "1767225600", ...message }];
      return copy;
    };
    expect(
      messagesOf(withMessage({ type: "button", button: { text: "Да, интересно", payload: "interested" } }))
        .messages[0],
    ).toMatchObject({ text: "Да, интересно", choice: "interested" });
    expect(
      messagesOf(
        withMessage({
          type: "image",
          image: { id: "media-1", mime_type: "image/jpeg", caption: "Вот такой нужен" },
        }),
      ).messages[0],
    ).toMatchObject({ text: "Вот такой нужен", choice: null });
    expect(
      messagesOf(withMessage({ type: "sticker", sticker: { id: "media-2" } })).messages[0],
    ).toMatchObject({
      text: null,
      choice: null,
    });
    expect(
      messagesOf(withMessage({ type: "reaction", reaction: { message_id: "wamid.x", emoji: "👍" } })),
    ).toEqual({
      messages: [],
      ignored: 1,
      failures: [],
    });
  });

  it("counts delivery statuses and other fields as ignored", () => {
    expect(
      parseCloudApiWebhook(
        cloudStatusWebhook({
          phoneNumberId: "106540352242922",
          id: "wamid.out",
          recipientId: "77011234567",
          status: "read",
          timestamp: 1767225600,
        }),
      ),
    ).toEqual({ messages: [], ignored: 1, failures: [] });
    const otherField = {
      object: "whatsapp_business_account",
      entry: [
        { id: "1", changes: [{ field: "message_template_status_update", value: { event: "APPROVED" } }] },
      ],
    };
    expect(parseCloudApiWebhook(otherField)).toEqual({ messages: [], ignored: 1, failures: [] });
  });

  it("reports a message of ours that failed later, with Meta's error codes", () => {
    const failed = cloudStatusWebhook({
      phoneNumberId: "106540352242922",
      id: "wamid.out.failed",
      recipientId: "77011234567",
      status: "failed",
      timestamp: 1767225600,
      errors: [{ code: 131047, title: "Re-engagement message" }],
    });
    expect(parseCloudApiWebhook(failed)).toEqual({
      messages: [],
      ignored: 0,
      failures: [{ wamid: "wamid.out.failed", codes: [131047] }],
    });
  });

  it("calls another object, a missing metadata or a message without id invalid", () => {
    expect(parseCloudApiWebhook({ object: "page", entry: [] })).toMatchObject({
      invalid: expect.stringContaining("object"),
    });
    expect(parseCloudApiWebhook(null)).toHaveProperty("invalid");
    const noMetadata = {
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "messages", value: { messages: [] } }] }],
    };
    expect(parseCloudApiWebhook(noMetadata)).toMatchObject({ invalid: expect.stringContaining("metadata") });
    const noId = structuredClone(
      cloudTextWebhook({ ...sender, waId: "77011234567", id: "wamid.6", text: "x" }),
    );
    delete noId.entry[0]?.changes[0]?.value.messages?.[0]?.id;
    expect(parseCloudApiWebhook(noId)).toMatchObject({ invalid: expect.stringContaining("messages.0.id") });
  });
});
