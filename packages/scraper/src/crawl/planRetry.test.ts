import { describe, expect, it } from "vitest";
import { parseRetryAfter, retryDelayMs } from "./planRetry.ts";

describe("retryDelayMs", () => {
  it("doubles from the base on each failed try, with up to 25 % jitter", () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((tries) => retryDelayMs(tries, 1000, null, none))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelayMs(2, 1000, null, () => 0.999)).toBeGreaterThan(2400);
    expect(retryDelayMs(2, 1000, null, () => 0.999)).toBeLessThanOrEqual(2500);
  });

  it("waits at least what Retry-After asks", () => {
    expect(retryDelayMs(1, 50, 1000, () => 0)).toBe(1000);
    expect(retryDelayMs(3, 1000, 1000, () => 0)).toBe(4000);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("1")).toBe(1000);
    expect(parseRetryAfter(["120"])).toBe(120_000);
    const now = Date.parse("2025-03-01T10:00:00Z");
    expect(parseRetryAfter("Sat, 01 Mar 2025 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 09:00:00 GMT", now)).toBe(0);
  });

  it("answers null for nothing or nonsense", () => {
    expect(parseRetryAfter(undefined)).toBeNull();
    expect(parseRetryAfter("")).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
  });
});
