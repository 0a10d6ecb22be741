import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWhatsappCloudClient } from "../../../supabase/functions/_shared/whatsappCloudClient.ts";
import { type FakeWhatsappCloud, startFakeWhatsappCloud } from "../../fakes/fakeWhatsappCloud.ts";
import { catchSendError } from "./catchSendError.ts";

const accessToken = "EAAGm0PX4ZCpsBAFakeAccessTokenForArqanTests0123456789";
const phoneNumberId = "106540352242922";

describe("createWhatsappCloudClient", () => {
  let cloud: FakeWhatsappCloud;

  beforeAll(async () => {
    cloud = await startFakeWhatsappCloud({ accessToken, phoneNumberIds: [phoneNumberId] });
  });
  afterAll(async () => {
    await cloud?.close();
  });
  beforeEach(() => cloud.reset());

  const client = (overrides: Partial<Parameters<typeof createWhatsappCloudClient>[0]> = {}) =>
    createWhatsappCloudClient({ apiRoot: `${cloud.url}/v21.0`, phoneNumberId, accessToken, ...overrides });
  const lastBody = () => cloud.sentMessages().at(-1)?.body;

  it("sends a text with the bearer token to /{version}/{phone number id}/messages and answers the wamid", async () => {
    const sent = await client().sendText("+77011234567", "Здравствуйте! Какой у вас бюджет?");
    expect(sent.id).toMatch(/^wamid\./);
    expect(cloud.calls[0]).toMatchObject({ version: "v21.0", phoneNumberId, accessToken, status: 200 });
    expect(lastBody()).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "77011234567",
      type: "text",
      text: { body: "Здравствуйте! Какой у вас бюджет?", preview_url: false },
    });
    expect(cloud.sentMessages()[0]?.id).toBe(sent.id);
  });

  it("addresses a business-scoped user id through `recipient`", async () => {
    await client().sendText("KZ.1502576394655843", "Салем!");
    expect(lastBody()).toMatchObject({ recipient: "KZ.1502576394655843" });
    expect(lastBody()).not.toHaveProperty("to");
  });

  it("offers up to three options as reply buttons, labels cut to 20 characters", async () => {
    await client().sendText("77011234567", "Когда планируете покупку?", [
      { value: "timeline:7", label: "На этой неделе" },
      { value: "timeline:30", label: "В течение месяца, не раньше" },
    ]);
    expect(lastBody()).toMatchObject({
      type: "interactive",
      interactive: {
        type: "button",
        body: { text: "Когда планируете покупку?" },
        action: {
          buttons: [
            { type: "reply", reply: { id: "timeline:7", title: "На этой неделе" } },
            { type: "reply", reply: { id: "timeline:30", title: "В течение месяца, н…" } },
          ],
        },
      },
    });
  });

  it("offers four to ten options as a list, and more as numbered text", async () => {
    const cities = ["Алматы", "Астана", "Шымкент", "Караганда", "Актобе"].map((label) => ({
      value: label,
      label,
    }));
    await client().sendText("77011234567", "В каком вы городе?", cities, {
      listButtonLabel: "Қаланы таңдау",
    });
    expect(lastBody()).toMatchObject({
      type: "interactive",
      interactive: {
        type: "list",
        action: {
          button: "Қаланы таңдау",
          sections: [{ rows: cities.map(({ value, label }) => ({ id: value, title: label })) }],
        },
      },
    });
    const many = Array.from({ length: 11 }, (_, index) => ({
      value: String(index),
      label: `Вариант ${index + 1}`,
    }));
    await client().sendText("77011234567", "Выберите", many);
    expect(lastBody()).toMatchObject({
      type: "text",
      text: { body: expect.stringContaining("\n\n1. Вариант 1\n2. Вариант 2") },
    });
    expect(lastBody()).toMatchObject({
      text: { body: expect.stringMatching(/\n10\. Вариант 10\n11\. Вариант 11$/) },
    });
  });

  it("reports a closed 24-hour window (131047) as outside the window and permanent", async () => {
    cloud.windowClosed("77011234567");
    const error = await catchSendError(client().sendText("77011234567", "Вы ещё думаете?"));
    expect(error).toMatchObject({
      outsideWindow: true,
      permanent: true,
      retryable: false,
      providerCode: 131047,
      status: 400,
    });
    expect(cloud.sentMessages()).toHaveLength(0);
  });

  it.each([130429, 131048, 131056, 80007, 4, 613])(
    "retries the rate limit %i, honouring Retry-After",
    async (code) => {
      cloud.failNext({ status: 400, code, message: "(#130429) Rate limit hit", retryAfterSeconds: 30 });
      const error = await catchSendError(client().sendText("77011234567", "Привет"));
      expect(error).toMatchObject({
        retryable: true,
        permanent: false,
        providerCode: code,
        retryAfterSeconds: 30,
      });
    },
  );

  it("retries a 5xx", async () => {
    cloud.failNext({
      status: 503,
      code: 2,
      message: "Service temporarily unavailable",
      type: "OAuthException",
    });
    expect(await catchSendError(client().sendText("77011234567", "Привет"))).toMatchObject({
      retryable: true,
      status: 503,
      retryAfterSeconds: null,
    });
  });

  it("asks for new credentials on an invalid token (190) and never shows the token", async () => {
    const error = await catchSendError(
      client({ accessToken: "EAAWrongTokenWrongTokenWrongToken" }).sendText("77011234567", "Привет"),
    );
    expect(error).toMatchObject({
      reauthenticate: true,
      permanent: true,
      retryable: false,
      providerCode: 190,
      status: 401,
    });
    expect(error.message).not.toContain("EAAWrongTokenWrongTokenWrongToken");
    cloud.failNext({ status: 400, code: 100, message: `(#100) Invalid parameter near ${accessToken}` });
    const echoed = await catchSendError(client().sendText("77011234567", "Привет"));
    expect(echoed.message).not.toContain(accessToken);
    expect(echoed.message).toContain("[redacted]");
  });

  it("gives up on other refusals (an unknown number id, a bad parameter)", async () => {
    const unknownNumber = await catchSendError(
      client({ phoneNumberId: "999" }).sendText("77011234567", "Привет"),
    );
    expect(unknownNumber).toMatchObject({
      permanent: true,
      retryable: false,
      reauthenticate: false,
      providerCode: 100,
    });
    expect(unknownNumber.message).toContain("does not exist");
  });

  it("calls a send that outlives the timeout uncertain", async () => {
    cloud.setLatency(400);
    const error = await catchSendError(client({ timeoutMs: 100 }).sendText("77011234567", "Привет"));
    expect(error).toMatchObject({ uncertain: true, retryable: false, permanent: false });
  });
});
