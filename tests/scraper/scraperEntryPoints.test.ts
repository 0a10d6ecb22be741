import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { parsedPageSchema } from "@arqan/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readScraperEnv } from "../../packages/scraper/src/config/readScraperEnv.ts";
import { handler } from "../../packages/scraper/src/lambda/handler.ts";
import { createScraperService } from "../../packages/scraper/src/service/createScraperService.ts";
import { type FakeHttpServer, startFakeHttpServer } from "../fakes/fakeHttpServer.ts";
import { renderShopProductPage } from "../fakes/marketplaces/shopPages.ts";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

const token = "service-token-for-tests-0123456789";

describe("the scraper's entry points", () => {
  let shop: FakeHttpServer;
  let service: Server;
  let serviceUrl: string;
  let db: TestDatabase;

  beforeAll(async () => {
    shop = await startFakeHttpServer((request) => {
      if (request.path === "/robots.txt") return { status: 200, text: "User-agent: *\nAllow: /\n" };
      const product = /^\/p\/(\d+)$/.exec(request.path);
      if (product) {
        return {
          status: 200,
          text: renderShopProductPage({
            title: `Кондиционер ${product[1]}`,
            price: 150_000,
            sku: `K-${product[1]}`,
          }),
          headers: { "content-type": "text/html; charset=utf-8" },
        };
      }
      return {
        status: 404,
        text: "<html><head><title>Нет такой страницы</title></head><body>404</body></html>",
      };
    });
    service = createScraperService({
      env: { ...readScraperEnv({ ARQAN_SCRAPER_RATE: "0" }), serviceToken: token },
      crawlOverrides: { browser: "never" },
    });
    await new Promise<void>((done) => service.listen(0, "127.0.0.1", done));
    serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
    db = await createTestDatabase();
    process.env.ARQAN_SCRAPER_RATE = "0";
    process.env.DATABASE_URL = db.url;
  }, 60_000);

  afterAll(async () => {
    delete process.env.ARQAN_SCRAPER_RATE;
    delete process.env.DATABASE_URL;
    service?.closeAllConnections();
    await new Promise<void>((done) => (service ? service.close(() => done()) : done()));
    await shop?.close();
    await db?.drop();
  });

  const post = (body: string, auth: string | null = `Bearer ${token}`) =>
    fetch(`${serviceUrl}/parse`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(auth === null ? {} : { authorization: auth }) },
      body,
    });

  describe("the HTTP service", () => {
    it("parses a page for a caller with the token", async () => {
      const response = await post(JSON.stringify({ url: `${shop.url}/p/12` }));
      expect(response.status).toBe(200);
      const result = (await response.json()) as { ok: boolean; page: unknown };
      expect(result.ok).toBe(true);
      expect(parsedPageSchema.parse(result.page)).toMatchObject({
        kind: "product",
        product: { title: "Кондиционер 12", price: 150_000 },
        fetch: { path: "http" },
      });
    });

    it("answers 401 without the token and parses nothing", async () => {
      const before = (await fetch(`${serviceUrl}/health`)).status;
      expect(before).toBe(200);
      const response = await post(JSON.stringify({ url: `${shop.url}/p/1` }), null);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: "unauthorized" });
      const wrong = await post(
        JSON.stringify({ url: `${shop.url}/p/1` }),
        `Bearer ${token.replace("0", "1")}`,
      );
      expect(wrong.status).toBe(401);
    });

    it("answers 400 with a stable code for bad requests", async () => {
      expect(await (await post("{not json")).json()).toMatchObject({ code: "invalid_json" });
      const cases: Array<[unknown, string]> = [
        [{ url: "ftp://example.kz/price.xml" }, "unsupported_scheme"],
        [{ url: "not a url" }, "invalid_url"],
        [{ url: `${shop.url}/p/1`, site: "amazon" }, "invalid_request"],
        [{}, "invalid_request"],
      ];
      for (const [body, code] of cases) {
        const response = await post(JSON.stringify(body));
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ code });
      }
    });

    it("reports a missing page as a result with its code, not a server error", async () => {
      const response = await post(JSON.stringify({ url: `${shop.url}/gone` }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: "not_found" } });
    });
  });

  describe("the Lambda handler", () => {
    it("parses one page when invoked directly", async () => {
      const result = (await handler({ action: "parse", url: `${shop.url}/p/5`, browser: "never" })) as {
        ok: boolean;
        page: unknown;
      };
      expect(result.ok).toBe(true);
      expect(parsedPageSchema.parse(result.page).product?.title).toBe("Кондиционер 5");
    });

    it("answers a function-URL request with a status code, 400 for a bad body", async () => {
      const bad = (await handler({ body: "{", isBase64Encoded: false, requestContext: {} })) as {
        statusCode: number;
      };
      expect(bad.statusCode).toBe(400);
      const body = Buffer.from(JSON.stringify({ action: "parse", url: "file:///etc/passwd" })).toString(
        "base64",
      );
      const scheme = (await handler({ body, isBase64Encoded: true, requestContext: {} })) as {
        statusCode: number;
        body: string;
      };
      expect(scheme.statusCode).toBe(400);
      expect(JSON.parse(scheme.body)).toMatchObject({ code: "unsupported_scheme" });
    });

    it("claims the next due task from the queue and runs it to its end", async () => {
      const [workspace] = await db.sql<{ id: string }[]>`
        insert into public.workspaces (name, slug) values ('Lambda', 'lambda-ws') returning id`;
      const [task] = await db.sql.begin(async (tx) => {
        await tx`set local role service_role`;
        return tx<{ id: string }[]>`select id from public.create_parser_task(${workspace!.id}, 'parse',
          ${tx.json({ urls: [`${shop.url}/p/1`, `${shop.url}/p/2`], browser: "never" })})`;
      });
      const first = (await handler({ action: "run_task" })) as { task_id: string | null; result: string };
      expect(first).toEqual({ task_id: task!.id, result: "done" });
      const [row] = await db.sql<{ status: string; pages_done: number; items_found: number }[]>`
        select status, pages_done, items_found from public.parser_tasks where id = ${task!.id}`;
      expect(row).toEqual({ status: "done", pages_done: 2, items_found: 2 });
      expect(await handler({ action: "run_task" })).toEqual({ task_id: null, result: "idle" });
    }, 60_000);
  });
});
