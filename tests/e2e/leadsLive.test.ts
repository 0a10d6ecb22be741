import { mkdir, readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoId } from "../../packages/local/src/seed/seedDemoWorkspace.ts";
import { launchChromium } from "../support/launchChromium.ts";
import { startTestAppStack } from "../support/startTestAppStack.ts";

const skip = process.env.CI !== "true" && process.env.ARQAN_SKIP_SLOW === "1";
const screenshots = resolve(import.meta.dirname, "../../test-results");

describe.skipIf(skip)("dashboard in a real browser against the running stack", () => {
  let stack: Awaited<ReturnType<typeof startTestAppStack>>;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTestAppStack();
    browser = await launchChromium();
    await mkdir(screenshots, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  // First: this Chromium build (single-process) shares storage between pages, so it must run signed out.
  it("rejects a wrong password with a message in Russian", async () => {
    const page = await browser.newPage({ locale: "ru-RU" });
    await page.goto(stack.dashboardUrl);
    await page.getByTestId("signin-email").fill(stack.login?.email ?? "");
    await page.getByTestId("signin-password").fill("wrong-password");
    await page.getByTestId("signin-submit").click();
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toMatch(/Неверн/);
    await page.screenshot({ path: resolve(screenshots, "e2e-signin-error.png") });
  }, 60_000);

  it("signs in, shows the demo leads, and shows a lead inserted with SQL without a reload", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "ru-RU" });
    await page.goto(stack.dashboardUrl);
    await page.getByTestId("signin-email").fill(stack.login?.email ?? "");
    await page.getByTestId("signin-password").fill(stack.login?.password ?? "");
    await page.getByTestId("signin-submit").click();
    await page.getByTestId("leads-table").waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId("lead-row").count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page
      .getByTestId("live-indicator")
      .and(page.locator('[data-state="connected"]'))
      .waitFor({ timeout: 10_000 });
    const navigations: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    const [lead] = await sql<{ id: string }[]>`
      insert into public.leads (workspace_id, source_platform, source_id, name, phone, status)
      values (${demoId("workspace:almaty")}, 'telegram', 'e2e-1', 'Жанар Live-Тест', '+77015550011', 'new')
      returning id`;
    await sql.end();

    const row = page.locator(`[data-testid="lead-row"][data-lead-id="${lead?.id}"]`);
    await row.waitFor({ timeout: 5_000 });
    expect(await row.textContent()).toContain("Жанар Live-Тест");
    expect(navigations).toEqual([]);
    await page.screenshot({ path: resolve(screenshots, "e2e-leads-live.png"), fullPage: true });
  }, 60_000);

  it("filters by status and switches workspaces, each showing only its own leads", async () => {
    const sql = postgres(stack.databaseUrl, { max: 1, onnotice: () => {} });
    const expected = async (slug: string, status?: string) => {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from public.leads l join public.workspaces w on w.id = l.workspace_id
        where w.slug = ${slug} and (${status ?? null}::text is null or l.status::text = ${status ?? null})`;
      return String(row?.n ?? -1);
    };
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "ru-RU" });
    await page.goto(stack.dashboardUrl);
    await page.getByTestId("leads-table").waitFor({ timeout: 15_000 });
    const total = page.getByTestId("leads-total");
    await expect
      .poll(() => total.getAttribute("data-total"), { timeout: 10_000 })
      .toBe(await expected("demo-almaty"));

    await page.getByTestId("filter-status").selectOption("qualified");
    await expect
      .poll(() => total.getAttribute("data-total"), { timeout: 10_000 })
      .toBe(await expected("demo-almaty", "qualified"));
    const badges = await page.getByTestId("lead-row").allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every((text) => text.includes("Квалифицирован"))).toBe(true);
    await page.getByTestId("filter-status").selectOption("");

    const astana = demoId("workspace:astana");
    await page.getByTestId("workspace-switcher").selectOption(astana);
    await expect
      .poll(() => total.getAttribute("data-total"), { timeout: 10_000 })
      .toBe(await expected("demo-astana"));
    const ids = await page
      .getByTestId("lead-row")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-lead-id")));
    const [foreign] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.leads where id = any(${ids}::uuid[]) and workspace_id <> ${astana}`;
    expect(foreign?.n).toBe(0);
    await sql.end();
    await page.screenshot({ path: resolve(screenshots, "e2e-workspace-astana.png") });
  }, 60_000);

  it("ships no secret to the browser: the bundle holds the anon key only", async () => {
    const assets = join(stack.dataDir, "dashboard/assets");
    const bundle = (
      await Promise.all((await readdir(assets)).map((f) => readFile(join(assets, f), "utf8")))
    ).join("\n");
    const jwtSecret = (await readFile(join(stack.dataDir, "jwt-secret"), "utf8")).trim();
    expect(bundle).toContain(stack.anonKey);
    expect(bundle).not.toContain(stack.serviceRoleKey);
    expect(bundle).not.toContain(jwtSecret);
    expect(bundle).not.toContain(stack.databaseUrl);
  });

  it("serves the health function under Deno with the hosted environment", async () => {
    const response = await fetch(`${stack.functionsUrl}/health`);
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    expect(body).toMatchObject({ status: "ok", database: { reachable: true } });
  });
});
