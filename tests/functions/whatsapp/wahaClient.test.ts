import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findFreePort } from "../../../packages/local/src/findFreePort.ts";
import { createWahaClient } from "../../../supabase/functions/_shared/wahaClient.ts";
import { type FakeWaha, startFakeWaha } from "../../fakes/fakeWaha.ts";
import { catchSendError } from "./catchSendError.ts";

const apiKey = "waha-api-key-0123456789abcdef";

describe("createWahaClient", () => {
  let waha: FakeWaha;
  let wahaWithStringIds: FakeWaha;

  beforeAll(async () => {
    [waha, wahaWithStringIds] = await Promise.all([
      startFakeWaha({ apiKey, sessions: ["kz-sales"] }),
      startFakeWaha({ idShape: "string" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([waha?.close(), wahaWithStringIds?.close()]);
  });
  beforeEach(() => {
    waha.reset();
    wahaWithStringIds.reset();
  });

  const client = (overrides: Partial<Parameters<typeof createWahaClient>[0]> = {}) =>
    createWahaClient({ baseUrl: `${waha.url}/`, apiKey, session: "kz-sales", ...overrides });

  it("posts {session, chatId, text} with the API key and answers WAHA's serialized message id", async () => {
    const sent = await client().sendText("77011234567@c.us", "Здравствуйте! В каком вы городе?");
    expect(sent.id).toMatch(/^true_77011234567@c\.us_[0-9A-F]{32}$/);
    expect(waha.sentTexts()).toEqual([
      {
        chatId: "77011234567@c.us",
        text: "Здравствуйте! В каком вы городе?",
        id: sent.id,
        session: "kz-sales",
      },
    ]);
    expect(waha.calls[0]).toMatchObject({
      method: "POST",
      path: "/api/sendText",
      apiKey,
      body: { session: "kz-sales", chatId: "77011234567@c.us", text: "Здравствуйте! В каком вы городе?" },
    });
  });

  it("reads a message id WAHA answers as a string, and sends no key when none is set", async () => {
    const sent = await createWahaClient({ baseUrl: wahaWithStringIds.url, session: "default" }).sendText(
      "77011234567@c.us",
      "Салем!",
    );
    expect(sent.id).toBe(wahaWithStringIds.sentTexts()[0]?.id);
    expect(wahaWithStringIds.calls[0]?.apiKey).toBeNull();
  });

  it("gives up on a wrong API key and asks for new credentials, without the key in the message", async () => {
    const error = await catchSendError(
      client({ apiKey: "wrong-key-0000" }).sendText("77011234567@c.us", "Привет"),
    );
    expect(error).toMatchObject({ status: 401, permanent: true, reauthenticate: true, retryable: false });
    expect(error.message).not.toContain("wrong-key-0000");
    expect(waha.sentTexts()).toHaveLength(0);
  });

  it("retries a 429 after the Retry-After WAHA gave, and a 5xx", async () => {
    waha.failNext(429, 7);
    const limited = await catchSendError(client().sendText("77011234567@c.us", "Привет"));
    expect(limited).toMatchObject({ status: 429, retryable: true, permanent: false, retryAfterSeconds: 7 });
    waha.failNext(503);
    const down = await catchSendError(client().sendText("77011234567@c.us", "Привет"));
    expect(down).toMatchObject({ status: 503, retryable: true, permanent: false, retryAfterSeconds: null });
    expect((await client().sendText("77011234567@c.us", "Привет")).id).toMatch(/^true_/);
  });

  it("gives up on a request WAHA refuses (4xx) and says why", async () => {
    const empty = await catchSendError(client().sendText("77011234567@c.us", ""));
    expect(empty).toMatchObject({ status: 400, permanent: true, retryable: false, reauthenticate: false });
    expect(empty.message).toContain("text must be a string");
  });

  it("waits for a session that is not working yet (422) instead of giving up", async () => {
    const stopped = await catchSendError(
      client({ session: "not-started" }).sendText("77011234567@c.us", "Привет"),
    );
    expect(stopped).toMatchObject({ status: 422, retryable: true, permanent: false });
  });

  it("retries when WAHA cannot be reached", async () => {
    const port = await findFreePort();
    const error = await catchSendError(
      createWahaClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey, session: "kz-sales" }).sendText(
        "77011234567@c.us",
        "Привет",
      ),
    );
    expect(error).toMatchObject({ retryable: true, permanent: false, uncertain: false, status: null });
    expect(error.message).not.toContain(apiKey);
  });

  it("calls a send that outlives the timeout uncertain, never retryable: WAHA may have sent it", async () => {
    waha.setLatency(400);
    const error = await catchSendError(client({ timeoutMs: 100 }).sendText("77011234567@c.us", "Привет"));
    expect(error).toMatchObject({ uncertain: true, retryable: false, permanent: false });
  });

  it("calls a 2xx without a message id uncertain", async () => {
    const answersNoId: typeof fetch = async () => new Response("{}", { status: 201 });
    const error = await catchSendError(client({ fetch: answersNoId }).sendText("77011234567@c.us", "Привет"));
    expect(error).toMatchObject({ uncertain: true, retryable: false, status: 201 });
  });
});
