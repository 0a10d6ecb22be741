import { describe, expect, it } from "vitest";
import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { EdgeFunctionError } from "../api/EdgeFunctionError.ts";
import { connectFailureMessage } from "./connectFailureMessage.ts";

const failed = (status: number, code: string, action: "rejected" | "retry-later" | "sign-in-again") =>
  new EdgeFunctionError("channel-connect", { status, code, action, message: "…" });

describe("connectFailureMessage", () => {
  it("explains each code the connect function documents", () => {
    expect(connectFailureMessage(failed(400, "INVALID_TOKEN", "rejected"))).toEqual({
      key: "connect.error.INVALID_TOKEN",
    });
    expect(connectFailureMessage(failed(403, "FORBIDDEN", "rejected")).key).toBe("connect.error.FORBIDDEN");
    expect(connectFailureMessage(failed(409, "CHANNEL_IN_USE", "rejected")).key).toBe(
      "connect.error.CHANNEL_IN_USE",
    );
    expect(connectFailureMessage(failed(503, "TELEGRAM_UNREACHABLE", "retry-later")).key).toBe(
      "connect.error.TELEGRAM_UNREACHABLE",
    );
  });

  it("asks to sign in again for an expired session, and to retry when nothing answered", () => {
    expect(connectFailureMessage(failed(401, "401", "sign-in-again")).key).toBe("error.sign-in-again");
    expect(connectFailureMessage(failed(0, "NETWORK", "retry-later")).key).toBe("connect.error.unreachable");
  });

  it("names a code it does not know rather than hiding it", () => {
    expect(connectFailureMessage(failed(400, "INVALID_INPUT", "rejected"))).toEqual({
      key: "connect.error.other",
      params: { code: "INVALID_INPUT" },
    });
  });

  it("falls back to what a query failure calls for", () => {
    expect(connectFailureMessage(new DashboardQueryError("x", "malformed", "bad")).key).toBe(
      "error.malformed",
    );
  });
});
