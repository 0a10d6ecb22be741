import type { Sql } from "postgres";
import { type RawData, WebSocket } from "ws";
import { z } from "zod";
import { assignBindingIds } from "./assignBindingIds.ts";
import { checkSubscriberRole } from "./checkSubscriberRole.ts";
import type { ChangeDispatcher } from "./createChangeDispatcher.ts";
import type { ReplicationFeed } from "./createReplicationFeed.ts";
import { parseJoinPayload } from "./parseJoinPayload.ts";
import {
  decodeBinaryPushHeader,
  decodePhoenixFrame,
  encodePhoenixFrame,
  MalformedFrameError,
  type PhoenixMessage,
  type PhoenixVsn,
} from "./phoenixFrame.ts";
import { readWalPosition } from "./readWalPosition.ts";
import type { ChangeListener, ChangeSubscription } from "./realtimeTypes.ts";
import { resolveChangeBindings } from "./resolveChangeBindings.ts";
import { type ChannelAuth, describeExpiry, verifyChannelToken } from "./verifyChannelToken.ts";

export interface RealtimeConnectionOptions {
  ws: WebSocket;
  vsn: PhoenixVsn;
  /** The socket's `apikey`: the token of channels that join without an `access_token`. */
  apiKey: string;
  jwtSecret: string;
  sql: Sql;
  publication: string;
  feed: ReplicationFeed;
  dispatcher: ChangeDispatcher;
  log: (line: string) => void;
}

const broadcastUnsupported =
  "Broadcast is not supported by the local Supabase stand-in: messages sent on this channel reach no one. Use postgres_changes here, or a hosted Supabase project for Broadcast.";
const presenceUnsupported =
  "Presence is not supported by the local Supabase stand-in: nothing is tracked or synced on this channel. Use a hosted Supabase project for Presence.";
const privateUnsupported =
  "PrivateChannelsUnsupported: private channels (config.private, authorised by RLS on realtime.messages) are not supported by the local Supabase stand-in; join a public channel, or use a hosted Supabase project";

interface Channel {
  topic: string;
  subTopic: string;
  joinRef: string | null;
  auth: ChannelAuth;
  open: boolean;
  expiryTimer: NodeJS.Timeout | null;
  stopChanges: (() => void) | null;
  /** Resolves the listener's `joinedAt` (to null when the channel closes before its join reply). */
  settleJoin: (position: bigint | null) => void;
}

const accessTokenPayloadSchema = z.looseObject({ access_token: z.string().nullish() });
const longestTimerMs = 3_600_000;

/**
 * One realtime-js websocket, spoken to as Supabase Realtime's Phoenix endpoint: heartbeats on `phoenix`,
 * `phx_join`/`phx_leave` on `realtime:<name>`, `access_token` refreshes, and postgres_changes deliveries.
 * Messages are handled one at a time in arrival order.
 */
export function serveRealtimeConnection(options: RealtimeConnectionOptions): void {
  const { ws, vsn } = options;
  const channels = new Map<string, Channel>();
  let queue: Promise<void> = Promise.resolve();
  let socketClosed = false;

  const send = (message: PhoenixMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(encodePhoenixFrame(message, vsn));
  };
  const reply = (request: Omit<PhoenixMessage, "payload">, status: "ok" | "error", response: unknown) =>
    send({
      joinRef: request.joinRef,
      ref: request.ref,
      topic: request.topic,
      event: "phx_reply",
      payload: { status, response },
    });
  const push = (channel: Channel, event: string, payload: unknown) =>
    send({ joinRef: channel.joinRef, ref: null, topic: channel.topic, event, payload });
  const system = (channel: Channel, extension: string, status: "ok" | "error", message: string) =>
    push(channel, "system", { extension, status, message, channel: channel.subTopic });

  const closeChannel = (channel: Channel) => {
    channel.open = false;
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    channel.stopChanges?.();
    channel.settleJoin(null);
    if (channels.get(channel.topic) === channel) channels.delete(channel.topic);
  };
  const sendClose = (channel: Channel) =>
    send({
      joinRef: channel.joinRef,
      ref: channel.joinRef,
      topic: channel.topic,
      event: "phx_close",
      payload: {},
    });
  /** Supabase's shutdown: a `system` error naming why, then `phx_close`. */
  const shutdown = (channel: Channel, message: string) => {
    if (!channel.open) return;
    system(channel, "system", "error", message);
    sendClose(channel);
    closeChannel(channel);
  };

  const watchExpiry = (channel: Channel) => {
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    const delay = Math.min(Math.max(0, channel.auth.expiresAt - Date.now()), longestTimerMs);
    channel.expiryTimer = setTimeout(() => {
      if (!channel.open) return;
      if (Date.now() >= channel.auth.expiresAt) shutdown(channel, describeExpiry(channel.auth.expiresAt));
      else watchExpiry(channel);
    }, delay + 20);
  };

  async function join(message: PhoenixMessage): Promise<void> {
    const { topic } = message;
    const joinRef = message.joinRef ?? message.ref;
    if (!topic.startsWith("realtime:")) {
      reply(message, "error", { reason: "unmatched topic" });
      return;
    }
    const subTopic = topic.slice("realtime:".length);
    if (subTopic === "") {
      reply(message, "error", { reason: "TopicNameRequired: You must provide a topic name" });
      return;
    }
    const previous = channels.get(topic);
    if (previous) {
      sendClose(previous);
      closeChannel(previous);
    }
    const parsed = parseJoinPayload(message.payload);
    if (!parsed.ok) {
      reply(message, "error", { reason: parsed.reason });
      return;
    }
    const config = parsed.payload.config;
    if (config?.private) {
      reply(message, "error", { reason: privateUnsupported });
      return;
    }
    if (config?.broadcast?.replay !== undefined) {
      reply(message, "error", {
        reason: "UnableToReplayMessages: Replay is not allowed for public channels",
      });
      return;
    }
    const requested = parsed.payload.access_token ?? parsed.payload.user_token;
    const token = requested && !requested.startsWith("sb_") ? requested : options.apiKey;
    const check = await verifyChannelToken(token, options.jwtSecret);
    if (!check.ok) {
      reply(message, "error", { reason: check.reason });
      return;
    }

    const { bindings } = parsed;
    const ids = assignBindingIds(bindings);
    let problem: string | null = null;
    let subscriptions: ChangeSubscription[] = [];
    if (bindings.length > 0) {
      const status = await options.feed.ensureStarted();
      if (!status.ok) problem = status.message;
      else {
        const resolved = await resolveChangeBindings(
          options.sql,
          options.publication,
          check.auth.role,
          bindings,
          ids,
        );
        if (resolved.ok) subscriptions = resolved.subscriptions;
        else problem = resolved.message;
      }
      if (problem && config?.postgres_changes_options?.wait) {
        reply(message, "error", { reason: `RealtimeDisabledForConfiguration: ${problem}` });
        return;
      }
    }

    if (socketClosed) return;
    const channel: Channel = {
      topic,
      subTopic,
      joinRef,
      auth: check.auth,
      open: true,
      expiryTimer: null,
      stopChanges: null,
      settleJoin: () => {},
    };
    channels.set(topic, channel);
    let joinedAt: bigint | null = null;
    if (subscriptions.length > 0) {
      const listener: ChangeListener = {
        subscriptions,
        auth: () => channel.auth,
        joinedAt: new Promise((resolve) => {
          channel.settleJoin = resolve;
        }),
        isOpen: () => channel.open,
        deliver: (payload) => send({ joinRef: null, ref: null, topic, event: "postgres_changes", payload }),
        expire: () => shutdown(channel, describeExpiry(channel.auth.expiresAt)),
        notify: (status, text) =>
          system(channel, "postgres_changes", status, status === "ok" ? "Subscribed to PostgreSQL" : text),
      };
      channel.stopChanges = options.dispatcher.register(listener);
      try {
        joinedAt = await readWalPosition(options.sql);
      } catch (error) {
        problem = `Unable to subscribe to changes: ${error instanceof Error ? error.message : String(error)}`;
        channel.stopChanges();
        channel.stopChanges = null;
        channel.settleJoin(null);
      }
    }
    if (!channel.open) return;

    reply(message, "ok", {
      postgres_changes: bindings.map((binding, index) => ({ ...binding, id: ids[index] })),
    });
    channel.settleJoin(joinedAt);
    watchExpiry(channel);
    if (bindings.length > 0) {
      system(channel, "postgres_changes", problem ? "error" : "ok", problem ?? "Subscribed to PostgreSQL");
    }
    if (config?.presence?.enabled) system(channel, "presence", "error", presenceUnsupported);
    if (bindings.length === 0 || config?.broadcast?.self || config?.broadcast?.ack) {
      system(channel, "broadcast", "error", broadcastUnsupported);
    }
    if (config?.broadcast?.replication_ready) {
      const status = await options.feed.ensureStarted();
      if (status.ok) system(channel, "system", "ok", "Replication connection established");
      else shutdown(channel, "Replication connection was not established in time");
    }
  }

  async function refreshToken(channel: Channel, payload: unknown): Promise<void> {
    const parsed = accessTokenPayloadSchema.safeParse(payload);
    const token = parsed.success ? parsed.data.access_token : null;
    if (!token || token.startsWith("sb_") || token === channel.auth.token) return;
    const check = await verifyChannelToken(token, options.jwtSecret);
    if (!channel.open) return;
    if (!check.ok) {
      shutdown(channel, check.message);
      return;
    }
    if (check.auth.role !== channel.auth.role && channel.stopChanges) {
      const roleProblem = await checkSubscriberRole(options.sql, check.auth.role);
      if (roleProblem) {
        shutdown(channel, roleProblem);
        return;
      }
    }
    channel.auth = check.auth;
    watchExpiry(channel);
  }

  async function handle(data: RawData, isBinary: boolean): Promise<void> {
    const buffer = Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.isBuffer(data)
        ? data
        : Buffer.from(new Uint8Array(data));
    if (isBinary) {
      const header = decodeBinaryPushHeader(buffer);
      if (header && channels.has(header.topic)) reply(header, "error", { reason: broadcastUnsupported });
      return;
    }
    let message: PhoenixMessage;
    try {
      message = decodePhoenixFrame(buffer.toString("utf8"), vsn);
    } catch (error) {
      if (error instanceof MalformedFrameError) {
        options.log(`[realtime] dropped a frame: ${error.message}`);
        return;
      }
      throw error;
    }
    if (message.topic === "phoenix") {
      if (message.event === "heartbeat") reply(message, "ok", {});
      return;
    }
    if (message.event === "phx_join") {
      await join(message).catch((error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        options.log(`[realtime] join of ${message.topic} failed: ${detail}`);
        const channel = channels.get(message.topic);
        if (channel?.joinRef === (message.joinRef ?? message.ref)) closeChannel(channel);
        reply(message, "error", { reason: `UnknownErrorOnChannel: ${detail}` });
      });
      return;
    }
    const channel = channels.get(message.topic);
    if (!channel || (message.joinRef !== null && message.joinRef !== channel.joinRef)) {
      reply(message, "error", { reason: "unmatched topic" });
      return;
    }
    switch (message.event) {
      case "phx_leave":
        reply(message, "ok", {});
        sendClose(channel);
        closeChannel(channel);
        return;
      case "access_token":
        await refreshToken(channel, message.payload);
        return;
      case "broadcast":
        reply(message, "error", { reason: broadcastUnsupported });
        return;
      case "presence":
        reply(message, "error", { reason: presenceUnsupported });
        return;
      default:
        return;
    }
  }

  ws.on("message", (data, isBinary) => {
    queue = queue
      .then(() => handle(data, isBinary))
      .catch((error: unknown) =>
        options.log(`[realtime] ${error instanceof Error ? error.message : String(error)}`),
      );
  });
  ws.on("error", (error) => options.log(`[realtime] websocket error: ${error.message}`));
  ws.on("close", () => {
    socketClosed = true;
    for (const channel of [...channels.values()]) closeChannel(channel);
  });
}
