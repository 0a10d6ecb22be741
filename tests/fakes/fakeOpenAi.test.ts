import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAi, neutralSignals, startFakeOpenAi } from "./fakeOpenAi.ts";

const signalsFormat = {
  type: "json_schema" as const,
  json_schema: {
    name: "lead_signals",
    strict: true,
    schema: {
      type: "object",
      properties: {
        city: { type: ["string", "null"] },
        budget_kzt: { type: ["integer", "null"] },
        intent: { type: "string", enum: ["buy", "price", "other"] },
        sentiment: { type: "string", enum: ["positive", "neutral", "negative"] },
      },
      required: ["city", "budget_kzt", "intent", "sentiment"],
      additionalProperties: false,
    },
  },
};

/** The official OpenAI SDK against the fake: what the extraction code sees is what the real API would answer. */
describe("fake OpenAI API (openai SDK)", () => {
  let fake: FakeOpenAi;
  let client: OpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    client = new OpenAI({ apiKey: "sk-test-fake-key", baseURL: `${fake.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await fake?.close();
  });
  beforeEach(() => fake.reset());

  const ask = (timeout?: number) =>
    client.chat.completions.create(
      {
        model: "gpt-4o-mini",
        messages: [
          { role: "system", content: "Extract lead signals." },
          { role: "user", content: "Нужен кондиционер в Алматы до 300 тысяч" },
        ],
        response_format: signalsFormat,
      },
      timeout === undefined ? undefined : { timeout },
    );

  it("answers a chat.completion whose content is neutral JSON fitting the request's schema", async () => {
    const completion = await ask();
    expect(completion).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", refusal: null } }],
    });
    expect(completion.usage?.total_tokens).toBe(
      (completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0),
    );
    expect(JSON.parse(completion.choices[0]?.message.content ?? "")).toEqual({
      city: null,
      budget_kzt: null,
      intent: "other",
      sentiment: "neutral",
    });
    expect(fake.calls[0]).toMatchObject({
      apiKey: "sk-test-fake-key",
      model: "gpt-4o-mini",
      response_format: signalsFormat,
    });
  });

  it("answers the fixed neutral object without a schema, and what respondWith builds", async () => {
    const plain = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "?" }],
    });
    expect(JSON.parse(plain.choices[0]?.message.content ?? "")).toEqual(neutralSignals);
    fake.respondWith((request) => ({
      city: "Алматы",
      budget_kzt: 300_000,
      intent: "buy",
      sentiment: "positive",
      seen: (request.messages as unknown[]).length,
    }));
    expect(JSON.parse((await ask()).choices[0]?.message.content ?? "")).toEqual({
      city: "Алматы",
      budget_kzt: 300_000,
      intent: "buy",
      sentiment: "positive",
      seen: 2,
    });
  });

  it("answers off-schema JSON, then non-JSON, once each", async () => {
    fake.invalidNext();
    fake.garbageNext();
    const invalid = JSON.parse((await ask()).choices[0]?.message.content ?? "");
    expect(invalid).not.toHaveProperty("city");
    expect(typeof invalid.intent).not.toBe("string");
    const garbage = (await ask()).choices[0]?.message.content ?? "";
    expect(() => JSON.parse(garbage)).toThrow();
    expect(JSON.parse((await ask()).choices[0]?.message.content ?? "")).toMatchObject({ intent: "other" });
  });

  it("fails the next request with the status asked for, as the SDK's error classes", async () => {
    fake.failNext(429, 3);
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    fake.failNext(500);
    await expect(ask()).rejects.toMatchObject({ status: 500 });
    expect((await ask()).choices).toHaveLength(1);
  });

  it("can be slower than a caller's budget", async () => {
    fake.slow(500);
    const started = performance.now();
    await expect(ask(100)).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(performance.now() - started).toBeLessThan(450);
  });

  it("lists models and refuses a request without a key", async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain("gpt-4o-mini");
    const response = await fetch(`${fake.url}/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "invalid_api_key" } });
  });
});
