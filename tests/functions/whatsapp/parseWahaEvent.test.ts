import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../../packages/local/src/paths.ts";
import { parseWahaEvent } from "../../../supabase/functions/_shared/parseWahaEvent.ts";
import { wahaMessageEvent } from "../../fakes/wahaEvents.ts";

/** WAHA's documented `message` event, as captured (read-only, outside the repository). */
let realEvent: { payload: Record<string, unknown> } & Record<string, unknown>;

beforeAll(async () => {
  const raw = await readFile(resolve(repoRoot, "../shared/fixtures/real/waha-message-event.json"), "utf8");
  realEvent = JSON.parse(raw);
});

describe("parseWahaEvent", () => {
  it("ignores the real documented event: it is the account's own message (fromMe)", () => {
    const result = parseWahaEvent(realEvent);
    expect(result).toEqual({ kind: "ignored", reason: expect.stringContaining("fromMe") });
  });

  it("reads the same event from a person (fromMe false) as a lead's message", () => {
    const fromLead = { ...realEvent, payload: { ...realEvent.payload, fromMe: false } };
    expect(parseWahaEvent(fromLead)).toEqual({
      kind: "message",
      message: {
        platformMessageId: "true_11111111111@c.us_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        chatId: "11111111111@c.us",
        identity: { kind: "whatsapp", value: "11111111111" },
        identities: [],
        name: "MyName",
        phone: "+11111111111",
        text: "Hi there!",
        choice: null,
        sentAt: "2022-11-04T11:31:25.000Z",
        startCode: null,
      },
    });
  });

  it("reads a Kazakh lead's message built in the current event shape", () => {
    const event = wahaMessageEvent({
      id: "false_77011234567@c.us_3EB0C767D097B7C7C030",
      from: "77011234567@c.us",
      body: "Сәлеметсіз бе! Кондиционер қанша тұрады?",
      timestamp: 1767225600,
      notifyName: "Әлия",
    });
    const result = parseWahaEvent(event);
    expect(result).toMatchObject({
      kind: "message",
      message: {
        platformMessageId: "false_77011234567@c.us_3EB0C767D097B7C7C030",
        chatId: "77011234567@c.us",
        identity: { kind: "whatsapp", value: "77011234567" },
        name: "Әлия",
        phone: "+77011234567",
        text: "Сәлеметсіз бе! Кондиционер қанша тұрады?",
        sentAt: "2026-01-01T00:00:00.000Z",
      },
    });
  });

  it("keeps a hidden @lid id as the identity, without a phone", () => {
    const result = parseWahaEvent(
      wahaMessageEvent({ from: "145061239562340@lid", body: "Здравствуйте", timestamp: 1767225600 }),
    );
    expect(result).toMatchObject({
      kind: "message",
      message: {
        chatId: "145061239562340@lid",
        identity: { kind: "whatsapp", value: "145061239562340@lid" },
        phone: null,
      },
    });
  });

  it("gives a photo without a caption no text", () => {
    const result = parseWahaEvent(
      wahaMessageEvent({ from: "77011234567@c.us", body: "", hasMedia: true, timestamp: 1767225600 }),
    );
    expect(result).toMatchObject({ kind: "message", message: { text: null } });
  });

  it.each([
    ["a group", { from: "120363025246125486@g.us", participant: "77011234567@c.us" }],
    ["a status broadcast", { from: "status@broadcast" }],
    ["a channel", { from: "120363170000000000@newsletter" }],
  ])("ignores %s", (_kind, sender) => {
    const result = parseWahaEvent(
      wahaMessageEvent({ ...sender, body: "Всем привет", timestamp: 1767225600 }),
    );
    expect(result).toEqual({ kind: "ignored", reason: expect.stringContaining("not a direct chat") });
  });

  it.each(["message.any", "message.reaction", "message.ack", "session.status", "presence.update"])(
    "ignores the %s event",
    (event) => {
      const result = parseWahaEvent({
        ...realEvent,
        event,
        payload: { ...realEvent.payload, fromMe: false },
      });
      expect(result).toEqual({ kind: "ignored", reason: expect.stringContaining(event) });
    },
  );

  it("calls a message event without a sender, id or time invalid, and says what is missing", () => {
    const { from: _from, ...withoutFrom } = realEvent.payload;
    const result = parseWahaEvent({ ...realEvent, payload: { ...withoutFrom, fromMe: false } });
    expect(result).toEqual({ kind: "invalid", issues: expect.stringContaining("payload.from") });
    expect(
      parseWahaEvent({ event: "message", payload: { id: "x", from: "1@c.us", timestamp: "soon" } }),
    ).toMatchObject({
      kind: "invalid",
    });
    expect(parseWahaEvent("not an event")).toMatchObject({ kind: "invalid" });
    expect(parseWahaEvent({ session: "default" })).toEqual({
      kind: "invalid",
      issues: expect.stringContaining("event"),
    });
  });
});
