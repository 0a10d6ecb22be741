import {
  bearerToken,
  CallLog,
  delay,
  type FakeResponse,
  randomHex,
  readJson,
  startFakeHttpServer,
} from "./fakeHttpServer.ts";

/** The parts of a chat completion request the fake reads. */
export interface ChatCompletionRequest {
  model?: unknown;
  messages?: unknown;
  response_format?: unknown;
  [key: string]: unknown;
}

/** One request to the OpenAI fake, whatever its outcome. */
export interface OpenAiCall {
  method: string;
  path: string;
  /** The bearer key as received. */
  apiKey: string | null;
  /** The parsed JSON body (`{}` for requests without one). */
  body: ChatCompletionRequest;
  model: unknown;
  messages: unknown;
  response_format: unknown;
  at: number;
  status: number;
}

export interface FakeOpenAiOptions {
  /** When set, other keys answer 401 `invalid_api_key`; by default any key is accepted (and recorded). */
  apiKey?: string;
  models?: string[];
}

export interface FakeOpenAi {
  /** The host; the SDK's `baseURL` is `${url}/v1`. */
  url: string;
  close(): Promise<void>;
  /** What the assistant's content (JSON-serialised) is for each request; `null` restores the neutral default. */
  respondWith(build: ((request: ChatCompletionRequest) => unknown) | null): void;
  /** Delays every answer by `ms` (0 to stop). */
  slow(ms: number): void;
  /** The next completion answers this HTTP error (`Retry-After` when given). */
  failNext(status: number, retryAfterSeconds?: number): void;
  /** The next completion's content is JSON that matches no schema. */
  invalidNext(): void;
  /** The next completion's content is not JSON at all. */
  garbageNext(): void;
  readonly calls: readonly OpenAiCall[];
  waitFor(predicate: (call: OpenAiCall) => boolean, timeoutMs?: number): Promise<OpenAiCall>;
  /** Forgets calls, queued outcomes, the responder and the delay. */
  reset(): void;
}

type NextOutcome =
  | { kind: "fail"; status: number; retryAfterSeconds: number | undefined }
  | { kind: "invalid" }
  | { kind: "garbage" };

/** The neutral answer when the request carries no JSON schema: nothing extracted, intent "other", sentiment "neutral". */
export const neutralSignals = {
  language: null,
  name: null,
  city: null,
  budget_kzt: null,
  timeline_days: null,
  phone: null,
  intent: "other",
  sentiment: "neutral",
} as const;

/**
 * An OpenAI-compatible API: `POST /v1/chat/completions` answering a `chat.completion` whose assistant content is
 * a JSON string, and `GET /v1/models`. Errors use OpenAI's `{ error: { message, type, param, code } }`.
 */
export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const models = options.models ?? ["gpt-4o-mini", "gpt-4.1-mini"];
  const log = new CallLog<OpenAiCall>(
    (call) => `${call.method} ${call.path} model=${String(call.model)} → ${call.status}`,
  );
  const outcomes: NextOutcome[] = [];
  let responder: ((request: ChatCompletionRequest) => unknown) | null = null;
  let latencyMs = 0;

  const server = await startFakeHttpServer(async (request) => {
    await delay(latencyMs);
    const parsed = readJson(request.rawBody);
    const body: ChatCompletionRequest =
      typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? (parsed as ChatCompletionRequest)
        : {};
    const apiKey = bearerToken(request.headers);
    const answer = handle(request.method, request.path, body, apiKey);
    log.record({
      method: request.method,
      path: request.path,
      apiKey,
      body,
      model: body.model,
      messages: body.messages,
      response_format: body.response_format,
      at: request.at,
      status: answer.status,
    });
    return answer;
  });

  function handle(
    method: string,
    path: string,
    body: ChatCompletionRequest,
    apiKey: string | null,
  ): FakeResponse {
    if (apiKey === null || (options.apiKey !== undefined && apiKey !== options.apiKey)) {
      return openAiError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    }
    if (method === "GET" && path === "/v1/models") {
      return {
        status: 200,
        json: {
          object: "list",
          data: models.map((id) => ({ id, object: "model", created: 1_715_367_049, owned_by: "system" })),
        },
      };
    }
    if (method !== "POST" || path !== "/v1/chat/completions") {
      return openAiError(404, `Invalid URL (${method} ${path})`, "invalid_request_error", null);
    }
    if (typeof body.model !== "string" || !Array.isArray(body.messages)) {
      return openAiError(
        400,
        "you must provide a model parameter and messages",
        "invalid_request_error",
        null,
      );
    }
    const outcome = outcomes.shift();
    if (outcome?.kind === "fail") {
      return {
        ...openAiError(
          outcome.status,
          outcome.status === 429
            ? "Rate limit reached for requests"
            : "The server had an error while processing your request.",
          outcome.status === 429 ? "requests" : "server_error",
          outcome.status === 429 ? "rate_limit_exceeded" : null,
        ),
        ...(outcome.retryAfterSeconds !== undefined
          ? { headers: { "retry-after": String(outcome.retryAfterSeconds) } }
          : {}),
      };
    }
    const content =
      outcome?.kind === "garbage"
        ? "Sure! Here is what I found: the lead wants a quote"
        : outcome?.kind === "invalid"
          ? JSON.stringify({ intent: 42, sentiment: ["very", "positive"], unexpected: true })
          : JSON.stringify(responder ? responder(body) : neutralFor(body.response_format));
    const promptChars = JSON.stringify(body.messages).length;
    const promptTokens = Math.ceil(promptChars / 4);
    const completionTokens = Math.ceil(content.length / 4);
    return {
      status: 200,
      json: {
        id: `chatcmpl-${randomHex(12)}`,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content, refusal: null, annotations: [] },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
        system_fingerprint: "fp_fake",
      },
    };
  }

  return {
    url: server.url,
    close: () => server.close(),
    respondWith(build) {
      responder = build;
    },
    slow(ms) {
      latencyMs = ms;
    },
    failNext(status, retryAfterSeconds) {
      outcomes.push({ kind: "fail", status, retryAfterSeconds });
    },
    invalidNext() {
      outcomes.push({ kind: "invalid" });
    },
    garbageNext() {
      outcomes.push({ kind: "garbage" });
    },
    get calls() {
      return log.calls;
    },
    waitFor: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    reset() {
      log.reset();
      outcomes.length = 0;
      responder = null;
      latencyMs = 0;
    },
  };
}

/**
 * The neutral answer for the request's JSON schema (`response_format.json_schema.schema`): every property null
 * except `intent` ("other") and `sentiment` ("neutral"), or the first allowed value when an enum excludes those.
 */
function neutralFor(responseFormat: unknown): Record<string, unknown> {
  const properties = schemaProperties(responseFormat);
  if (!properties) return { ...neutralSignals };
  const neutral: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(properties)) {
    const preferred = key === "intent" ? "other" : key === "sentiment" ? "neutral" : null;
    const allowed = typeof schema === "object" && schema !== null && "enum" in schema ? schema.enum : null;
    if (preferred === null || !Array.isArray(allowed) || allowed.includes(preferred)) {
      neutral[key] = preferred;
    } else {
      neutral[key] = allowed.includes(null) ? null : (allowed[0] ?? null);
    }
  }
  return neutral;
}

function schemaProperties(responseFormat: unknown): Record<string, unknown> | null {
  if (typeof responseFormat !== "object" || responseFormat === null) return null;
  const jsonSchema = (responseFormat as { json_schema?: { schema?: { properties?: unknown } } }).json_schema;
  const properties = jsonSchema?.schema?.properties;
  return typeof properties === "object" && properties !== null
    ? (properties as Record<string, unknown>)
    : null;
}

function openAiError(status: number, message: string, type: string, code: string | null): FakeResponse {
  return { status, json: { error: { message, type, param: null, code } } };
}
