import {
  bearerToken,
  CallLog,
  delay,
  type FakeResponse,
  randomHex,
  readJson,
  startFakeHttpServer,
} from "./fakeHttpServer.ts";

/** One request to the Cloud API fake, whatever its outcome. */
export interface WhatsappCloudCall {
  method: string;
  path: string;
  /** The Graph API version from the path, e.g. "v21.0". */
  version: string | null;
  phoneNumberId: string | null;
  /** The bearer token as received. */
  accessToken: string | null;
  body: unknown;
  at: number;
  status: number;
}

/** A Graph API error to answer with: `{ error: { message, type, code, error_subcode?, fbtrace_id } }`. */
export interface GraphFailure {
  status: number;
  code: number;
  message: string;
  subcode?: number;
  type?: string;
  /** Sent as a `Retry-After` header (the Graph API rarely does; tests of the header use it). */
  retryAfterSeconds?: number;
}

export interface FakeWhatsappCloudOptions {
  /** The token every request must carry as `Authorization: Bearer …`. */
  accessToken: string;
  /** Business phone number ids that exist. */
  phoneNumberIds: string[];
}

export interface FakeWhatsappCloud {
  /** The Graph API host; a client's `apiRoot` is `${url}/v21.0`. */
  url: string;
  close(): Promise<void>;
  failNext(failure: GraphFailure): void;
  /** Messages to `to` (wa_id or BSUID) fail with 131047: more than 24 hours since the user last wrote. */
  windowClosed(to: string): void;
  /** Undoes `windowClosed`, as a new message from the user would. */
  windowOpened(to: string): void;
  setLatency(ms: number): void;
  readonly calls: readonly WhatsappCloudCall[];
  /** Message bodies accepted, in order, with the wamid answered. */
  sentMessages(to?: string): { to: string; id: string; body: Record<string, unknown> }[];
  waitFor(predicate: (call: WhatsappCloudCall) => boolean, timeoutMs?: number): Promise<WhatsappCloudCall>;
  /** Forgets calls, sent messages, queued failures, closed windows and latency. */
  reset(): void;
}

/**
 * The WhatsApp Cloud API send endpoint: `POST /{version}/{phone number id}/messages` with a bearer token,
 * answering `{ messaging_product, contacts: [{ input, wa_id }], messages: [{ id: "wamid.…" }] }` or a Graph error.
 */
export async function startFakeWhatsappCloud(options: FakeWhatsappCloudOptions): Promise<FakeWhatsappCloud> {
  const log = new CallLog<WhatsappCloudCall>(
    (call) => `${call.method} ${call.path} ${JSON.stringify(call.body)} → ${call.status}`,
  );
  const failures: GraphFailure[] = [];
  const closedWindows = new Set<string>();
  const sent: { to: string; id: string; body: Record<string, unknown> }[] = [];
  let latencyMs = 0;

  const server = await startFakeHttpServer(async (request) => {
    await delay(latencyMs);
    const match = /^\/(v\d+\.\d+)\/([^/]+)\/messages$/.exec(request.path);
    const body = readJson(request.rawBody);
    const accessToken = bearerToken(request.headers);
    const answer = handle(request.method, match, body, accessToken);
    log.record({
      method: request.method,
      path: request.path,
      version: match?.[1] ?? null,
      phoneNumberId: match?.[2] ?? null,
      accessToken,
      body,
      at: request.at,
      status: answer.status,
    });
    return answer;
  });

  function handle(
    method: string,
    match: RegExpExecArray | null,
    body: unknown,
    accessToken: string | null,
  ): FakeResponse {
    if (accessToken === null) {
      return graphError({
        status: 400,
        code: 2500,
        message: "An active access token must be used to query information about the current user.",
        type: "OAuthException",
      });
    }
    if (accessToken !== options.accessToken) {
      return graphError({
        status: 401,
        code: 190,
        message: "Invalid OAuth access token - Cannot parse access token",
        type: "OAuthException",
      });
    }
    const phoneNumberId = match?.[2];
    if (method !== "POST" || !phoneNumberId) {
      return graphError({
        status: 400,
        code: 100,
        message: "Unknown path components",
        type: "OAuthException",
      });
    }
    if (!options.phoneNumberIds.includes(phoneNumberId)) {
      return graphError({
        status: 400,
        code: 100,
        subcode: 33,
        message: `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        type: "GraphMethodException",
      });
    }
    const failure = failures.shift();
    if (failure) return graphError(failure);
    const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
    const to =
      typeof fields.to === "string"
        ? fields.to
        : typeof fields.recipient === "string"
          ? fields.recipient
          : null;
    if (fields.messaging_product !== "whatsapp") {
      return graphError({
        status: 400,
        code: 100,
        message: "(#100) The parameter messaging_product is required.",
      });
    }
    if (to === null)
      return graphError({ status: 400, code: 100, message: "(#100) The parameter to is required." });
    const problem = checkContent(fields);
    if (problem) return graphError({ status: 400, code: 100, message: `(#100) ${problem}` });
    if (closedWindows.has(to) || closedWindows.has(to.replace(/^\+/, ""))) {
      return graphError({
        status: 400,
        code: 131047,
        message: "(#131047) Re-engagement message",
        extra: {
          error_data: {
            messaging_product: "whatsapp",
            details:
              "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
          },
        },
      });
    }
    const id = `wamid.${Buffer.from(randomHex(24)).toString("base64")}`;
    sent.push({ to, id, body: fields });
    const isPhone = typeof fields.to === "string";
    return {
      status: 200,
      json: {
        messaging_product: "whatsapp",
        contacts: [isPhone ? { input: to, wa_id: to.replace(/^\+/, "") } : { input: to, user_id: to }],
        messages: [{ id }],
      },
    };
  }

  return {
    url: server.url,
    close: () => server.close(),
    failNext(failure) {
      failures.push(failure);
    },
    windowClosed(to) {
      closedWindows.add(to);
    },
    windowOpened(to) {
      closedWindows.delete(to);
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    get calls() {
      return log.calls;
    },
    sentMessages(to) {
      return sent.filter((item) => to === undefined || item.to === to);
    },
    waitFor: (predicate, timeoutMs) => log.waitFor(predicate, timeoutMs),
    reset() {
      log.reset();
      failures.length = 0;
      closedWindows.clear();
      sent.length = 0;
      latencyMs = 0;
    },
  };
}

/** The documented limits of what a bot sends here: text ≤ 4096, reply buttons 1–3 with titles ≤ 20, list rows ≤ 10. */
function checkContent(fields: Record<string, unknown>): string | null {
  const content = fields[String(fields.type)];
  if (typeof content !== "object" || content === null)
    return `The parameter ${String(fields.type)} is required.`;
  if (fields.type === "text") {
    const body = (content as { body?: unknown }).body;
    if (typeof body !== "string" || body === "") return "The parameter text['body'] is required.";
    if (body.length > 4096) return "Param text['body'] must be at most 4096 characters long.";
    return null;
  }
  if (fields.type === "interactive") {
    const interactive = content as {
      type?: unknown;
      body?: { text?: unknown };
      action?: {
        buttons?: { reply?: { id?: unknown; title?: unknown } }[];
        button?: unknown;
        sections?: { rows?: unknown[] }[];
      };
    };
    const text = interactive.body?.text;
    if (typeof text !== "string" || text === "")
      return "The parameter interactive['body']['text'] is required.";
    if (text.length > 1024) return "Param interactive['body']['text'] must be at most 1024 characters long.";
    if (interactive.type === "button") {
      const buttons = interactive.action?.buttons ?? [];
      if (buttons.length < 1 || buttons.length > 3)
        return "Param interactive['action']['buttons'] must have 1-3 items.";
      for (const button of buttons) {
        const title = button.reply?.title;
        if (typeof title !== "string" || title.length < 1 || title.length > 20) {
          return "Param interactive['action']['buttons'][]['reply']['title'] must be 1-20 characters long.";
        }
      }
      return null;
    }
    if (interactive.type === "list") {
      const label = interactive.action?.button;
      if (typeof label !== "string" || label.length < 1 || label.length > 20) {
        return "Param interactive['action']['button'] must be 1-20 characters long.";
      }
      const rows = (interactive.action?.sections ?? []).flatMap((section) => section.rows ?? []);
      if (rows.length < 1 || rows.length > 10)
        return "Param interactive['action']['sections'] must have 1-10 rows in total.";
      return null;
    }
    return "Param interactive['type'] is invalid.";
  }
  return null;
}

function graphError(failure: GraphFailure & { extra?: Record<string, unknown> }): FakeResponse {
  return {
    status: failure.status,
    json: {
      error: {
        message: failure.message,
        type: failure.type ?? "OAuthException",
        code: failure.code,
        ...(failure.subcode !== undefined ? { error_subcode: failure.subcode } : {}),
        ...failure.extra,
        fbtrace_id: `A${randomHex(10)}`,
      },
    },
    ...(failure.retryAfterSeconds !== undefined
      ? { headers: { "retry-after": String(failure.retryAfterSeconds) } }
      : {}),
  };
}
