import { describe, expect, it } from "vitest";
import { classifyQueryFailure } from "./classifyQueryFailure.ts";
import { classifySignInFailure } from "./classifySignInFailure.ts";

describe("classifySignInFailure", () => {
  const facts = { status: 400, code: undefined, message: "", retryable: false };

  it("recognises a wrong password in GoTrue's current and older shapes", () => {
    expect(
      classifySignInFailure({ ...facts, code: "invalid_credentials", message: "Invalid login credentials" }),
    ).toBe("wrong-credentials");
    expect(classifySignInFailure({ ...facts, message: "Invalid login credentials" })).toBe(
      "wrong-credentials",
    );
    expect(classifySignInFailure({ ...facts, code: "invalid_grant", message: "whatever" })).toBe(
      "wrong-credentials",
    );
  });

  it("tells an unconfirmed email apart", () => {
    expect(
      classifySignInFailure({ ...facts, code: "email_not_confirmed", message: "Email not confirmed" }),
    ).toBe("email-not-confirmed");
  });

  it("asks to wait when rate-limited", () => {
    expect(classifySignInFailure({ ...facts, status: 429, code: "over_request_rate_limit" })).toBe(
      "rate-limited",
    );
  });

  it("asks to retry later when the server is down or unreachable", () => {
    expect(classifySignInFailure({ ...facts, status: 0, retryable: true, message: "Failed to fetch" })).toBe(
      "retry-later",
    );
    expect(classifySignInFailure({ ...facts, status: 503 })).toBe("retry-later");
  });

  it("falls back to unknown", () => {
    expect(classifySignInFailure({ ...facts, status: 422, code: "validation_failed", message: "bad" })).toBe(
      "unknown",
    );
  });
});

describe("classifyQueryFailure", () => {
  it("asks to sign in again for an expired or missing session", () => {
    expect(classifyQueryFailure(401, "PGRST301")).toBe("sign-in-again");
    expect(classifyQueryFailure(401, undefined)).toBe("sign-in-again");
  });

  it("asks to retry later for network failures and server outages", () => {
    expect(classifyQueryFailure(0, undefined)).toBe("retry-later");
    expect(classifyQueryFailure(503, undefined)).toBe("retry-later");
  });

  it("calls a refusal a refusal: permissions, unknown tables, unsupported features", () => {
    expect(classifyQueryFailure(403, "42501")).toBe("rejected");
    expect(classifyQueryFailure(404, "PGRST205")).toBe("rejected");
    expect(classifyQueryFailure(501, undefined)).toBe("rejected");
  });
});
