import { describe, expect, it } from "vitest";
import { checkPageUrl } from "./checkPageUrl.ts";

describe("checkPageUrl", () => {
  it("accepts absolute http and https addresses, Cyrillic paths included", () => {
    expect(checkPageUrl(" https://www.olx.kz/list/q-кондиционер/ ")).toEqual({
      url: "https://www.olx.kz/list/q-%D0%BA%D0%BE%D0%BD%D0%B4%D0%B8%D1%86%D0%B8%D0%BE%D0%BD%D0%B5%D1%80/",
    });
    expect(checkPageUrl("http://127.0.0.1:8080/p/1")).toEqual({ url: "http://127.0.0.1:8080/p/1" });
  });

  it("names a text that is not a URL as invalid_url, with an example of a good one", () => {
    const problem = checkPageUrl("olx.kz/list");
    expect(problem).toMatchObject({ code: "invalid_url" });
    expect("message" in problem && problem.message).toContain("https://");
  });

  it("refuses schemes other than http(s) as unsupported_scheme", () => {
    for (const url of [
      "ftp://example.kz/file",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "data:text/html,hi",
    ]) {
      expect(checkPageUrl(url)).toMatchObject({ code: "unsupported_scheme" });
    }
  });
});
