/**
 * Why the server refused to create or cancel a research task, by the stable code `create_parser_task` and
 * `cancel_parser_task` raise — each one something the operator can act on:
 * - `no_urls` / `too_many_urls` / `invalid_url`: a parse task reads 1 to 500 absolute http(s) addresses;
 * - `invalid_site` / `invalid_browser` / `invalid_follow_pages`: a choice the task runner does not know;
 * - `invalid_query` / `invalid_city` / `invalid_max_pages`: a niche task needs a query, a city name, 1–20 pages;
 * - `niche_not_found`: the niche was deleted meanwhile;
 * - `operator_role_required`: viewers look, they do not start or stop tasks.
 * A missing session (`sign_in_required`) is not a refusal: it is answered as "sign in again" like any query.
 */
export const taskRefusals = [
  "no_urls",
  "too_many_urls",
  "invalid_url",
  "invalid_site",
  "invalid_browser",
  "invalid_follow_pages",
  "invalid_query",
  "invalid_city",
  "invalid_max_pages",
  "niche_not_found",
  "operator_role_required",
] as const;
export type TaskRefusal = (typeof taskRefusals)[number];

/** The task was not created (or not cancelled); `reason` is what the operator is told. */
export class TaskRefusedError extends Error {
  override readonly name = "TaskRefusedError";
  readonly reason: TaskRefusal;
  /** What the server named as the culprit (the URL it refused), when it did. */
  readonly culprit: string | null;

  constructor(reason: TaskRefusal, culprit: string | null, options?: { cause?: unknown }) {
    super(`research task refused: ${reason}`, options);
    this.reason = reason;
    this.culprit = culprit;
  }
}

/** The refusal a server error message names (the message is the stable code), or null for other failures. */
export function readTaskRefusal(message: string): TaskRefusal | null {
  return taskRefusals.find((code) => new RegExp(`\\b${code}\\b`).test(message)) ?? null;
}
