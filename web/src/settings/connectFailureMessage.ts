import { DashboardQueryError } from "../api/DashboardQueryError.ts";
import { EdgeFunctionError } from "../api/EdgeFunctionError.ts";
import type { MessageKey } from "../i18n/ru.ts";

/** The codes `channel-connect` answers that the operator can act on, each with its own explanation. */
const knownCodes = ["INVALID_TOKEN", "FORBIDDEN", "CHANNEL_IN_USE", "TELEGRAM_UNREACHABLE"] as const;
type KnownCode = (typeof knownCodes)[number];
const isKnown = (code: string): code is KnownCode => (knownCodes as readonly string[]).includes(code);

/**
 * What to tell the operator when connecting a channel failed: the function's error code translated when it is
 * one we know, "sign in again" or "try later" by what the failure calls for, else the code itself.
 */
export function connectFailureMessage(error: unknown): { key: MessageKey; params?: { code: string } } {
  if (error instanceof EdgeFunctionError) {
    if (isKnown(error.code)) return { key: `connect.error.${error.code}` };
    if (error.action === "sign-in-again") return { key: "error.sign-in-again" };
    if (error.code === "NETWORK" || error.action === "retry-later")
      return { key: "connect.error.unreachable" };
    return { key: "connect.error.other", params: { code: error.code } };
  }
  if (error instanceof DashboardQueryError) return { key: `error.${error.action}` };
  return { key: "connect.error.other", params: { code: "UNKNOWN" } };
}
