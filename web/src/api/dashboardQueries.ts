/**
 * Every call the dashboard makes to Supabase, as plain functions of a `SupabaseClient`. Each returns parsed data
 * (zod, see `rows.ts`) or throws an error that says what to do (`SignInError`, `DashboardQueryError`).
 *
 * Only calls the local stand-in serves are used: password sign-in, `rpc`, table reads with `eq`, `order`,
 * `range` and `count=exact` (no resource embedding), and Realtime postgres_changes. No DOM, React or
 * `import.meta.env` here: the contract test runs this module in Node.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { isAuthRetryableFetchError } from "@supabase/supabase-js";
import { z } from "zod";
import { classifySignInFailure } from "./classifySignInFailure.ts";
import { DashboardQueryError } from "./DashboardQueryError.ts";
import { parseAnswer, throwIfFailed } from "./readAnswer.ts";
import {
  type CampaignNameRow,
  campaignNameRowSchema,
  type LeadRow,
  type LeadStatus,
  leadColumns,
  leadRowSchema,
  type Platform,
  type SignedInUser,
  signedInUserSchema,
  type WorkspaceRow,
  workspaceRowSchema,
} from "./rows.ts";
import { SignInError } from "./SignInError.ts";
import { type WatchOptions, watchTableChanges } from "./watchTableChanges.ts";

export type { LiveStatus } from "./watchTableChanges.ts";

/**
 * Signs in with email and password; the client keeps the session. Throws `SignInError` whose `reason` says
 * what the user should do (wrong credentials, wait, retry later…).
 */
export async function signIn(client: SupabaseClient, email: string, password: string): Promise<SignedInUser> {
  let answer: Awaited<ReturnType<SupabaseClient["auth"]["signInWithPassword"]>>;
  try {
    answer = await client.auth.signInWithPassword({ email: email.trim(), password });
  } catch (cause) {
    throw new SignInError("retry-later", "could not reach the sign-in service", { cause });
  }
  if (answer.error !== null) {
    const reason = classifySignInFailure({
      status: answer.error.status,
      code: answer.error.code,
      message: answer.error.message,
      retryable: isAuthRetryableFetchError(answer.error),
    });
    throw new SignInError(reason, answer.error.message, { cause: answer.error });
  }
  const user = signedInUserSchema.safeParse(answer.data.user);
  if (!user.success) {
    throw new SignInError(
      "unknown",
      `the sign-in service sent no usable user: ${z.prettifyError(user.error)}`,
    );
  }
  return user.data;
}

/**
 * Ends the session. If the server cannot be told (offline, session already gone), the session is still
 * forgotten locally, so the user always ends up signed out.
 */
export async function signOut(client: SupabaseClient): Promise<void> {
  const { error } = await client.auth.signOut();
  if (error !== null) await client.auth.signOut({ scope: "local" });
}

function toSignedInUser(user: unknown): SignedInUser | null {
  const parsed = signedInUserSchema.safeParse(user);
  return parsed.success ? parsed.data : null;
}

/** The user of the stored session, or null when signed out. Reads local storage only; no network call. */
export async function readSignedInUser(client: SupabaseClient): Promise<SignedInUser | null> {
  const { data } = await client.auth.getSession();
  return data.session === null ? null : toSignedInUser(data.session.user);
}

/**
 * Calls `onChange` with the signed-in user (or null) now and whenever the session changes (sign-in, sign-out,
 * expiry). Returns the function that stops watching.
 */
export function watchSignedInUser(
  client: SupabaseClient,
  onChange: (user: SignedInUser | null) => void,
): () => void {
  const { data } = client.auth.onAuthStateChange((_event, session) => {
    onChange(session === null ? null : toSignedInUser(session.user));
  });
  return () => data.subscription.unsubscribe();
}

/** The workspaces the signed-in user belongs to, with their role in each (RPC `my_workspaces()`). */
export async function listMyWorkspaces(client: SupabaseClient): Promise<WorkspaceRow[]> {
  const answer = await client.rpc("my_workspaces");
  throwIfFailed("my_workspaces", answer);
  return parseAnswer("my_workspaces", z.array(workspaceRowSchema), answer.data);
}

/** Id and name of every campaign of the workspace, by name; used to label leads (no resource embedding). */
export async function listCampaignNames(
  client: SupabaseClient,
  workspaceId: string,
): Promise<CampaignNameRow[]> {
  const answer = await client
    .from("campaigns")
    .select("id,name")
    .eq("workspace_id", workspaceId)
    .order("name", { ascending: true });
  throwIfFailed("campaigns", answer);
  return parseAnswer("campaigns", z.array(campaignNameRowSchema), answer.data);
}

export interface LeadListQuery {
  workspaceId: string;
  /** Only leads in this status; null or absent for all. */
  status?: LeadStatus | null;
  /** Only leads from this platform; null or absent for all. */
  source?: Platform | null;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

export interface LeadListPage {
  /** Newest first. */
  leads: LeadRow[];
  /** How many leads match the filters in all pages. */
  total: number;
}

/** The first and last row index (0-based, inclusive) of a 1-based page, as `.range()` takes them. */
export function pageRange(page: number, pageSize: number): { from: number; to: number } {
  if (!Number.isInteger(page) || page < 1) throw new RangeError(`page must be an integer ≥ 1, got ${page}`);
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be an integer ≥ 1, got ${pageSize}`);
  }
  const from = (page - 1) * pageSize;
  return { from, to: from + pageSize - 1 };
}

/** One page of a workspace's leads, newest first, with the total matching the filters. */
export async function listLeads(client: SupabaseClient, query: LeadListQuery): Promise<LeadListPage> {
  const { from, to } = pageRange(query.page, query.pageSize);
  let request = client
    .from("leads")
    .select(leadColumns, { count: "exact" })
    .eq("workspace_id", query.workspaceId);
  if (query.status) request = request.eq("status", query.status);
  if (query.source) request = request.eq("source_platform", query.source);
  const answer = await request.order("created_at", { ascending: false }).range(from, to);
  // PostgREST answers 416 for a page past the end; that page is simply empty.
  if (answer.error !== null && answer.status === 416) return { leads: [], total: answer.count ?? 0 };
  throwIfFailed("leads", answer);
  const leads = parseAnswer("leads", z.array(leadRowSchema), answer.data);
  if (answer.count === null) {
    throw new DashboardQueryError("leads", "malformed", "the server sent no exact count (Content-Range)");
  }
  return { leads, total: answer.count };
}

/** A change to one lead of the workspace, as Realtime reports it. */
export type LeadChange =
  | { kind: "insert"; lead: LeadRow }
  | { kind: "update"; lead: LeadRow }
  /** Under RLS, Realtime sends only the primary key of a deleted row. */
  | { kind: "delete"; id: string };

const leadChangePayloadSchema = z.discriminatedUnion("eventType", [
  z.object({ eventType: z.literal("INSERT"), new: leadRowSchema }),
  z.object({ eventType: z.literal("UPDATE"), new: leadRowSchema }),
  z.object({ eventType: z.literal("DELETE"), old: z.object({ id: z.guid() }) }),
]);

/** Turns a Realtime postgres_changes payload for `leads` into a `LeadChange`, or explains why it cannot. */
export function parseLeadChange(
  payload: unknown,
): { ok: true; change: LeadChange } | { ok: false; problem: string } {
  const parsed = leadChangePayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: z.prettifyError(parsed.error) };
  const event = parsed.data;
  switch (event.eventType) {
    case "INSERT":
      return { ok: true, change: { kind: "insert", lead: event.new } };
    case "UPDATE":
      return { ok: true, change: { kind: "update", lead: event.new } };
    case "DELETE":
      return { ok: true, change: { kind: "delete", id: event.old.id } };
  }
}

export interface LeadSubscriptionOptions extends WatchOptions {
  /** Told about a payload that does not look like a lead; by default it is logged and skipped. */
  onMalformed?: (problem: string) => void;
}

/**
 * Calls `onChange` for every insert, update and delete of the workspace's leads the user may see (Realtime
 * postgres_changes; RLS decides). Returns the function that unsubscribes.
 */
export function subscribeToLeads(
  client: SupabaseClient,
  workspaceId: string,
  onChange: (change: LeadChange) => void,
  options: LeadSubscriptionOptions = {},
): () => void {
  return watchTableChanges(
    client,
    "leads",
    `workspace_id=eq.${workspaceId}`,
    (payload) => {
      const result = parseLeadChange(payload);
      if (result.ok) {
        onChange(result.change);
      } else if (options.onMalformed) {
        options.onMalformed(result.problem);
      } else {
        console.warn(`Skipped a Realtime change of leads that is not a lead row: ${result.problem}`);
      }
    },
    options,
  );
}
