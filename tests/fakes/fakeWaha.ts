import {
  CallLog,
  delay,
  type FakeResponse,
  headerValue,
  randomHex,
  readJson,
  startFakeHttpServer,
} from "./fakeHttpServer.ts";

/** One request to the WAHA fake, whatever its outcome. */
export interface WahaCall {
  method: string;
  /** e.g. `/api/sendText`. */
  path: string;
  /** The parsed JSON body (null when absent or not JSON). */
  body: unknown;
  /** The `X-Api-Key` header as received. */
  apiKey: string | null;
  at: number;
  status: number;
}

export interface FakeWahaOptions {
  /** When set, requests without this `X-Api-Key` answer 401. */
  apiKey?: string;
  /** Session names that are WORKING; others answer 422. Default ["default"]. */
  sessions?: string[];
  /**
   * The shape of the message id in the sendText answer: WEBJS answers an object
   * (`{ fromMe, remote, id, _serialized }`), other engines a string. Default "object".
   */
  idShape?: "object" | "string";
  /** The connected account's own id (`me`). */
  me?: string;
}

export interface FakeWaha {
  /** The WAHA base URL, e.g. for `createWahaClient({ baseUrl: fake.url })`. */
  url: string;
  close(): Promise<void>;
  /** The next request to a send endpoint answers `status` (with `Retry-After` when given) instead of succeeding. */
  failNext(status: number, retryAfterSeconds?: number): void;
  setLatency(ms: number): void;
  readonly calls: readonly WahaCall[];
  /** Texts sent successfully through /api/sendText, in order. */
  sentTexts(chatId?: string): { chatId: string; text: string; id: string; session: string }[];
  waitFor(predicate: (call: WahaCall) => boolean, timeoutMs?: number): Promise<WahaCall>;
  /** Forgets calls, sent texts, queued failures and latency. */
  reset(): void;
}

/**
 * WAHA (WhatsApp HTTP API) as a bot uses it: `POST /api/sendText` {session, chatId, text} answering the created
 * message (201, NestJS's default for POST), and `POST /api/sendSeen`, `/api/startTyping`, `/api/stopTyping`.
 * Errors are NestJS-shaped: `{ statusCode, message, error }`.
 */
export async function startFakeWaha(options: FakeWahaOptions = {}): Promise<FakeWaha> {
  const sessions = new Set(options.sessions ?? ["default"]);
  const idShape = options.idShape ?? "object";
  const me = options.me ?? "77000000000@c.us";
  const log = new CallLog<WahaCall>(
    (call) => `${call.method} ${call.path} ${JSON.stringify(call.body)} → ${call.status}`,
  );
  const failures: { status: number; retryAfterSeconds: number | undefined }[] = [];
  const sent: { chatId: string; text: string; id: string; session: string }[] = [];
  let latencyMs = 0;

  const server = await startFakeHttpServer(async (request) => {
    await delay(latencyMs);
    const body = readJson(request.rawBody);
    const apiKey = headerValue(request.headers, "x-api-key");
    const answer = handle(request.method, request.path, body, apiKey);
    log.record({
      method: request.method,
      path: request.path,
      body,
      apiKey,
      at: request.at,
      status: answer.status,
    });
    return answer;
  });

  function handle(method: string, path: string, body: unknown, apiKey: string | null): FakeResponse {
    if (options.apiKey !== undefined && apiKey !== options.apiKey) return nestError(401, "Unauthorized");
    const endpoint = ["/api/sendText", "/api/sendSeen", "/api/startTyping", "/api/stopTyping"].find(
      (p) => p === path,
    );
    if (!endpoint) return nestError(404, `Cannot ${method} ${path}`);
    if (method !== "POST") return nestError(404, `Cannot ${method} ${path}`);
    const failure = failures.shift();
    if (failure) {
      return {
        ...nestError(failure.status, failure.status === 429 ? "Too Many Requests" : "Simulated failure"),
        ...(failure.retryAfterSeconds !== undefined
          ? { headers: { "retry-after": String(failure.retryAfterSeconds) } }
          : {}),
      };
    }
    const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const missing = ["session", "chatId", ...(endpoint === "/api/sendText" ? ["text"] : [])].filter(
      (key) => typeof fields[key] !== "string" || fields[key] === "",
    );
    if (missing.length > 0)
      return nestError(
        400,
        missing.map((key) => `${key} must be a string`),
      );
    const session = String(fields.session);
    if (!sessions.has(session)) {
      return nestError(422, `Session status is not as expected. Try again later or restart the session`);
    }
    if (endpoint !== "/api/sendText") return { status: 201, json: {} };
    const chatId = String(fields.chatId);
    const text = String(fields.text);
    const shortId = randomHex(16).toUpperCase();
    const serialized = `true_${chatId}_${shortId}`;
    sent.push({ chatId, text, id: serialized, session });
    const timestamp = Math.floor(Date.now() / 1000);
    const idObject = { fromMe: true, remote: chatId, id: shortId, _serialized: serialized };
    return {
      status: 201,
      json: {
        id: idShape === "object" ? idObject : serialized,
        ack: 0,
        hasMedia: false,
        body: text,
        type: "chat",
        timestamp,
        from: me,
        to: chatId,
        fromMe: true,
        hasQuotedMsg: false,
        vCards: [],
        mentionedIds: [],
        links: [],
        _data: { id: idObject, body: text, type: "chat", t: timestamp, ack: 0, isNewMsg: true },
      },
    };
  }

  return {
    url: server.url,
    close: () => server.close(),
    failNext(status, retryAfterSeconds) {
      failures.push({ status, retryAfterSeconds });
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    get calls() {
      return log.calls;
    },
    sentTexts(chatId) {
      return sent.filter((item) => chatId === undefined || item.chatId === chatId);
    },
    waitFor: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    reset() {
      log.reset();
      failures.length = 0;
      sent.length = 0;
      latencyMs = 0;
    },
  };
}

function nestError(statusCode: number, message: string | string[]): FakeResponse {
  const error: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
  };
  return { status: statusCode, json: { statusCode, message, error: error[statusCode] ?? "Error" } };
}
