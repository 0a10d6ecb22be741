/**
 * The workspace's settings: connected channels (and connecting new ones through the `channel-connect`
 * function), niches, and qualification scripts. Plain functions of a `SupabaseClient`; parsed with zod; no DOM.
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { z } from "zod";
import { invokeEdgeFunction } from "./invokeEdgeFunction.ts";
import { parseAnswer, throwIfFailed } from "./readAnswer.ts";
import {
  type ChannelRow,
  type ConnectResult,
  channelColumns,
  channelRowSchema,
  connectResultSchema,
  type NicheNameRow,
  nicheNameRowSchema,
  type QualificationScriptRow,
  qualificationScriptColumns,
  qualificationScriptRowSchema,
} from "./settingsRows.ts";

/** The workspace's channels, oldest first. */
export async function listChannels(client: SupabaseClient, workspaceId: string): Promise<ChannelRow[]> {
  const answer = await client
    .from("channels")
    .select(channelColumns)
    .eq("workspace_id", workspaceId)
    .order("created_at", { ascending: true });
  throwIfFailed("channels", answer);
  return parseAnswer("channels", z.array(channelRowSchema), answer.data);
}

/** Id and name of every niche of the workspace, by name. */
export async function listNicheNames(client: SupabaseClient, workspaceId: string): Promise<NicheNameRow[]> {
  const answer = await client
    .from("niches")
    .select("id,name")
    .eq("workspace_id", workspaceId)
    .order("name", { ascending: true });
  throwIfFailed("niches", answer);
  return parseAnswer("niches", z.array(nicheNameRowSchema), answer.data);
}

/** Every stored qualification script of the workspace (the default one has `niche_id` null). */
export async function listQualificationScripts(
  client: SupabaseClient,
  workspaceId: string,
): Promise<QualificationScriptRow[]> {
  const answer = await client
    .from("qualification_scripts")
    .select(qualificationScriptColumns)
    .eq("workspace_id", workspaceId);
  throwIfFailed("qualification_scripts", answer);
  return parseAnswer("qualification_scripts", z.array(qualificationScriptRowSchema), answer.data);
}

export interface ScriptToSave {
  workspaceId: string;
  /** null for the workspace's default script. */
  nicheId: string | null;
  name: string;
  /** Already validated by the caller against the script schema. */
  script: unknown;
}

/** Stores the script of a niche (or the default), replacing the one it had: one script per niche. */
export async function saveQualificationScript(
  client: SupabaseClient,
  toSave: ScriptToSave,
): Promise<QualificationScriptRow> {
  const answer = await client
    .from("qualification_scripts")
    .upsert(
      {
        workspace_id: toSave.workspaceId,
        niche_id: toSave.nicheId,
        name: toSave.name,
        script: toSave.script,
      },
      { onConflict: "workspace_id,niche_id" },
    )
    .select(qualificationScriptColumns);
  throwIfFailed("qualification_scripts", answer);
  const rows = parseAnswer("qualification_scripts", z.array(qualificationScriptRowSchema), answer.data);
  const saved = rows[0];
  if (saved === undefined) {
    throw new Error("qualification_scripts: the server confirmed the save but returned no row");
  }
  return saved;
}

/** What connecting a channel needs, per provider. Secrets go to the function once and never come back. */
export type ConnectChannelRequest =
  | {
      provider: "telegram_bot";
      workspaceId: string;
      token: string;
      name: string | null;
      nicheId: string | null;
      campaignId: string | null;
    }
  | {
      provider: "waha";
      workspaceId: string;
      name: string;
      apiBaseUrl: string;
      session: string;
      apiKey: string | null;
      hmacKey: string;
      nicheId: string | null;
    }
  | {
      provider: "whatsapp_cloud";
      workspaceId: string;
      name: string;
      phoneNumberId: string;
      accessToken: string;
      appSecret: string;
      verifyToken: string;
      nicheId: string | null;
    };

function connectBody(request: ConnectChannelRequest): Record<string, unknown> {
  const optional = (key: string, value: string | null) => (value === null ? {} : { [key]: value });
  switch (request.provider) {
    case "telegram_bot":
      return {
        workspace_id: request.workspaceId,
        provider: request.provider,
        token: request.token.trim(),
        ...optional("name", request.name),
        ...optional("niche_id", request.nicheId),
        ...optional("campaign_id", request.campaignId),
      };
    case "waha":
      return {
        workspace_id: request.workspaceId,
        provider: request.provider,
        name: request.name,
        api_base_url: request.apiBaseUrl.trim(),
        session: request.session.trim(),
        ...optional("api_key", request.apiKey),
        hmac_key: request.hmacKey,
        ...optional("niche_id", request.nicheId),
      };
    case "whatsapp_cloud":
      return {
        workspace_id: request.workspaceId,
        provider: request.provider,
        name: request.name,
        phone_number_id: request.phoneNumberId.trim(),
        access_token: request.accessToken.trim(),
        app_secret: request.appSecret.trim(),
        verify_token: request.verifyToken,
        ...optional("niche_id", request.nicheId),
      };
  }
}

/**
 * Connects a Telegram bot or WhatsApp number through `channel-connect`. Throws `EdgeFunctionError` whose `code`
 * says what went wrong (`INVALID_TOKEN`, `FORBIDDEN`, `CHANNEL_IN_USE`, `TELEGRAM_UNREACHABLE`…).
 */
export async function connectChannel(
  client: SupabaseClient,
  request: ConnectChannelRequest,
): Promise<ConnectResult> {
  const data = await invokeEdgeFunction(client, "channel-connect", connectBody(request));
  return parseAnswer("channel-connect", connectResultSchema, data);
}
