import { emptySeo, type PageKind, type ParsedPage } from "@arqan/shared";
import { describe, expect, it } from "vitest";
import { judgeFetchedPage } from "./judgeFetchedPage.ts";

function pageOf(kind: PageKind): ParsedPage {
  return {
    site: "generic",
    kind,
    url: "https://shop.kz/p/1",
    title: null,
    total: null,
    items: [],
    product: null,
    offers: [],
    seo: emptySeo(),
    missing: [],
    source: "test",
  };
}

const judge = (
  status: number,
  kind: PageKind,
  extra: { body?: string; path?: "http" | "browser"; browser?: "auto" | "never" | "always" } = {},
) =>
  judgeFetchedPage({
    status,
    page: pageOf(kind),
    body: extra.body ?? "<html></html>",
    path: extra.path ?? "http",
    browser: extra.browser ?? "auto",
  });

describe("judgeFetchedPage", () => {
  it("treats 404 and 410 as final not_found", () => {
    expect(judge(404, "unknown")).toMatchObject({ action: "fail", code: "not_found", retryable: false });
    expect(judge(410, "product")).toMatchObject({ action: "fail", code: "not_found", retryable: false });
  });

  it("treats 403, 429 and a captcha page as blocked, to retry", () => {
    expect(judge(403, "unknown")).toMatchObject({ code: "blocked", retryable: true });
    expect(judge(429, "unknown")).toMatchObject({ code: "blocked", retryable: true });
    expect(judge(200, "blocked")).toMatchObject({ code: "blocked", retryable: true });
  });

  it("retries server errors, not other client errors", () => {
    expect(judge(503, "unknown")).toMatchObject({ code: "http_error", retryable: true });
    expect(judge(400, "unknown")).toMatchObject({ code: "http_error", retryable: false });
  });

  it("sends a JavaScript shell to the browser only in auto mode over HTTP", () => {
    expect(judge(200, "needs_js")).toEqual({ action: "render" });
    expect(judge(200, "needs_js", { browser: "never" })).toEqual({ action: "accept" });
    expect(judge(200, "needs_js", { path: "browser" })).toEqual({ action: "accept" });
    const shell = `<html><body><div id="root"></div><script>app()</script></body></html>`;
    expect(judge(200, "unknown", { body: shell })).toEqual({ action: "render" });
    expect(judge(200, "product", { body: shell })).toEqual({ action: "accept" });
  });

  it("accepts readable pages and soft 404 pages are final", () => {
    expect(judge(200, "listing")).toEqual({ action: "accept" });
    expect(judge(200, "not_found")).toMatchObject({ code: "not_found", retryable: false });
  });

  it("renders a Kaspi product page read over HTTP without its sellers table (the sellers come with scripts)", () => {
    const page: ParsedPage = { ...pageOf("product"), site: "kaspi", missing: ["sellers"] };
    const facts = { status: 200, page, body: "<html></html>", path: "http" as const };
    expect(judgeFetchedPage({ ...facts, browser: "auto" })).toEqual({ action: "render" });
    expect(judgeFetchedPage({ ...facts, browser: "never" })).toEqual({ action: "accept" });
    expect(judgeFetchedPage({ ...facts, path: "browser", browser: "auto" })).toEqual({ action: "accept" });
    expect(judgeFetchedPage({ ...facts, page: { ...page, missing: [] }, browser: "auto" })).toEqual({
      action: "accept",
    });
  });
});
