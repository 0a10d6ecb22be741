import { randomUUID } from "node:crypto";
import postgres, { type Sql, type TransactionSql } from "postgres";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "../support/testDatabase.ts";
import { actAs, asActorRolledBack, asUser } from "./support/actAs.ts";
import { type Fixture, useTwoWorkspaces } from "./support/seedTwoWorkspaces.ts";

/** A public.parser_tasks row as the tests read it. */
interface ParserTask {
  id: string;
  workspace_id: string;
  niche_id: string | null;
  kind: "parse" | "niche";
  input: Record<string, unknown>;
  status: string;
  idempotency_key: string | null;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  error: { code: string; message: string } | null;
  result: unknown;
  created_by: string | null;
}

/** Runs `work` as the signed-in user, as PostgREST runs a request, and commits it. */
async function asUserCommitted<T>(
  sql: Sql,
  userId: string,
  work: (tx: TransactionSql) => Promise<T>,
): Promise<T> {
  const answers: T[] = [];
  await sql.begin(async (tx) => {
    await tx`set local role authenticated`;
    await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: userId, role: "authenticated" })}, true)`;
    answers.push(await work(tx));
  });
  return answers[0]!;
}

/** Calls create_parser_task in the transaction (JSON goes over the wire as text, cast in SQL). */
function createTask(
  tx: TransactionSql,
  workspaceId: string,
  kind: string,
  input: unknown,
  key: string | null = null,
  nicheId: string | null = null,
): Promise<ParserTask> {
  return tx<ParserTask[]>`
    select * from public.create_parser_task(${workspaceId}, ${kind}, ${JSON.stringify(input)}::text::jsonb, ${key}, ${nicheId})`.then(
    (rows) => rows[0]!,
  );
}

describe("market research", () => {
  let db: TestDatabase;
  let f: Fixture;
  useTwoWorkspaces((seeded) => {
    ({ db, f } = seeded);
  });

  const olxListing = (query: string) => `https://www.olx.kz/list/q-${query}/`;

  /** An operator of A queues a parse task (committed), so a worker can claim it. */
  const queueParse = (urls: string[] = [olxListing(randomUUID().slice(0, 8))]) =>
    asUserCommitted(db.sql, f.users.operator, (tx) => createTask(tx, f.workspaceA, "parse", { urls }));

  async function task(id: string): Promise<ParserTask> {
    const [row] = await db.sql<ParserTask[]>`select * from public.parser_tasks where id = ${id}`;
    return row!;
  }

  /** Seconds from now until the time (negative: in the past). */
  async function secondsUntil(id: string, column: "run_after" | "locked_until"): Promise<number> {
    const [row] = await db.sql<{ seconds: number }[]>`
      select extract(epoch from ${db.sql(column)} - now())::float8 as seconds from public.parser_tasks where id = ${id}`;
    return row!.seconds;
  }

  const claim = (worker: string, visibility = "5 minutes", sql: Sql = db.sql) =>
    sql<ParserTask[]>`select * from private.claim_parser_task(${worker}, ${visibility}::interval)`.then(
      (rows) => rows[0] ?? null,
    );

  const report = (taskId: string, worker: string, counts = [4, 2, 1, 30], visibility = "5 minutes") =>
    db.sql<{ kept: boolean }[]>`
      select private.report_parser_progress(${taskId}, ${worker}, ${counts[0]!}, ${counts[1]!}, ${counts[2]!},
        ${counts[3]!}, 'Читаю olx.kz', ${visibility}::interval) as kept`.then((rows) => rows[0]!.kept);

  const recordPage = (taskId: string, worker: string, page: unknown) =>
    db.sql<{ recorded: { parsed_site_id: string; products: number } }[]>`
      select private.record_parsed_page(${taskId}, ${worker}, ${JSON.stringify(page)}::text::jsonb) as recorded`.then(
      (rows) => rows[0]!.recorded,
    );

  const complete = (
    taskId: string,
    worker: string,
    status: string,
    result: unknown = null,
    error: unknown = null,
  ) =>
    db.sql<{ done: boolean }[]>`
      select private.complete_parser_task(${taskId}, ${worker}, ${status},
        ${result === null ? null : JSON.stringify(result)}::text::jsonb,
        ${error === null ? null : JSON.stringify(error)}::text::jsonb) as done`.then((rows) => rows[0]!.done);

  const fail = (taskId: string, worker: string, retry = true) =>
    db.sql<{ status: string | null }[]>`
      select private.fail_parser_task(${taskId}, ${worker}, '{"code": "http_503", "message": "Service Unavailable"}',
        ${retry}) as status`.then((rows) => rows[0]!.status);

  /** Ends every open task, so a test's claims see only the tasks it queues. */
  async function emptyQueue(): Promise<void> {
    await db.sql`update public.parser_tasks set status = 'cancelled', finished_at = now(), locked_by = null,
      locked_until = null where status in ('queued', 'running')`;
  }

  /** Queues a task and hands it to `worker`. */
  async function claimed(
    worker: string,
    kind: "parse" | "niche" = "parse",
    input?: unknown,
  ): Promise<ParserTask> {
    await emptyQueue();
    const queued =
      kind === "parse"
        ? await queueParse()
        : await asUserCommitted(db.sql, f.users.operator, (tx) =>
            createTask(tx, f.workspaceA, "niche", input),
          );
    const got = await claim(worker);
    expect(got?.id).toBe(queued.id);
    return got!;
  }

  describe("create_parser_task", () => {
    it("queues a parse task with its input completed, once per idempotency key", async () => {
      const key = randomUUID();
      const input = {
        urls: [` ${olxListing("kondicioner")} `, olxListing("kondicioner"), "https://kaspi.kz/shop/c/x/"],
      };
      const first = await asUserCommitted(db.sql, f.users.operator, (tx) =>
        createTask(tx, f.workspaceA, "parse", input, key),
      );
      const again = await asUserCommitted(db.sql, f.users.operator, (tx) =>
        createTask(tx, f.workspaceA, "parse", { urls: ["https://satu.kz/"] }, key),
      );
      expect(again).toEqual(first);
      expect(first).toMatchObject({
        kind: "parse",
        status: "queued",
        attempts: 0,
        max_attempts: 5,
        created_by: f.users.operator,
        niche_id: null,
        input: {
          urls: [olxListing("kondicioner"), "https://kaspi.kz/shop/c/x/"],
          site: "auto",
          browser: "auto",
          follow_pages: 0,
        },
      });
      const rows = await db.sql`select id from public.parser_tasks where idempotency_key = ${key}`;
      expect(rows).toHaveLength(1);
    });

    it("queues one task when requests with the same key arrive at once", async () => {
      const key = randomUUID();
      const many = await Promise.all(
        Array.from({ length: 4 }, () =>
          asUserCommitted(db.sql, f.users.operator, (tx) =>
            createTask(tx, f.workspaceA, "parse", { urls: [olxListing("divan")] }, key),
          ),
        ),
      );
      expect(new Set(many.map((t) => t.id)).size).toBe(1);

      // A second request arriving while the first is still open waits for it and gets its task.
      const other = postgres(db.url, { max: 1, onnotice: () => {} });
      const lateKey = randomUUID();
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      try {
        let created: (id: string) => void = () => {};
        const firstCreated = new Promise<string>((resolve) => {
          created = resolve;
        });
        const first = asUserCommitted(db.sql, f.users.operator, async (tx) => {
          const row = await createTask(tx, f.workspaceA, "parse", { urls: [olxListing("shkaf")] }, lateKey);
          created(row.id);
          await gate;
          return row.id;
        });
        await firstCreated;
        const second = asUserCommitted(other, f.users.operator, (tx) =>
          createTask(tx, f.workspaceA, "parse", { urls: [olxListing("shkaf")] }, lateKey),
        );
        await expect
          .poll(async () => {
            const [waiting] = await db.sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'`;
            return waiting!.n;
          })
          .toBe(1);
        release();
        const [firstId, secondTask] = await Promise.all([first, second]);
        expect(secondTask.id).toBe(firstId);
        const rows = await db.sql`select id from public.parser_tasks where idempotency_key = ${lateKey}`;
        expect(rows).toHaveLength(1);
      } finally {
        release();
        await other.end({ timeout: 1 });
      }
    });

    const tooMany = Array.from({ length: 501 }, (_, i) => `https://www.olx.kz/d/obyavlenie/${i}/`);
    it.each([
      ["no URLs", "no_urls", "parse", {}],
      ["an empty URL list", "no_urls", "parse", { urls: [] }],
      ["501 URLs", "too_many_urls", "parse", { urls: tooMany }],
      ["a URL without its scheme", "invalid_url", "parse", { urls: ["olx.kz/list/q-divan/"] }],
      ["an ftp URL", "invalid_url", "parse", { urls: ["https://satu.kz/", "ftp://satu.kz/price.xml"] }],
      ["a site we do not read", "invalid_site", "parse", { urls: ["https://satu.kz/"], site: "avito" }],
      [
        "51 pages to follow",
        "invalid_follow_pages",
        "parse",
        { urls: ["https://satu.kz/"], follow_pages: 51 },
      ],
      [
        "a browser mode that does not exist",
        "invalid_browser",
        "parse",
        { urls: ["https://satu.kz/"], browser: "sometimes" },
      ],
      ["a niche without a query", "invalid_query", "niche", { city: "Алматы" }],
      ["a blank query", "invalid_query", "niche", { query: "   " }],
      [
        "a niche site we do not research",
        "invalid_site",
        "niche",
        { query: "диван", sites: ["olx", "avito"] },
      ],
      ["zero pages per site", "invalid_max_pages", "niche", { query: "диван", max_pages: 0 }],
      ["an unknown kind", "invalid_kind", "crawl", { urls: ["https://satu.kz/"] }],
    ])("refuses %s (22023 %s)", async (_what, code, kind, input) => {
      await expect(
        asActorRolledBack(db.sql, asUser(f.users.operator), (tx) =>
          createTask(tx, f.workspaceA, kind, input),
        ),
      ).rejects.toMatchObject({ code: "22023", message: code });
    });

    it("names the URL it refuses", async () => {
      await expect(
        asActorRolledBack(db.sql, asUser(f.users.operator), (tx) =>
          createTask(tx, f.workspaceA, "parse", {
            urls: ["https://kaspi.kz/", "kaspi.kz/shop/p/121207970/"],
          }),
        ),
      ).rejects.toMatchObject({
        message: "invalid_url",
        hint: "kaspi.kz/shop/p/121207970/",
        detail: expect.stringContaining("kaspi.kz/shop/p/121207970/"),
      });
    });

    it("lets operators, admins and owners create tasks, and nobody else", async () => {
      const create = (tx: TransactionSql) =>
        tx`select id from public.create_parser_task(${f.workspaceA}, 'parse', '{"urls": ["https://satu.kz/"]}')`;
      for (const user of [f.users.operator, f.users.admin, f.users.owner]) {
        expect(await actAs(db.sql, asUser(user), create)).toEqual({ kind: "rows", count: 1 });
      }
      for (const user of [f.users.viewer, f.users.sales, f.users.outsider]) {
        expect(await actAs(db.sql, asUser(user), create)).toMatchObject({
          kind: "error",
          code: "42501",
          message: "operator_role_required",
        });
      }
      expect(await actAs(db.sql, { role: "anon" }, create)).toMatchObject({ kind: "error", code: "42501" });
      expect(await actAs(db.sql, { role: "authenticated" }, create)).toMatchObject({
        kind: "error",
        code: "42501",
        message: "sign_in_required",
      });
      expect(await actAs(db.sql, { role: "service_role" }, create)).toEqual({ kind: "rows", count: 1 });
    });

    it("researches the workspace's niche of the query and city, creating it once", async () => {
      const existing = await asActorRolledBack(db.sql, asUser(f.users.operator), (tx) =>
        createTask(tx, f.workspaceA, "niche", { query: "Кондиционер", city: "almaty" }),
      );
      expect(existing.niche_id).toBe(f.nicheA);

      const first = await asUserCommitted(db.sql, f.users.operator, (tx) =>
        createTask(tx, f.workspaceA, "niche", { query: " кухни на заказ ", city: "Шымкент" }),
      );
      const second = await asUserCommitted(db.sql, f.users.admin, (tx) =>
        createTask(tx, f.workspaceA, "niche", { query: "Кухни на заказ", city: "ШЫМКЕНТ", sites: ["olx"] }),
      );
      expect(first.input).toEqual({
        query: "кухни на заказ",
        city: "Шымкент",
        sites: ["olx", "kaspi", "satu"],
        max_pages: 3,
      });
      expect(second.niche_id).toBe(first.niche_id);
      const niches =
        await db.sql`select name, query, city, status from public.niches where id = ${first.niche_id!}`;
      expect(niches).toEqual([
        { name: "кухни на заказ, Шымкент", query: "кухни на заказ", city: "Шымкент", status: "research" },
      ]);

      const withoutCity = await asActorRolledBack(db.sql, asUser(f.users.operator), async (tx) => {
        const created = await createTask(tx, f.workspaceA, "niche", { query: "кухни на заказ" });
        return tx`select name, city from public.niches where id = ${created.niche_id!}`;
      });
      expect(withoutCity).toEqual([{ name: "кухни на заказ", city: null }]);
    });

    it("links the niche given, if it is the workspace's", async () => {
      const linked = await asActorRolledBack(db.sql, asUser(f.users.operator), (tx) =>
        createTask(tx, f.workspaceA, "niche", { query: "потолок" }, null, f.nicheA2),
      );
      expect(linked.niche_id).toBe(f.nicheA2);
      await expect(
        asActorRolledBack(db.sql, asUser(f.users.operator), (tx) =>
          createTask(tx, f.workspaceA, "niche", { query: "курсы" }, null, f.nicheB),
        ),
      ).rejects.toMatchObject({ code: "P0002", message: "niche_not_found" });
    });

    it("wakes a local worker once the task is committed", async () => {
      const notices: string[] = [];
      const listener = await db.sql.listen("arqan_parser_tasks", (payload) => notices.push(payload));
      try {
        const queued = await queueParse();
        await expect.poll(() => notices).toContain(queued.id);
      } finally {
        await listener.unlisten();
      }
    });
  });

  describe("cancel_parser_task", () => {
    const cancel = (userId: string, taskId: string) =>
      asUserCommitted(db.sql, userId, (tx) =>
        tx<ParserTask[]>`select * from public.cancel_parser_task(${taskId})`.then((rows) => rows[0]!),
      );

    it("stops a queued task", async () => {
      const queued = await queueParse();
      const cancelled = await cancel(f.users.operator, queued.id);
      expect(cancelled).toMatchObject({ status: "cancelled", locked_by: null });
      expect(cancelled.finished_at).toBeInstanceOf(Date);
    });

    it("stops a running task: its worker is told at its next report and can store nothing more", async () => {
      const running = await claimed("worker-cancel");
      await cancel(f.users.admin, running.id);
      expect(await report(running.id, "worker-cancel")).toBe(false);
      await expect(recordPage(running.id, "worker-cancel", listingPage)).rejects.toMatchObject({
        code: "55000",
        message: "lease_lost",
      });
      expect(await complete(running.id, "worker-cancel", "done")).toBe(false);
      expect((await task(running.id)).status).toBe("cancelled");
    });

    it("leaves a finished task as it is", async () => {
      const running = await claimed("worker-finished");
      await complete(running.id, "worker-finished", "done", { pages: 1 });
      const after = await cancel(f.users.operator, running.id);
      expect(after.status).toBe("done");
    });

    it("refuses a viewer (42501) and a stranger (P0002)", async () => {
      const queued = await queueParse();
      const call = (tx: TransactionSql) => tx`select id from public.cancel_parser_task(${queued.id})`;
      expect(await actAs(db.sql, asUser(f.users.viewer), call)).toMatchObject({
        kind: "error",
        code: "42501",
        message: "operator_role_required",
      });
      for (const user of [f.users.outsider, f.users.sales]) {
        expect(await actAs(db.sql, asUser(user), call)).toMatchObject({
          kind: "error",
          code: "P0002",
          message: "parser_task_not_found",
        });
      }
      expect((await task(queued.id)).status).toBe("queued");
    });
  });

  describe("the worker's queue", () => {
    beforeEach(emptyQueue);

    it("hands out the oldest due task, running under a lease, and each task once", async () => {
      const older = await queueParse();
      const newer = await queueParse();
      const first = await claim("worker-1", "2 minutes");
      expect(first).toMatchObject({ id: older.id, status: "running", attempts: 1, locked_by: "worker-1" });
      expect(first?.started_at).toBeInstanceOf(Date);
      expect(await secondsUntil(older.id, "locked_until")).toBeCloseTo(120, -1);
      expect((await claim("worker-2"))?.id).toBe(newer.id);
      expect(await claim("worker-3")).toBeNull();
    });

    it("never hands one task to two workers claiming at the same time", async () => {
      const queued = await Promise.all(Array.from({ length: 6 }, () => queueParse()));
      const workers = postgres(db.url, { max: 10, onnotice: () => {} });
      try {
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, i) => claim(`worker-${i}`, "5 minutes", workers)),
        );
        const ids = claims.flatMap((c) => (c ? [c.id] : []));
        expect(ids).toHaveLength(6);
        expect(new Set(ids)).toEqual(new Set(queued.map((t) => t.id)));
      } finally {
        await workers.end({ timeout: 1 });
      }
    });

    it("skips a task another transaction has locked instead of waiting for it", async () => {
      const locked = await queueParse();
      const free = await queueParse();
      let release = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let held: () => void = () => {};
      const isHeld = new Promise<void>((resolve) => {
        held = resolve;
      });
      const holder = db.sql.begin(async (tx) => {
        await tx`select id from public.parser_tasks where id = ${locked.id} for update`;
        held();
        await gate;
      });
      try {
        await isHeld;
        const got = await db.sql.begin(async (tx) => {
          await tx`set local lock_timeout = '2s'`;
          const [row] = await tx<ParserTask[]>`select * from private.claim_parser_task('worker-skip')`;
          return row;
        });
        expect(got?.id).toBe(free.id);
      } finally {
        release();
        await holder;
      }
    });

    it("gives a task whose lease ran out to another worker and tells the first to stop", async () => {
      const running = await claimed("worker-slow");
      await db.sql`update public.parser_tasks set locked_until = now() - interval '1 second' where id = ${running.id}`;
      const taken = await claim("worker-fresh");
      expect(taken).toMatchObject({ id: running.id, attempts: 2, locked_by: "worker-fresh" });
      expect(taken?.started_at).toEqual(running.started_at);
      expect(await report(running.id, "worker-slow")).toBe(false);
      await expect(recordPage(running.id, "worker-slow", listingPage)).rejects.toMatchObject({
        code: "55000",
        message: "lease_lost",
      });
      expect(await fail(running.id, "worker-slow")).toBeNull();
      expect(await report(running.id, "worker-fresh")).toBe(true);
    });

    it("fails a task whose attempts are spent (attempts_exhausted)", async () => {
      const queued = await queueParse();
      await db.sql`update public.parser_tasks set max_attempts = 2 where id = ${queued.id}`;
      for (const worker of ["worker-a", "worker-b"]) {
        expect((await claim(worker))?.id).toBe(queued.id);
        await db.sql`update public.parser_tasks set locked_until = now() - interval '1 second' where id = ${queued.id}`;
      }
      expect(await claim("worker-c")).toBeNull();
      const spent = await task(queued.id);
      expect(spent).toMatchObject({ status: "failed", attempts: 2, locked_by: null, locked_until: null });
      expect(spent.error?.code).toBe("attempts_exhausted");
      expect(spent.finished_at).toBeInstanceOf(Date);
    });

    it("takes progress from the worker holding the task only, and extends its lease", async () => {
      const running = await claimed("worker-progress");
      expect(await report(running.id, "worker-other", [9, 9, 9, 9])).toBe(false);
      expect(await report(running.id, "worker-progress", [12, 5, 1, 240], "10 minutes")).toBe(true);
      const [row] = await db.sql`select pages_total, pages_done, pages_failed, items_found, progress_note
        from public.parser_tasks where id = ${running.id}`;
      expect(row).toEqual({
        pages_total: 12,
        pages_done: 5,
        pages_failed: 1,
        items_found: 240,
        progress_note: "Читаю olx.kz",
      });
      expect(await secondsUntil(running.id, "locked_until")).toBeCloseTo(600, -1);
    });

    it("retries a failed try after 30 s, then 1 min, and fails it on the last attempt", async () => {
      const running = await claimed("worker-retry");
      await db.sql`update public.parser_tasks set max_attempts = 3 where id = ${running.id}`;

      expect(await fail(running.id, "worker-retry")).toBe("queued");
      const afterFirst = await task(running.id);
      expect(afterFirst).toMatchObject({ status: "queued", locked_by: null, error: { code: "http_503" } });
      expect(await secondsUntil(running.id, "run_after")).toBeCloseTo(30, 0);
      expect(await claim("worker-eager")).toBeNull();

      await db.sql`update public.parser_tasks set run_after = now() where id = ${running.id}`;
      expect((await claim("worker-retry"))?.attempts).toBe(2);
      expect(await fail(running.id, "worker-retry")).toBe("queued");
      expect(await secondsUntil(running.id, "run_after")).toBeCloseTo(60, 0);

      await db.sql`update public.parser_tasks set run_after = now() where id = ${running.id}`;
      expect((await claim("worker-retry"))?.attempts).toBe(3);
      expect(await fail(running.id, "worker-retry")).toBe("failed");
      const last = await task(running.id);
      expect(last).toMatchObject({ status: "failed", error: { code: "http_503" }, locked_by: null });
      expect(last.finished_at).toBeInstanceOf(Date);
    });

    it("fails a task at once when the worker says a retry is pointless", async () => {
      const running = await claimed("worker-give-up");
      expect(await fail(running.id, "worker-give-up", false)).toBe("failed");
    });

    it("ends a niche task with its report, which becomes market research of its niche", async () => {
      const running = await claimed("worker-niche", "niche", { query: "кондиционер", city: "Almaty" });
      expect(running.niche_id).toBe(f.nicheA);
      const nicheReport = {
        query: "кондиционер",
        listings: 1000,
        median_price_kzt: 185000,
        competition: "high",
      };
      expect(await complete(running.id, "worker-niche", "partial", nicheReport)).toBe(true);
      expect(await complete(running.id, "worker-niche", "done", nicheReport)).toBe(false);

      const ended = await task(running.id);
      expect(ended).toMatchObject({
        status: "partial",
        result: nicheReport,
        locked_by: null,
        locked_until: null,
      });
      expect(ended.finished_at).toBeInstanceOf(Date);
      const research = await db.sql`select niche_id, data_type, region, data from public.market_research
        where workspace_id = ${f.workspaceA} and data_type = 'niche_report'`;
      expect(research).toEqual([
        { niche_id: f.nicheA, data_type: "niche_report", region: "Almaty", data: nicheReport },
      ]);
    });

    it("adds no research for a niche task that read nothing", async () => {
      const running = await claimed("worker-blocked", "niche", { query: "диван", city: "Караганда" });
      const error = { code: "blocked", message: "Every page answered with a captcha" };
      expect(await complete(running.id, "worker-blocked", "blocked", { listings: 0 }, error)).toBe(true);
      expect(await task(running.id)).toMatchObject({ status: "blocked", error });
      const research =
        await db.sql`select id from public.market_research where niche_id = ${running.niche_id!}`;
      expect(research).toEqual([]);
    });

    it("refuses an end that is not done, partial, blocked or failed", async () => {
      const running = await claimed("worker-odd");
      await expect(complete(running.id, "worker-odd", "cancelled")).rejects.toMatchObject({
        code: "22023",
        message: "invalid_status",
      });
    });
  });

  describe("record_parsed_page", () => {
    beforeEach(emptyQueue);

    const productsOf = (taskId: string) =>
      db.sql`select site, external_id, title, price, currency, price_kzt, negotiable, city, seller, seller_type,
          promoted, url, rating, reviews, views, posted_at, brand, sku, available, sellers, data
        from public.parsed_products where task_id = ${taskId} order by external_id`;
    const pagesOf = (taskId: string) =>
      db.sql`select url, final_url, domain, site, kind, fetch_path, http_status, title, total, missing, error,
          item_count, page ? 'items' as has_items
        from public.parsed_sites where task_id = ${taskId}`;

    it("stores a listing's ads once each, however often an ad or the page repeats", async () => {
      const running = await claimed("worker-listing");
      const first = await recordPage(running.id, "worker-listing", listingPage);
      expect(first.products).toBe(2);
      const again = await recordPage(running.id, "worker-listing", listingPage);
      expect(again).toEqual(first);

      expect(await pagesOf(running.id)).toEqual([
        {
          url: listingPage.url,
          final_url: listingPage.url,
          domain: "www.olx.kz",
          site: "olx",
          kind: "listing",
          fetch_path: "http",
          http_status: 200,
          title: "Кондиционеры в Алматы",
          total: 1000,
          missing: ["views"],
          error: null,
          item_count: 3,
          has_items: false,
        },
      ]);
      expect(await productsOf(running.id)).toEqual([
        {
          site: "olx",
          external_id: "48423658",
          title: "Кондиционер Gree 12 с установкой",
          price: "185000.00",
          currency: "KZT",
          price_kzt: "185000",
          negotiable: false,
          city: "Алматы, Бостандыкский район",
          seller: "Климат Сервис",
          seller_type: "business",
          promoted: true,
          url: "https://www.olx.kz/d/obyavlenie/kondicioner-gree-IDkz1.html",
          rating: null,
          reviews: null,
          views: 312,
          posted_at: new Date("2026-03-02T09:15:00Z"),
          brand: null,
          sku: null,
          available: null,
          sellers: [],
          data: {},
        },
        {
          site: "olx",
          external_id: "50881478",
          title: "Кондиционер Midea б/у",
          price: "95000.50",
          currency: "KZT",
          price_kzt: "95001",
          negotiable: true,
          city: "Алматы",
          seller: "Ержан",
          seller_type: "private",
          promoted: false,
          url: "https://www.olx.kz/d/obyavlenie/kondicioner-midea-IDkz2.html",
          rating: null,
          reviews: null,
          views: null,
          posted_at: null,
          brand: null,
          sku: null,
          available: null,
          sellers: [],
          data: {},
        },
      ]);
    });

    it("keeps a price in another currency out of price_kzt, and ads without an id once per read", async () => {
      const running = await claimed("worker-uzs");
      const page = {
        ...listingPage,
        url: "https://www.olx.uz/list/q-iphone/",
        items: [
          {
            ...listingPage.items[1]!,
            id: "50881479",
            title: "Iphone 5s 32 gb black",
            price: 200000,
            currency: "UZS",
          },
          { ...listingPage.items[1]!, id: null, title: "Без номера" },
        ],
      };
      await recordPage(running.id, "worker-uzs", page);
      await recordPage(running.id, "worker-uzs", page);
      const rows = await db.sql`select external_id, price, currency, price_kzt from public.parsed_products
        where task_id = ${running.id} order by external_id nulls last`;
      expect(rows).toEqual([
        { external_id: "50881479", price: "200000.00", currency: "UZS", price_kzt: null },
        { external_id: null, price: "95000.50", currency: "KZT", price_kzt: "95001" },
      ]);
    });

    it("stores a product page's product with its sellers, merged with what a listing said of it", async () => {
      const running = await claimed("worker-product");
      await recordPage(running.id, "worker-product", {
        ...listingPage,
        site: "kaspi",
        url: "https://kaspi.kz/shop/c/sport/",
        items: [
          {
            id: "121207970",
            title: "Рашгард черный",
            price: 2810,
            currency: "KZT",
            negotiable: null,
            city: "Астана",
            seller: null,
            promoted: false,
            url: "https://kaspi.kz/shop/p/rashgard-chernyi-121207970/",
            rating: 4.9,
            reviews: 80,
          },
        ],
      });
      const recorded = await recordPage(running.id, "worker-product", productPage);
      expect(recorded.products).toBe(1);
      expect(await productsOf(running.id)).toEqual([
        {
          site: "kaspi",
          external_id: "121207970",
          title: "Рашгард черный",
          price: "2810.00",
          currency: "KZT",
          price_kzt: "2810",
          negotiable: null,
          city: "Астана",
          seller: null,
          seller_type: null,
          promoted: false,
          url: "https://kaspi.kz/shop/p/rashgard-chernyi-121207970/",
          rating: "5.00",
          reviews: 85,
          views: null,
          posted_at: null,
          brand: "Без бренда",
          sku: null,
          available: true,
          sellers: productPage.product.sellers,
          data: {
            attributes: { Цвет: "черный" },
            images: ["https://resources.cdn-kaspi.kz/img/m/p/h1.jpg"],
            availability: "https://schema.org/InStock",
          },
        },
      ]);
    });

    it("stores a price list's offers by sku, in tenge, with availability and city prices", async () => {
      const running = await claimed("worker-feed");
      const recorded = await recordPage(running.id, "worker-feed", feedPage);
      expect(recorded.products).toBe(2);
      const rows =
        await db.sql`select site, external_id, sku, title, brand, price, currency, price_kzt, available, data
        from public.parsed_products where task_id = ${running.id} order by external_id`;
      expect(rows).toEqual([
        {
          site: "kaspi",
          external_id: "119102364",
          sku: "119102364",
          title: "Игрушка 7490466527",
          brand: "Без бренда",
          price: "1371.00",
          currency: "KZT",
          price_kzt: "1371",
          available: true,
          data: { city_prices: { "710000000": 1371, "750000000": 1450 } },
        },
        {
          site: "kaspi",
          external_id: "119102365",
          sku: "119102365",
          title: "119102365",
          brand: null,
          price: "727.00",
          currency: "KZT",
          price_kzt: "727",
          available: false,
          data: {},
        },
      ]);
    });

    it("stores a page that could not be fetched as an error of its site, with no products", async () => {
      const running = await claimed("worker-error");
      await recordPage(running.id, "worker-error", {
        ...emptyPage,
        url: "https://satu.kz/Kondicionery.html",
        error: { code: "timeout", message: "No answer in 30 s" },
      });
      expect(await pagesOf(running.id)).toEqual([
        expect.objectContaining({
          url: "https://satu.kz/Kondicionery.html",
          domain: "satu.kz",
          site: "satu",
          kind: "error",
          error: { code: "timeout", message: "No answer in 30 s" },
          item_count: 0,
        }),
      ]);
      expect(await productsOf(running.id)).toEqual([]);
    });

    it("refuses a page without a URL (22023 invalid_page)", async () => {
      const running = await claimed("worker-no-url");
      await expect(
        recordPage(running.id, "worker-no-url", { ...emptyPage, url: null }),
      ).rejects.toMatchObject({
        code: "22023",
        message: "invalid_page",
      });
    });

    it("sums up a task's pages and products for its page in the dashboard", async () => {
      const running = await claimed("worker-summary");
      await recordPage(running.id, "worker-summary", listingPage);
      await recordPage(running.id, "worker-summary", productPage);
      await recordPage(running.id, "worker-summary", {
        ...emptyPage,
        url: "https://satu.kz/Kondicionery.html",
        error: { code: "timeout", message: "No answer in 30 s" },
      });
      const summary = await asActorRolledBack(db.sql, asUser(f.users.viewer), (tx) =>
        tx<{ summary: unknown }[]>`select public.parser_task_summary(${running.id}) as summary`.then(
          (rows) => rows[0]!.summary,
        ),
      );
      expect(summary).toEqual({
        task_id: running.id,
        status: "running",
        pages: 3,
        by_kind: { listing: 1, product: 1, error: 1 },
        by_site: { olx: 1, kaspi: 1, satu: 1 },
        by_fetch_path: { http: 1, browser: 1, none: 1 },
        errors: { timeout: 1 },
        products: 3,
        products_by_site: { olx: 2, kaspi: 1 },
        missing: { views: 1, price: 1 },
      });
    });
  });
});

const listingSeo = {
  title: "Кондиционеры в Алматы",
  description: "Объявления о продаже кондиционеров",
  canonical: "https://www.olx.kz/list/q-kondicioner/",
  h1: "Кондиционеры",
  headings: [{ level: 1, text: "Кондиционеры" }],
  hreflang: [],
  robots: null,
};

/** An OLX.kz search page as the reader returns it: three cards, the first ad shown again further down. */
const listingPage = {
  site: "olx",
  kind: "listing",
  url: "https://www.olx.kz/list/q-kondicioner/",
  title: "Кондиционеры в Алматы",
  total: 1000,
  items: [
    {
      id: "48423658",
      title: "Кондиционер Gree 12 с установкой",
      price: 185000,
      currency: "KZT",
      negotiable: false,
      city: "Алматы, Бостандыкский район",
      seller: "Климат Сервис",
      promoted: true,
      url: "https://www.olx.kz/d/obyavlenie/kondicioner-gree-IDkz1.html",
      views: 312,
      seller_type: "business",
      posted_at: "2026-03-02T14:15:00+05:00",
    },
    {
      id: "50881478",
      title: "Кондиционер Midea б/у",
      price: 95000.5,
      currency: "KZT",
      negotiable: true,
      city: "Алматы",
      seller: "Ержан",
      promoted: false,
      url: "https://www.olx.kz/d/obyavlenie/kondicioner-midea-IDkz2.html",
      seller_type: "private",
      posted_at: "вчера",
    },
    {
      id: "48423658",
      title: "Кондиционер Gree 12 с установкой",
      price: 185000,
      currency: "KZT",
      negotiable: false,
      city: "Алматы, Бостандыкский район",
      seller: "Климат Сервис",
      promoted: false,
      url: "https://www.olx.kz/d/obyavlenie/kondicioner-gree-IDkz1.html",
    },
  ],
  product: null,
  offers: [],
  seo: listingSeo,
  page: 1,
  pages: 25,
  next_url: "https://www.olx.kz/list/q-kondicioner/?page=2",
  missing: ["views"],
  source: "olx:prerendered-state",
  fetch: { path: "http", status: 200, ms: 412, bytes: 381_220 },
};

/** A Kaspi product page with its sellers table, rendered in the browser. */
const productPage = {
  site: "kaspi",
  kind: "product",
  url: "https://kaspi.kz/shop/p/rashgard-chernyi-121207970/",
  title: "Купить Рашгард черный в Астане – Магазин на Kaspi.kz",
  total: null,
  items: [],
  product: {
    id: "121207970",
    title: "Рашгард черный",
    price: 2810,
    currency: "KZT",
    brand: "Без бренда",
    rating: 5,
    reviews: 85,
    sellers: [
      { name: "ShoрKZ", id: "30079314", price: 2810 },
      { name: "Chursina Store", id: "30352626", price: 2810 },
      { name: "TESSO", id: "30321583", price: 2897 },
    ],
    attributes: { Цвет: "черный" },
    description: null,
    images: ["https://resources.cdn-kaspi.kz/img/m/p/h1.jpg"],
    availability: "https://schema.org/InStock",
  },
  offers: [],
  seo: { ...listingSeo, canonical: null },
  missing: ["price"],
  source: "kaspi:backend-item",
  fetch: { path: "browser", status: 200, ms: 2310, bytes: 912_004 },
};

/** A merchant's Kaspi price list: two offers, one sold out and without a model name. */
const feedPage = {
  site: "kaspi",
  kind: "feed",
  url: "https://merchant.example.kz/kaspi.xml",
  title: null,
  total: 2,
  items: [],
  product: null,
  offers: [
    {
      sku: "119102364",
      model: "Игрушка 7490466527",
      brand: "Без бренда",
      price: 1371,
      available: true,
      city_prices: { "710000000": 1371, "750000000": 1450 },
    },
    { sku: "119102365", model: null, brand: null, price: 727, available: false },
  ],
  seo: { ...listingSeo, title: null, canonical: null, h1: null, headings: [] },
  missing: [],
  source: "kaspi:price-list",
  fetch: { path: "http", status: 200, ms: 95, bytes: 40_112 },
};

/** What the worker stores for a URL it could not read: no reader ran. */
const emptyPage = {
  site: "generic",
  kind: "unknown",
  url: "https://example.kz/" as string | null,
  title: null,
  total: null,
  items: [],
  product: null,
  offers: [],
  seo: {
    title: null,
    description: null,
    canonical: null,
    h1: null,
    headings: [],
    hreflang: [],
    robots: null,
  },
  missing: [],
  source: "none",
};
