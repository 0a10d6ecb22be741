import type { SupabaseClient } from "@supabase/supabase-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signJwt } from "../../packages/local/src/api/jwt.ts";
import { startTestStack, type TestStack } from "../support/testStack.ts";
import { connectClient, signInClient } from "./restClients.ts";
import { alice, bob, createRestFixture } from "./restFixture.ts";

const titles = (rows: Array<{ title?: unknown }> | null) => (rows ?? []).map((row) => row.title);

describe("REST stand-in (PostgREST subset) driven by supabase-js", () => {
  let stack: TestStack;
  let anon: SupabaseClient;
  let asAlice: SupabaseClient;
  let asBob: SupabaseClient;
  let service: SupabaseClient;
  let aliceId: string;
  let bobId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    ({ aliceId, bobId } = await createRestFixture(stack.db.sql));
    anon = connectClient(stack);
    service = connectClient(stack, stack.serviceRoleKey);
    asAlice = await signInClient(stack, alice.email, alice.password);
    asBob = await signInClient(stack, bob.email, bob.password);
  });
  afterAll(() => stack.close());

  async function restFetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${stack.apiUrl}/rest/v1${path}`, {
      ...init,
      headers: { apikey: stack.anonKey, ...init.headers },
    });
  }

  describe("reads under RLS", () => {
    it("lets RLS decide what anon, each user and service_role see", async () => {
      const order = { ascending: true };
      expect(titles((await anon.from("notes").select("title").order("rank", order)).data)).toEqual([
        "Alpha",
        "Delta",
      ]);
      expect(titles((await asAlice.from("notes").select("title").order("rank", order)).data)).toEqual([
        "Alpha",
        "Beta",
        "Gamma",
        "Delta",
      ]);
      expect(titles((await asBob.from("notes").select("title").order("rank", order)).data)).toEqual([
        "Alpha",
        "Delta",
        "Epsilon",
      ]);
      expect(titles((await service.from("notes").select("title").order("rank", order)).data)).toHaveLength(5);
    });

    it("renders every column type as PostgREST does", async () => {
      const { data, error } = await asAlice.from("notes").select("*").eq("title", "Alpha").single();
      expect(error).toBeNull();
      expect(data).toEqual({
        id: 1,
        owner: aliceId,
        title: "Alpha",
        body: "first note",
        rank: 1,
        price: 10.5,
        big: 5000000000,
        tags: ["a", "b"],
        meta: { color: "red", n: 1 },
        mood: "calm",
        public: true,
        written_at: "2026-01-01T10:00:00+00:00",
      });
    });

    it("selects columns, aliases and casts", async () => {
      const { data } = await asAlice
        .from("notes")
        .select("name:title, rank::text, price")
        .eq("title", "Beta");
      expect(data).toEqual([{ name: "Beta", rank: "2", price: 20 }]);
    });

    it("applies each filter operator", async () => {
      const q = () => asAlice.from("notes").select("title").order("rank", { ascending: true });
      expect(titles((await q().eq("rank", 2)).data)).toEqual(["Beta"]);
      expect(titles((await q().neq("mood", "calm")).data)).toEqual(["Beta", "Gamma"]);
      expect(titles((await q().gt("rank", 3)).data)).toEqual(["Delta"]);
      expect(titles((await q().gte("rank", 3)).data)).toEqual(["Gamma", "Delta"]);
      expect(titles((await q().lt("rank", 2)).data)).toEqual(["Alpha"]);
      expect(titles((await q().lte("rank", 2)).data)).toEqual(["Alpha", "Beta"]);
      expect(titles((await q().in("title", ["Alpha", "Delta", "Nope"])).data)).toEqual(["Alpha", "Delta"]);
      expect(titles((await q().in("body", ["Third, with 100% care", "x"])).data)).toEqual(["Gamma"]);
      expect(titles((await q().is("price", null)).data)).toEqual(["Gamma"]);
      expect(titles((await q().not("price", "is", null)).data)).toEqual(["Alpha", "Beta", "Delta"]);
      expect(titles((await q().is("public", true)).data)).toEqual(["Alpha", "Delta"]);
      expect(titles((await q().ilike("title", "%ET%")).data)).toEqual(["Beta"]);
      expect(titles((await q().like("title", "%ta")).data)).toEqual(["Beta", "Delta"]);
      expect(titles((await q().like("title", "%TA")).data)).toEqual([]);
      expect(titles((await q().not("title", "eq", "Alpha").eq("public", true)).data)).toEqual(["Delta"]);
      expect(titles((await q().not("title", "in", "(Alpha,Beta)")).data)).toEqual(["Gamma", "Delta"]);
      expect(titles((await q().filter("rank", "isdistinct", "1").eq("public", true)).data)).toEqual([
        "Delta",
      ]);
      expect(titles((await q().in("rank", [])).data)).toEqual([]);
      // Values reach Postgres untyped, so each column's own input function reads them (booleans, jsonb, arrays, times).
      expect(titles((await q().eq("public", false)).data)).toEqual(["Beta", "Gamma"]);
      expect(titles((await q().eq("meta", '{"n": 1, "color": "red"}')).data)).toEqual(["Alpha"]);
      expect(titles((await q().eq("tags", "{a,b}")).data)).toEqual(["Alpha"]);
      expect(titles((await q().gte("written_at", "2026-01-03T15:00:00+05:00")).data)).toEqual([
        "Gamma",
        "Delta",
      ]);
      expect(titles((await q().eq("owner", bobId)).data)).toEqual(["Delta"]);
      expect(titles((await q().eq("price", "10.5")).data)).toEqual(["Alpha"]);
    });

    it("orders by several columns with nulls placement", async () => {
      const byPrice = await asAlice
        .from("notes")
        .select("title")
        .order("price", { ascending: false, nullsFirst: false })
        .order("rank");
      expect(titles(byPrice.data)).toEqual(["Beta", "Alpha", "Delta", "Gamma"]);
      const nullsFirst = await asAlice
        .from("notes")
        .select("title")
        .order("price", { ascending: true, nullsFirst: true });
      expect(titles(nullsFirst.data)).toEqual(["Gamma", "Delta", "Alpha", "Beta"]);
    });

    it("pages with limit/offset and counts with Content-Range", async () => {
      expect(titles((await asAlice.from("notes").select("title").order("rank").limit(2)).data)).toEqual([
        "Alpha",
        "Beta",
      ]);
      const page = await asAlice.from("notes").select("title", { count: "exact" }).order("rank").range(1, 2);
      expect(titles(page.data)).toEqual(["Beta", "Gamma"]);
      expect(page.count).toBe(4);
      expect(page.status).toBe(206);
      const whole = await asAlice.from("notes").select("title", { count: "exact" });
      expect(whole.status).toBe(200);
      expect(whole.count).toBe(4);

      const raw = await restFetch("/notes?select=title&order=rank", {
        headers: { Range: "0-0", "Range-Unit": "items", Prefer: "count=exact" },
      });
      expect(raw.status).toBe(206);
      expect(raw.headers.get("content-range")).toBe("0-0/2");
      expect(await raw.json()).toEqual([{ title: "Alpha" }]);
      const beyond = await restFetch("/notes?offset=10", { headers: { Prefer: "count=exact" } });
      expect(beyond.status).toBe(416);
      expect(await beyond.json()).toMatchObject({ code: "PGRST103" });
    });

    it("counts with HEAD without sending rows", async () => {
      const { data, count, error, status } = await asBob
        .from("notes")
        .select("*", { count: "exact", head: true });
      expect(error).toBeNull();
      expect(status).toBe(200);
      expect(data).toBeNull();
      expect(count).toBe(3);
    });

    it("answers single and maybeSingle as PostgREST does", async () => {
      expect((await asAlice.from("notes").select("title").eq("rank", 3).single()).data).toEqual({
        title: "Gamma",
      });
      const many = await asAlice.from("notes").select("title").single();
      expect(many.status).toBe(406);
      expect(many.error?.code).toBe("PGRST116");
      const none = await anon.from("notes").select("title").eq("title", "Beta").single();
      expect(none.status).toBe(406);
      expect(none.error?.code).toBe("PGRST116");
      const maybe = await anon.from("notes").select("title").eq("title", "Beta").maybeSingle();
      expect(maybe.error).toBeNull();
      expect(maybe.data).toBeNull();
    });
  });

  describe("writes", () => {
    it("inserts objects and arrays, returning the representation with select applied", async () => {
      const one = await asAlice
        .from("todos")
        .insert({ label: "call the buyer", code: "t-1" })
        .select()
        .single();
      expect(one.status).toBe(201);
      expect(one.data).toMatchObject({
        label: "call the buyer",
        code: "t-1",
        owner: aliceId,
        done: false,
        id: expect.any(Number),
      });

      const many = await asAlice
        .from("todos")
        .insert([{ label: "a", code: "t-2" }, { label: "b" }])
        .select("label, code");
      expect(many.data).toEqual([
        { label: "a", code: "t-2" },
        { label: "b", code: null },
      ]);

      const minimal = await asAlice.from("todos").insert({ label: "quiet" });
      expect(minimal.status).toBe(201);
      expect(minimal.data).toBeNull();
      expect(minimal.error).toBeNull();
    });

    it("updates and deletes only the filtered rows RLS allows", async () => {
      await asBob.from("todos").insert({ label: "bob's", code: "b-1" });
      const updated = await asAlice
        .from("todos")
        .update({ done: true })
        .eq("code", "t-1")
        .select("code, done");
      expect(updated.data).toEqual([{ code: "t-1", done: true }]);
      const notMine = await asAlice.from("todos").update({ done: true }).eq("code", "b-1").select();
      expect(notMine.error).toBeNull();
      expect(notMine.data).toEqual([]);
      const minimal = await asAlice.from("todos").update({ label: "renamed" }).eq("code", "t-2");
      expect(minimal.status).toBe(204);

      const deleted = await asAlice.from("todos").delete().eq("code", "t-2").select("label");
      expect(deleted.data).toEqual([{ label: "renamed" }]);
      expect((await asAlice.from("todos").delete().eq("code", "b-1").select()).data).toEqual([]);
      const [{ count } = { count: -1 }] = await stack.db.sql<
        { count: number }[]
      >`select count(*)::int as count from public.todos where code = 'b-1'`;
      expect(count).toBe(1);
    });

    it("refuses an update or delete without filters, as Supabase's safeupdate does", async () => {
      const { error, status } = await asAlice.from("todos").delete();
      expect(status).toBe(400);
      expect(error?.code).toBe("21000");
    });

    it("upserts with merge-duplicates and ignore-duplicates", async () => {
      const merged = await asAlice
        .from("todos")
        .upsert([{ code: "u-1", label: "first" }], { onConflict: "code" })
        .select("code, label");
      expect(merged.data).toEqual([{ code: "u-1", label: "first" }]);
      const again = await asAlice
        .from("todos")
        .upsert({ code: "u-1", label: "second" }, { onConflict: "code" })
        .select("label")
        .single();
      expect(again.data).toEqual({ label: "second" });
      const ignored = await asAlice
        .from("todos")
        .upsert({ code: "u-1", label: "third" }, { onConflict: "code", ignoreDuplicates: true })
        .select("label");
      expect(ignored.data).toEqual([]);
      const { data: row } = await asAlice.from("todos").select("id, label").eq("code", "u-1").single();
      expect(row?.label).toBe("second");
      const byPrimaryKey = await asAlice
        .from("todos")
        .upsert({ id: row?.id, label: "by key", code: "u-1" })
        .select("label");
      expect(byPrimaryKey.data).toEqual([{ label: "by key" }]);
    });

    it("maps RLS, grant, unique and check violations to PostgREST's statuses", async () => {
      const forBob = await asAlice.from("todos").insert({ label: "sneaky", owner: bobId });
      expect(forBob.status).toBe(403);
      expect(forBob.error?.code).toBe("42501");
      expect(forBob.error?.message).toContain("row-level security");

      const anonymous = await anon.from("notes").insert({ title: "spam" });
      expect(anonymous.status).toBe(401);
      expect(anonymous.error?.code).toBe("42501");

      await asAlice.from("todos").insert({ label: "unique", code: "dup" });
      const duplicate = await asAlice.from("todos").insert({ label: "unique again", code: "dup" });
      expect(duplicate.status).toBe(409);
      expect(duplicate.error?.code).toBe("23505");
      expect(duplicate.error?.message).toContain("todos_code_key");

      const empty = await asAlice.from("todos").insert({ label: "" });
      expect(empty.status).toBe(400);
      expect(empty.error?.code).toBe("23514");

      const badValue = await asAlice.from("notes").select("title").eq("rank", "not-a-number");
      expect(badValue.status).toBe(400);
      expect(badValue.error?.code).toBe("22P02");
    });

    it("honours Prefer: tx=rollback, answering the rows it did not keep", async () => {
      const response = await restFetch("/todos?select=label", {
        method: "POST",
        headers: {
          Authorization: `Bearer ${(await asAlice.auth.getSession()).data.session?.access_token}`,
          "Content-Type": "application/json",
          Prefer: "return=representation, tx=rollback",
        },
        body: JSON.stringify({ label: "kept only in the answer" }),
      });
      expect(response.status).toBe(201);
      expect(await response.json()).toEqual([{ label: "kept only in the answer" }]);
      const [{ count } = { count: -1 }] = await stack.db.sql<{ count: number }[]>`
        select count(*)::int as count from public.todos where label = 'kept only in the answer'`;
      expect(count).toBe(0);
    });

    it("rolls a write back when single() does not get exactly one row", async () => {
      const result = await asAlice
        .from("todos")
        .insert([{ label: "x1" }, { label: "x2" }])
        .select()
        .single();
      expect(result.status).toBe(406);
      const [{ count } = { count: -1 }] = await stack.db.sql<
        { count: number }[]
      >`select count(*)::int as count from public.todos where label in ('x1', 'x2')`;
      expect(count).toBe(0);
    });
  });

  describe("rpc", () => {
    it("calls scalar functions with named arguments, defaults and GET", async () => {
      expect((await anon.rpc("add_numbers", { a: 1, b: 2 })).data).toBe(3);
      expect((await anon.rpc("add_numbers", { a: 1 })).data).toBe(11);
      expect((await anon.rpc("add_numbers", { a: 5, b: 6 }, { get: true })).data).toBe(11);
    });

    it("runs functions as the caller, so RLS decides", async () => {
      expect((await anon.rpc("visible_notes_count")).data).toBe(2);
      expect((await asAlice.rpc("visible_notes_count")).data).toBe(4);
      expect((await service.rpc("visible_notes_count")).data).toBe(5);
      const context = await asAlice.rpc("request_context");
      expect(context.data).toMatchObject({
        role: "authenticated",
        sub: aliceId,
        method: "POST",
        path: "/rpc/request_context",
      });
      expect(String(context.data.client)).toContain("supabase-js");
    });

    it("returns sets as arrays, with select, filters, order and range", async () => {
      const rows = await asAlice
        .rpc("notes_from_rank", { min_rank: 2 })
        .select("title, rank")
        .lt("rank", 5)
        .order("rank", { ascending: false });
      expect(rows.data).toEqual([
        { title: "Delta", rank: 4 },
        { title: "Gamma", rank: 3 },
        { title: "Beta", rank: 2 },
      ]);
      const counted = await asAlice
        .rpc("notes_from_rank", { min_rank: 1 }, { count: "exact" })
        .select("title")
        .order("rank")
        .range(0, 0);
      expect(counted.data).toEqual([{ title: "Alpha" }]);
      expect(counted.count).toBe(4);
      expect((await anon.rpc("numbers_upto", { n: 3 })).data).toEqual([1, 2, 3]);
      const viaGet = await anon
        .rpc("notes_from_rank", { min_rank: 1 }, { get: true })
        .select("title")
        .eq("title", "Delta");
      expect(viaGet.data).toEqual([{ title: "Delta" }]);
    });

    it("returns a single composite as an object and void as 204", async () => {
      expect((await asBob.rpc("top_note").select("title")).data).toEqual({ title: "Epsilon" });
      const nothing = await anon.rpc("do_nothing");
      expect(nothing.status).toBe(204);
      expect(nothing.error).toBeNull();
      expect(nothing.data).toBeNull();
    });

    it("answers unknown functions and raised exceptions as PostgREST does", async () => {
      const unknown = await anon.rpc("no_such_function", { x: 1 });
      expect(unknown.status).toBe(404);
      expect(unknown.error?.code).toBe("PGRST202");
      expect(unknown.error?.message).toBe(
        "Could not find the function public.no_such_function(x) in the schema cache",
      );
      const wrongArgs = await anon.rpc("add_numbers", { c: 1 });
      expect(wrongArgs.status).toBe(404);
      const raised = await anon.rpc("fail_with", { message: "no lead here" });
      expect(raised.status).toBe(400);
      expect(raised.error).toMatchObject({
        code: "P0001",
        message: "no lead here",
        hint: "raised on purpose",
      });
    });

    it("runs GET calls read-only", async () => {
      const { status, error } = await asAlice.rpc("do_nothing", {}, { get: true });
      expect(status).toBe(204);
      expect(error).toBeNull();
      const write = await restFetch("/rpc/fail_with?message=x", { method: "GET" });
      expect(write.status).toBe(400);
    });
  });

  describe("errors and limits", () => {
    it("answers an unknown table with 404 PGRST205 and an unknown column with 400", async () => {
      const table = await anon.from("no_such_table").select();
      expect(table.status).toBe(404);
      expect(table.error).toMatchObject({
        code: "PGRST205",
        message: "Could not find the table 'public.no_such_table' in the schema cache",
      });
      const insert = await asAlice.from("no_such_table").insert({ a: 1 });
      expect(insert.status).toBe(404);
      expect(insert.error?.code).toBe("PGRST205");
      const column = await anon.from("notes").select("nope");
      expect(column.status).toBe(400);
      expect(column.error?.code).toBe("42703");
    });

    it("answers 501 for embedding, or=, json paths and csv rather than a wrong result", async () => {
      const embedded = await anon.from("notes").select("title, owner(*)");
      expect(embedded.status).toBe(501);
      expect(embedded.error?.message).toContain("owner(...)");
      const or = await anon.from("notes").select("title").or("rank.eq.1,rank.eq.4");
      expect(or.status).toBe(501);
      expect(or.error?.message).toContain("or=");
      const jsonPath = await anon.from("notes").select("meta->color");
      expect(jsonPath.status).toBe(501);
      const csv = await anon.from("notes").select("title").csv();
      expect(csv.status).toBe(501);
      const contains = await anon.from("notes").select("title").contains("tags", ["a"]);
      expect(contains.status).toBe(501);
    });

    it("strips nulls when asked", async () => {
      const { data } = await asAlice
        .from("notes")
        .select("title, body, price")
        .eq("title", "Beta")
        .stripNulls();
      expect(data).toEqual([{ title: "Beta", price: 20 }]);
    });

    it("answers paths it cannot name with 404", async () => {
      expect((await restFetch("/notes%00")).status).toBe(404);
      expect((await restFetch("/notes/extra")).status).toBe(404);
      expect((await restFetch("/")).status).toBe(501);
    });

    it("refuses schemas other than public with 406 PGRST106", async () => {
      const { status, error } = await anon.schema("private").from("anything").select();
      expect(status).toBe(406);
      expect(error?.code).toBe("PGRST106");
    });

    it("rejects expired, forged and malformed JWTs with 401", async () => {
      const expired = await signJwt({ role: "authenticated", sub: aliceId }, stack.jwtSecret, -10);
      const expiredClient = connectClient(stack, stack.anonKey, { Authorization: `Bearer ${expired}` });
      const late = await expiredClient.from("notes").select();
      expect(late.status).toBe(401);
      expect(late.error).toMatchObject({ code: "PGRST303", message: "JWT expired" });

      const forged = await signJwt(
        { role: "service_role" },
        "not-the-project-secret-but-32-characters",
        3600,
      );
      const forgedResult = await connectClient(stack, forged).from("notes").select();
      expect(forgedResult.status).toBe(401);
      expect(forgedResult.error?.code).toBe("PGRST301");

      const malformed = await restFetch("/notes", { headers: { Authorization: "Bearer abc.def" } });
      expect(malformed.status).toBe(401);
      expect(malformed.headers.get("www-authenticate")).toContain("invalid_token");
      expect(await malformed.json()).toMatchObject({ code: "PGRST301" });

      const superuser = await signJwt({ role: "postgres" }, stack.jwtSecret, 3600);
      const escalation = await connectClient(stack, superuser).from("notes").select();
      expect(escalation.status).toBe(403);
      expect(escalation.data).toBeNull();

      const noKey = await fetch(`${stack.apiUrl}/rest/v1/notes`);
      expect(noKey.status).toBe(401);
    });

    it("keeps SQL injection in column names and values harmless", async () => {
      const inSelect = await anon.from("notes").select("title,body);drop table public.notes;--");
      expect(inSelect.status).toBe(400);
      const inFilterColumn = await anon.from("notes").select("title").eq('title" = title or true --', "x");
      expect(inFilterColumn.status).toBe(400);
      const unbalanced = await anon.from("notes").select('"title""; drop table public.notes; --"');
      expect(unbalanced.status).toBe(400);
      const quoted = await anon.from("notes").select('"ti\\"tle; drop table public.notes; --"');
      expect(quoted.status).toBe(400);
      expect(quoted.error?.code).toBe("42703");
      const inValue = await anon.from("notes").select("title").eq("title", "x' or '1'='1");
      expect(inValue.data).toEqual([]);
      const inOrder = await anon.from("notes").select("title").order("rank; drop table public.notes");
      expect(inOrder.status).toBe(400);
      const inTable = await restFetch(
        `/${encodeURIComponent('notes" cascade; drop table public.notes; --')}`,
      );
      expect(inTable.status).toBe(404);
      const [{ exists } = { exists: false }] = await stack.db.sql<
        { exists: boolean }[]
      >`select to_regclass('public.notes') is not null as exists`;
      expect(exists).toBe(true);
      expect((await service.from("notes").select("title", { count: "exact", head: true })).count).toBe(5);
    });
  });
});
