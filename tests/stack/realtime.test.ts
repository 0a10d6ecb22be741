import { once } from "node:events";
import {
  createClient,
  type RealtimeChannel,
  type RealtimePostgresChangesFilter,
  type RealtimePostgresChangesPayload,
  type SupabaseClient,
  type WebSocketLikeConstructor,
} from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { signJwt } from "../../packages/local/src/api/jwt.ts";
import { startTestStack, type TestStack } from "../support/testStack.ts";

type Row = Record<string, unknown>;
type Change = RealtimePostgresChangesPayload<Row>;

interface Listening {
  channel: RealtimeChannel;
  changes: Change[];
  system: Row[];
  statuses: string[];
}

const workspaceA = "00000000-0000-4000-8000-00000000000a";
const workspaceB = "00000000-0000-4000-8000-00000000000b";
const workspaceCrowd = "00000000-0000-4000-8000-00000000000c";
const userA = "00000000-0000-4000-8000-0000000000a1";
const userB = "00000000-0000-4000-8000-0000000000b1";
const crowd = Array.from(
  { length: 20 },
  (_, i) => `00000000-0000-4000-8000-0000000010${String(i).padStart(2, "0")}`,
);
const items = { event: "*", schema: "public", table: "rt_items" } as const;

/** `ws` implements the browser WebSocket API realtime-js drives (Node 20 has none); only its event typings differ. */
function isTransport(candidate: unknown): candidate is WebSocketLikeConstructor {
  return typeof candidate === "function" && "OPEN" in candidate;
}
if (!isTransport(WebSocket)) throw new Error("ws does not export a WebSocket constructor");
const transport = WebSocket;

const waitUntil = (check: () => boolean) =>
  vi.waitFor(
    () => {
      if (!check()) throw new Error("not yet");
    },
    // Generous for a loaded CI machine; a change that never comes still fails.
    { timeout: 20_000, interval: 20 },
  );

/** A websocket speaking Phoenix to the stand-in directly, recording every frame it receives. */
async function openRawSocket(stack: TestStack, sockets: WebSocket[], vsn: "1.0.0" | "2.0.0" = "2.0.0") {
  const url = `${stack.apiUrl.replace(/^http/, "ws")}/realtime/v1/websocket?apikey=${stack.anonKey}&vsn=${vsn}`;
  const ws = new WebSocket(url);
  sockets.push(ws);
  const frames: unknown[] = [];
  ws.on("message", (data) => frames.push(JSON.parse(String(data))));
  await once(ws, "open");
  const send = (frame: unknown) => ws.send(JSON.stringify(frame));
  const next = async (matches: (frame: unknown) => boolean): Promise<unknown> => {
    await waitUntil(() => frames.some(matches));
    return frames.find(matches);
  };
  return { ws, frames, send, next };
}

const isArrayFrame = (frame: unknown, topic: string, event: string, ref?: string) =>
  Array.isArray(frame) && frame[2] === topic && frame[3] === event && (ref === undefined || frame[1] === ref);

/** Realtime through supabase-js against the local stand-in: postgres_changes under RLS, as on Supabase. */
describe("Realtime postgres_changes", () => {
  let stack: TestStack;
  let tokenA: string;
  let tokenB: string;
  const clients: SupabaseClient[] = [];
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    const { sql } = stack.db;
    await sql.unsafe(`
      create table public.rt_workspaces (id uuid primary key, name text not null);
      create table public.rt_members (
        workspace_id uuid not null references public.rt_workspaces (id),
        user_id uuid not null references auth.users (id),
        primary key (workspace_id, user_id)
      );
      create table public.rt_items (
        id uuid primary key default gen_random_uuid(),
        workspace_id uuid not null references public.rt_workspaces (id),
        title text not null,
        score int not null default 0,
        tags text[] not null default '{}',
        meta jsonb not null default '{}',
        created_at timestamptz not null default now()
      );
      alter table public.rt_items enable row level security;
      alter table public.rt_items replica identity full;
      create policy "members read items of their workspace" on public.rt_items for select to authenticated
        using (exists (select 1 from public.rt_members m where m.workspace_id = rt_items.workspace_id and m.user_id = auth.uid()));
      create table public.rt_notices (id bigint generated always as identity primary key, body text not null);
      alter table public.rt_notices enable row level security;
      create policy "anyone reads notices" on public.rt_notices for select to anon, authenticated using (true);
      create table public.rt_unpublished (id uuid primary key default gen_random_uuid(), title text not null);
      grant select on public.rt_workspaces, public.rt_members, public.rt_items, public.rt_notices, public.rt_unpublished
        to anon, authenticated, service_role;
      alter publication supabase_realtime add table public.rt_items, public.rt_notices;
    `);
    const users = [
      { id: userA, email: "a@example.kz" },
      { id: userB, email: "b@example.kz" },
      ...crowd.map((id, i) => ({ id, email: `crowd${i}@example.kz` })),
    ];
    await sql`insert into auth.users ${sql(users, "id", "email")}`;
    await sql`insert into public.rt_workspaces (id, name) values (${workspaceA}, 'A'), (${workspaceB}, 'B'), (${workspaceCrowd}, 'C')`;
    const members = [
      { workspace_id: workspaceA, user_id: userA },
      { workspace_id: workspaceB, user_id: userB },
      ...crowd.map((user_id) => ({ workspace_id: workspaceCrowd, user_id })),
    ];
    await sql`insert into public.rt_members ${sql(members, "workspace_id", "user_id")}`;
    tokenA = await tokenFor(userA);
    tokenB = await tokenFor(userB);
  });

  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await Promise.all(clients.map((client) => client.removeAllChannels()));
    await stack?.close();
  });

  function tokenFor(user: string, expiresInSeconds = 3600): Promise<string> {
    return signJwt(
      { sub: user, role: "authenticated", aud: "authenticated", email: `${user}@example.kz` },
      stack.jwtSecret,
      expiresInSeconds,
    );
  }

  /** A supabase-js client whose Realtime uses `token` (or the anon key when none). */
  async function clientWith(token?: string): Promise<SupabaseClient> {
    const client = createClient(stack.apiUrl, stack.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport },
      ...(token ? { accessToken: async () => token } : {}),
    });
    if (token) await client.realtime.setAuth();
    clients.push(client);
    return client;
  }

  async function listen(
    client: SupabaseClient,
    name: string,
    filter: RealtimePostgresChangesFilter<"*" | "INSERT" | "UPDATE" | "DELETE">,
  ): Promise<Listening> {
    const listening: Listening = { channel: client.channel(name), changes: [], system: [], statuses: [] };
    listening.channel
      .on("postgres_changes", filter, (payload: Change) => listening.changes.push(payload))
      .on("system", {}, (payload: Row) => listening.system.push(payload));
    await new Promise<void>((resolve, reject) => {
      listening.channel.subscribe((status, error) => {
        listening.statuses.push(status);
        if (status === "SUBSCRIBED") resolve();
        else if (status === "CHANNEL_ERROR" || status === "TIMED_OUT") reject(error ?? new Error(status));
      });
    });
    return listening;
  }

  async function insertItem(
    workspace: string,
    title: string,
    extra: { score?: number } = {},
  ): Promise<string> {
    const [row] = await stack.db.sql<{ id: string }[]>`
      insert into public.rt_items (workspace_id, title, score, tags, meta)
      values (${workspace}, ${title}, ${extra.score ?? 0}, ${["hot", "olx"]}, ${stack.db.sql.json({ source: "olx" })})
      returning id`;
    return row!.id;
  }

  const received = (listening: Listening, id: string, eventType?: string) =>
    listening.changes.filter(
      (change) =>
        ((change.new as Row).id === id || (change.old as Row).id === id) &&
        (!eventType || change.eventType === eventType),
    );

  it("delivers INSERT, UPDATE and DELETE of a member's workspace, shaped as Supabase sends them", async () => {
    const a = await listen(await clientWith(tokenA), "a-all", items);
    expect(a.system).toContainEqual(
      expect.objectContaining({
        extension: "postgres_changes",
        status: "ok",
        message: "Subscribed to PostgreSQL",
      }),
    );

    const id = await insertItem(workspaceA, "Кондиционеры Алматы", { score: 7 });
    await waitUntil(() => received(a, id, "INSERT").length === 1);
    const insert = received(a, id, "INSERT")[0]!;
    expect(insert).toMatchObject({
      schema: "public",
      table: "rt_items",
      eventType: "INSERT",
      errors: null,
      old: {},
    });
    expect(insert.commit_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(insert.new).toMatchObject({
      id,
      workspace_id: workspaceA,
      title: "Кондиционеры Алматы",
      score: 7,
      tags: ["hot", "olx"],
      meta: { source: "olx" },
    });
    expect(typeof (insert.new as Row).created_at).toBe("string");

    await stack.db.sql`update public.rt_items set title = 'Кондиционеры Астана', score = 9 where id = ${id}`;
    await waitUntil(() => received(a, id, "UPDATE").length === 1);
    const update = received(a, id, "UPDATE")[0]!;
    expect(update.new).toMatchObject({ id, title: "Кондиционеры Астана", score: 9 });
    expect(update.old).toMatchObject({ id, title: "Кондиционеры Алматы", score: 7 });

    await stack.db.sql`delete from public.rt_items where id = ${id}`;
    await waitUntil(() => received(a, id, "DELETE").length === 1);
    const removal = received(a, id, "DELETE")[0]!;
    expect(removal.old).toEqual({ id });
    expect(removal.new).toEqual({});
  });

  it("never delivers one workspace's rows to a member of another", async () => {
    const a = await listen(await clientWith(tokenA), "a-isolation", items);
    const b = await listen(await clientWith(tokenB), "b-isolation", items);

    const ofA = await insertItem(workspaceA, "A's lead");
    await stack.db.sql`update public.rt_items set title = 'A, edited' where id = ${ofA}`;
    await stack.db.sql`delete from public.rt_items where id = ${ofA}`;
    const ofB = await insertItem(workspaceB, "B's lead");

    await waitUntil(() => received(b, ofB, "INSERT").length === 1 && received(a, ofA, "DELETE").length === 1);
    expect(received(b, ofA)).toEqual([]);
    expect(received(a, ofB)).toEqual([]);
  });

  it("applies the binding's filter", async () => {
    const service = await clientWith(stack.serviceRoleKey);
    const onlyA = await listen(service, "only-a", { ...items, filter: `workspace_id=eq.${workspaceA}` });
    const listed = await listen(service, "listed-titles", {
      ...items,
      filter: 'title=in.("Шины, диски",Окна)',
    });
    const high = await listen(service, "high-score", {
      event: "INSERT",
      schema: "public",
      table: "rt_items",
      filter: "score=gte.5",
    });

    const ofB = await insertItem(workspaceB, "Шины, диски", { score: 9 });
    const ofA = await insertItem(workspaceA, "Окна", { score: 1 });
    const unlisted = await insertItem(workspaceA, "Двери", { score: 5 });

    await waitUntil(
      () =>
        received(onlyA, unlisted).length === 1 &&
        received(listed, ofA).length === 1 &&
        received(high, unlisted).length === 1,
    );
    expect(received(onlyA, ofA)).toHaveLength(1);
    expect(received(onlyA, ofB)).toEqual([]);
    expect(received(listed, ofB)).toHaveLength(1);
    expect(received(listed, unlisted)).toEqual([]);
    expect(received(high, ofB)).toHaveLength(1);
    expect(received(high, ofA)).toEqual([]);
  });

  it("delivers nothing from a table outside the supabase_realtime publication, and says so", async () => {
    const service = await clientWith(stack.serviceRoleKey);
    const unpublished = await listen(service, "unpublished", {
      event: "*",
      schema: "public",
      table: "rt_unpublished",
    });
    const sentinel = await listen(service, "unpublished-sentinel", items);
    expect(unpublished.system).toContainEqual(
      expect.objectContaining({
        extension: "postgres_changes",
        status: "error",
        message: expect.stringContaining("Please check Realtime is enabled for the given connect parameters"),
      }),
    );

    await stack.db.sql`insert into public.rt_unpublished (title) values ('invisible')`;
    const id = await insertItem(workspaceA, "after the unpublished row");
    await waitUntil(() => received(sentinel, id).length === 1);
    expect(unpublished.changes).toEqual([]);
  });

  it("gives anon nothing its policies do not allow", async () => {
    const anon = await clientWith();
    const anonItems = await listen(anon, "anon-items", items);
    const anonNotices = await listen(anon, "anon-notices", {
      event: "INSERT",
      schema: "public",
      table: "rt_notices",
    });

    const id = await insertItem(workspaceA, "not for anon");
    await stack.db.sql`insert into public.rt_notices (body) values ('Технические работы в 23:00')`;
    await waitUntil(() => anonNotices.changes.length === 1);
    expect(anonNotices.changes[0]?.new).toMatchObject({ body: "Технические работы в 23:00" });
    expect(anonItems.changes).toEqual([]);
    expect(received(anonItems, id)).toEqual([]);
  });

  it("refuses a join with an expired token", async () => {
    const client = await clientWith(await tokenFor(userA, -30));
    const error = await listen(client, "expired", items).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^InvalidJWTToken: Token has expired \d+ seconds ago$/);
    await client.removeAllChannels();
  });

  it("stops a member's deliveries once they leave the channel", async () => {
    const client = await clientWith(tokenA);
    const leaving = await listen(client, "leaving", items);
    const staying = await listen(client, "staying", items);

    const before = await insertItem(workspaceA, "before leaving");
    await waitUntil(() => received(leaving, before).length === 1);
    expect(await client.removeChannel(leaving.channel)).toBe("ok");

    const after = await insertItem(workspaceA, "after leaving");
    await waitUntil(() => received(staying, after).length === 1);
    expect(received(leaving, after)).toEqual([]);
  });

  it("reaches each of twenty members subscribed at once", async () => {
    const listeners = await Promise.all(
      crowd.map(async (user, i) => listen(await clientWith(await tokenFor(user)), `crowd-${i}`, items)),
    );
    const id = await insertItem(workspaceCrowd, "for everyone in C");
    await waitUntil(() => listeners.every((listening) => received(listening, id, "INSERT").length === 1));
  });

  describe("over the raw Phoenix protocol", () => {
    const openSocket = (vsn: "1.0.0" | "2.0.0" = "2.0.0") => openRawSocket(stack, sockets, vsn);

    it("answers heartbeats in both serializer versions", async () => {
      const v2 = await openSocket("2.0.0");
      v2.send([null, "7", "phoenix", "heartbeat", {}]);
      expect(await v2.next((frame) => isArrayFrame(frame, "phoenix", "phx_reply", "7"))).toEqual([
        null,
        "7",
        "phoenix",
        "phx_reply",
        { status: "ok", response: {} },
      ]);

      const v1 = await openSocket("1.0.0");
      v1.send({ topic: "phoenix", event: "heartbeat", payload: {}, ref: "8" });
      expect(await v1.next((frame) => (frame as Row).ref === "8")).toEqual({
        topic: "phoenix",
        event: "phx_reply",
        payload: { status: "ok", response: {} },
        ref: "8",
      });
    });

    it("replies to a join with binding ids and delivers the changes that name them", async () => {
      const socket = await openSocket();
      const binding = {
        event: "INSERT",
        schema: "public",
        table: "rt_items",
        filter: `workspace_id=eq.${workspaceA}`,
      };
      socket.send([
        "1",
        "1",
        "realtime:raw",
        "phx_join",
        { config: { postgres_changes: [binding] }, access_token: tokenA },
      ]);
      const reply = (await socket.next((frame) =>
        isArrayFrame(frame, "realtime:raw", "phx_reply", "1"),
      )) as unknown[];
      expect(reply).toEqual([
        "1",
        "1",
        "realtime:raw",
        "phx_reply",
        { status: "ok", response: { postgres_changes: [{ ...binding, id: expect.any(Number) }] } },
      ]);
      const id = (reply[4] as { response: { postgres_changes: { id: number }[] } }).response
        .postgres_changes[0]!.id;
      expect(await socket.next((frame) => isArrayFrame(frame, "realtime:raw", "system"))).toEqual([
        "1",
        null,
        "realtime:raw",
        "system",
        { extension: "postgres_changes", status: "ok", message: "Subscribed to PostgreSQL", channel: "raw" },
      ]);

      const row = await insertItem(workspaceA, "raw");
      const change = (await socket.next((frame) =>
        isArrayFrame(frame, "realtime:raw", "postgres_changes"),
      )) as unknown[];
      expect(change.slice(0, 4)).toEqual([null, null, "realtime:raw", "postgres_changes"]);
      expect(change[4]).toEqual({
        ids: [id],
        data: {
          schema: "public",
          table: "rt_items",
          type: "INSERT",
          commit_timestamp: expect.any(String),
          columns: [
            { name: "id", type: "uuid" },
            { name: "workspace_id", type: "uuid" },
            { name: "title", type: "text" },
            { name: "score", type: "int4" },
            { name: "tags", type: "_text" },
            { name: "meta", type: "jsonb" },
            { name: "created_at", type: "timestamptz" },
          ],
          record: expect.objectContaining({
            id: row,
            title: "raw",
            tags: ["hot", "olx"],
            meta: { source: "olx" },
          }),
          errors: null,
        },
      });
    });

    it("sends nothing on a channel after its phx_leave is answered", async () => {
      const socket = await openSocket();
      socket.send([
        "1",
        "1",
        "realtime:left",
        "phx_join",
        { config: { postgres_changes: [items] }, access_token: tokenA },
      ]);
      await socket.next((frame) => isArrayFrame(frame, "realtime:left", "phx_reply", "1"));
      const before = await insertItem(workspaceA, "before phx_leave");
      await socket.next(
        (frame) =>
          isArrayFrame(frame, "realtime:left", "postgres_changes") && JSON.stringify(frame).includes(before),
      );

      socket.send(["1", "2", "realtime:left", "phx_leave", {}]);
      expect(await socket.next((frame) => isArrayFrame(frame, "realtime:left", "phx_reply", "2"))).toEqual([
        "1",
        "2",
        "realtime:left",
        "phx_reply",
        { status: "ok", response: {} },
      ]);
      const after = await insertItem(workspaceA, "after phx_leave");
      socket.send([
        "3",
        "3",
        "realtime:sentinel",
        "phx_join",
        { config: { postgres_changes: [items] }, access_token: tokenA },
      ]);
      await socket.next((frame) => isArrayFrame(frame, "realtime:sentinel", "phx_reply", "3"));
      const later = await insertItem(workspaceA, "sentinel after phx_leave");
      await socket.next(
        (frame) =>
          isArrayFrame(frame, "realtime:sentinel", "postgres_changes") &&
          JSON.stringify(frame).includes(later),
      );
      expect(socket.frames.filter((frame) => JSON.stringify(frame).includes(after))).toEqual([]);
    });

    it("follows an access_token update: a channel joined as anon starts receiving once the member signs in", async () => {
      const socket = await openSocket();
      socket.send(["1", "1", "realtime:upgrade", "phx_join", { config: { postgres_changes: [items] } }]);
      await socket.next((frame) => isArrayFrame(frame, "realtime:upgrade", "phx_reply", "1"));
      // A member's channel on the same socket shows when the stream has passed the anonymous-time insert: a change
      // still in flight when the token changes is judged by the new token, as Supabase's Realtime judges it.
      socket.send([
        "4",
        "4",
        "realtime:witness",
        "phx_join",
        { config: { postgres_changes: [items] }, access_token: tokenA },
      ]);
      await socket.next((frame) => isArrayFrame(frame, "realtime:witness", "phx_reply", "4"));
      const unseen = await insertItem(workspaceA, "while anonymous");
      await socket.next(
        (frame) =>
          isArrayFrame(frame, "realtime:witness", "postgres_changes") &&
          JSON.stringify(frame).includes(unseen),
      );
      socket.send(["1", "2", "realtime:upgrade", "access_token", { access_token: tokenA }]);
      socket.send([null, "3", "phoenix", "heartbeat", {}]);
      await socket.next((frame) => isArrayFrame(frame, "phoenix", "phx_reply", "3"));
      const seen = await insertItem(workspaceA, "after sign-in");
      await socket.next(
        (frame) =>
          isArrayFrame(frame, "realtime:upgrade", "postgres_changes") && JSON.stringify(frame).includes(seen),
      );
      expect(
        socket.frames.filter(
          (frame) =>
            isArrayFrame(frame, "realtime:upgrade", "postgres_changes") &&
            JSON.stringify(frame).includes(unseen),
        ),
      ).toEqual([]);
    });

    it("closes a channel whose token expires, with Supabase's system error, and delivers nothing after", async () => {
      const socket = await openSocket();
      const shortLived = await tokenFor(userA, 2);
      socket.send([
        "1",
        "1",
        "realtime:short",
        "phx_join",
        { config: { postgres_changes: [items] }, access_token: shortLived },
      ]);
      await socket.next((frame) => isArrayFrame(frame, "realtime:short", "phx_reply", "1"));
      expect(
        await socket.next(
          (frame) =>
            isArrayFrame(frame, "realtime:short", "system") && JSON.stringify(frame).includes("expired"),
        ),
      ).toEqual([
        "1",
        null,
        "realtime:short",
        "system",
        {
          extension: "system",
          status: "error",
          message: expect.stringMatching(/^Token has expired \d+ seconds ago$/),
          channel: "short",
        },
      ]);
      expect(await socket.next((frame) => isArrayFrame(frame, "realtime:short", "phx_close"))).toEqual([
        "1",
        "1",
        "realtime:short",
        "phx_close",
        {},
      ]);
      await insertItem(workspaceA, "after expiry");
      socket.send([null, "9", "phoenix", "heartbeat", {}]);
      await socket.next((frame) => isArrayFrame(frame, "phoenix", "phx_reply", "9"));
      const sentinel = await listen(await clientWith(tokenA), "after-expiry-sentinel", items);
      const later = await insertItem(workspaceA, "sentinel");
      await waitUntil(() => received(sentinel, later).length === 1);
      expect(
        socket.frames.filter((frame) => isArrayFrame(frame, "realtime:short", "postgres_changes")),
      ).toEqual([]);
    });

    it("refuses private channels and says Broadcast and Presence are not served locally", async () => {
      const socket = await openSocket();
      socket.send(["1", "1", "realtime:secret", "phx_join", { config: { private: true } }]);
      const refused = (await socket.next((frame) =>
        isArrayFrame(frame, "realtime:secret", "phx_reply", "1"),
      )) as unknown[];
      expect(refused[4]).toEqual({
        status: "error",
        response: { reason: expect.stringMatching(/^PrivateChannelsUnsupported: /) },
      });

      socket.send([
        "2",
        "2",
        "realtime:room",
        "phx_join",
        { config: { broadcast: { self: true }, presence: { key: "", enabled: true }, postgres_changes: [] } },
      ]);
      const joined = (await socket.next((frame) =>
        isArrayFrame(frame, "realtime:room", "phx_reply", "2"),
      )) as unknown[];
      expect(joined[4]).toEqual({ status: "ok", response: { postgres_changes: [] } });
      await waitUntil(
        () => socket.frames.filter((frame) => isArrayFrame(frame, "realtime:room", "system")).length === 2,
      );
      const notices = socket.frames.filter((frame) =>
        isArrayFrame(frame, "realtime:room", "system"),
      ) as unknown[][];
      expect(notices.map((frame) => frame[4])).toEqual([
        expect.objectContaining({
          extension: "presence",
          status: "error",
          message: expect.stringContaining("not supported"),
        }),
        expect.objectContaining({
          extension: "broadcast",
          status: "error",
          message: expect.stringContaining("not supported"),
        }),
      ]);
      socket.send([
        "2",
        "3",
        "realtime:room",
        "broadcast",
        { type: "broadcast", event: "cursor", payload: {} },
      ]);
      const answer = (await socket.next((frame) =>
        isArrayFrame(frame, "realtime:room", "phx_reply", "3"),
      )) as unknown[];
      expect(answer[4]).toEqual({
        status: "error",
        response: { reason: expect.stringContaining("not supported") },
      });
    });

    it("does not let a token claim a role PostgREST's authenticator could not switch to", async () => {
      const socket = await openSocket();
      const owner = await signJwt({ sub: userA, role: "postgres" }, stack.jwtSecret, 3600);
      socket.send([
        "1",
        "1",
        "realtime:owner",
        "phx_join",
        { config: { postgres_changes: [items] }, access_token: owner },
      ]);
      await socket.next((frame) => isArrayFrame(frame, "realtime:owner", "phx_reply", "1"));
      const notice = (await socket.next((frame) =>
        isArrayFrame(frame, "realtime:owner", "system"),
      )) as unknown[];
      expect(notice[4]).toEqual(
        expect.objectContaining({
          extension: "postgres_changes",
          status: "error",
          message: expect.stringContaining('role "postgres" is not one the authenticator role may switch to'),
        }),
      );
    });

    it("refuses a socket without a valid apikey", async () => {
      const url = `${stack.apiUrl.replace(/^http/, "ws")}/realtime/v1/websocket?apikey=not-a-key&vsn=2.0.0`;
      const ws = new WebSocket(url);
      ws.on("error", () => {});
      const [, response] = (await once(ws, "unexpected-response")) as [unknown, { statusCode: number }];
      expect(response.statusCode).toBe(403);
    });
  });
});

/** Without logical replication of the publication, joins say so instead of pretending to listen. */
describe("Realtime on a database that cannot stream changes", () => {
  let stack: TestStack;
  const sockets: WebSocket[] = [];

  beforeAll(async () => {
    stack = await startTestStack();
    await stack.db.sql`drop publication supabase_realtime`;
  });
  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    await stack?.close();
  });

  it("answers the join with a system error naming the cause, and refuses a join that waits for the subscription", async () => {
    const socket = await openRawSocket(stack, sockets);
    const binding = { event: "*", schema: "public", table: "leads" };
    socket.send(["1", "1", "realtime:leads", "phx_join", { config: { postgres_changes: [binding] } }]);
    await socket.next((frame) => isArrayFrame(frame, "realtime:leads", "phx_reply", "1"));
    expect(await socket.next((frame) => isArrayFrame(frame, "realtime:leads", "system"))).toEqual([
      "1",
      null,
      "realtime:leads",
      "system",
      {
        extension: "postgres_changes",
        status: "error",
        message: expect.stringContaining("the supabase_realtime publication does not exist"),
        channel: "leads",
      },
    ]);

    socket.send([
      "2",
      "2",
      "realtime:waiting",
      "phx_join",
      { config: { postgres_changes: [binding], postgres_changes_options: { wait: true } } },
    ]);
    const refused = (await socket.next((frame) =>
      isArrayFrame(frame, "realtime:waiting", "phx_reply", "2"),
    )) as unknown[];
    expect(refused[4]).toEqual({
      status: "error",
      response: {
        reason: expect.stringMatching(/^RealtimeDisabledForConfiguration: .*publication does not exist/),
      },
    });
  });
});
