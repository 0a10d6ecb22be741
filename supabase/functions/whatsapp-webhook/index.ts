import { constantTimeEqual } from "../_shared/constantTimeEqual.ts";
import { getDatabase } from "../_shared/database.ts";
import { isDatabaseUnavailable } from "../_shared/databaseErrors.ts";
import { readMessagingEnv } from "../_shared/env.ts";
import { respond } from "../_shared/errorResponses.ts";
import type { InboundMessage } from "../_shared/inboundMessage.ts";
import { ingestInboundMessage } from "../_shared/ingestInboundMessage.ts";
import { jsonResponse } from "../_shared/jsonResponse.ts";
import { type Channel, loadChannel } from "../_shared/loadChannel.ts";
import { parseCloudApiWebhook } from "../_shared/parseCloudApiWebhook.ts";
import { parseWahaEvent } from "../_shared/parseWahaEvent.ts";
import { qualifyInBackground } from "../_shared/qualifyAndReply.ts";
import { channelIdFromPath } from "../_shared/routeParameter.ts";
import { verifyCloudApiSignature } from "../_shared/verifyCloudApiSignature.ts";
import { verifyWahaSignature } from "../_shared/verifyWahaSignature.ts";

/** The Cloud API's subscription check: echo `hub.challenge` when the verify token matches. */
function answerVerification(req: Request, channel: Channel): Response {
  const params = new URL(req.url).searchParams;
  const expected = channel.secrets.verify_token;
  if (
    channel.provider !== "whatsapp_cloud" ||
    !expected ||
    params.get("hub.mode") !== "subscribe" ||
    !constantTimeEqual(params.get("hub.verify_token") ?? "", expected)
  ) {
    return respond.forbidden("Verification failed");
  }
  return new Response(params.get("hub.challenge") ?? "", {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * WhatsApp for a connected number, from WAHA (`X-Webhook-Hmac`, SHA-512 over the raw body) or the Cloud API
 * (`X-Hub-Signature-256`). Verified before anything is read; each lead message is stored before the 200, then
 * qualified and answered in the background.
 */
export async function handler(req: Request): Promise<Response> {
  if (req.method !== "POST" && req.method !== "GET") return respond.methodNotAllowed("GET, POST");
  const channelId = channelIdFromPath(req.url, "whatsapp-webhook");
  if (!channelId) return respond.notFound("UNKNOWN_CHANNEL", "No WhatsApp number at this address");
  const env = readMessagingEnv();
  const sql = getDatabase(env.SUPABASE_DB_URL);
  let channel: Channel | null;
  try {
    channel = await loadChannel(sql, channelId);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    throw error;
  }
  if (channel?.platform !== "whatsapp") {
    return respond.notFound("UNKNOWN_CHANNEL", "No WhatsApp number at this address");
  }
  if (req.method === "GET") return answerVerification(req, channel);

  const raw = new Uint8Array(await req.arrayBuffer());
  const verified =
    channel.provider === "waha"
      ? Boolean(channel.secrets.hmac_key) &&
        (await verifyWahaSignature(
          raw,
          req.headers.get("x-webhook-hmac"),
          channel.secrets.hmac_key ?? "",
          req.headers.get("x-webhook-hmac-algorithm"),
        ))
      : Boolean(channel.secrets.app_secret) &&
        (await verifyCloudApiSignature(
          raw,
          req.headers.get("x-hub-signature-256"),
          channel.secrets.app_secret ?? "",
        ));
  if (!verified) return respond.unauthorized("INVALID_SIGNATURE", "Missing or wrong signature");

  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return respond.badRequest("MALFORMED_JSON", "The body is not JSON");
  }

  let messages: InboundMessage[];
  let ignored = 0;
  let failures: { wamid: string; codes: number[] }[] = [];
  if (channel.provider === "waha") {
    const event = parseWahaEvent(body);
    if (event.kind === "invalid")
      return respond.badRequest("INVALID_EVENT", "Not a WAHA event", event.issues);
    if (event.kind === "ignored") return jsonResponse(200, { status: "ignored", reason: event.reason });
    messages = [event.message];
  } else {
    const parsed = parseCloudApiWebhook(body);
    if ("invalid" in parsed)
      return respond.badRequest("INVALID_EVENT", "Not a WhatsApp Cloud API webhook", parsed.invalid);
    // A payload for another of the business's numbers is not ours to store.
    const external = channel.external_id;
    messages = parsed.messages.filter((message) => message.phoneNumberId === external);
    ignored = parsed.ignored + (parsed.messages.length - messages.length);
    failures = parsed.failures;
  }

  try {
    // Meta often reports the closed 24-hour window only later, as a failed status of the message it had accepted:
    // the conversation then needs a template or a human, as when the send itself is refused.
    for (const failure of failures) {
      if (failure.codes.includes(131047)) {
        await sql`
          select private.flag_conversation(o.conversation_id, 'template_required')
          from public.outbound_messages o
          where o.channel_id = ${channel.id}::uuid and o.platform_message_id = ${failure.wamid}`;
      }
    }
    let stored = 0;
    for (const message of messages) {
      const result = await ingestInboundMessage(sql, channel.id, message);
      if (result.status === "stored") {
        stored++;
        qualifyInBackground(sql, env, result.message_id, { text: message.text, choice: message.choice });
      }
    }
    return jsonResponse(200, { status: "ok", stored, duplicates: messages.length - stored, ignored });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return respond.unavailable("DATABASE_UNAVAILABLE", "Try again later");
    console.error("[whatsapp-webhook]", error instanceof Error ? error.message : error);
    return respond.failed();
  }
}

if (import.meta.main) Deno.serve(handler);
