import type { Sql } from "postgres";
import { z } from "zod";
import type { InboundMessage } from "./inboundMessage.ts";

const ingestResultSchema = z.object({
  status: z.enum(["stored", "duplicate"]),
  message_id: z.uuid(),
  lead_id: z.uuid(),
  conversation_id: z.uuid(),
  workspace_id: z.uuid(),
  lead_created: z.boolean(),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;

/**
 * Stores one inbound message in one transaction (`private.ingest_inbound_message`): the message once, the lead
 * found or created through its identities, the conversation, the campaign when attributable, the audit event.
 * A redelivered message answers "duplicate" and changes nothing.
 */
export async function ingestInboundMessage(
  sql: Sql,
  channelId: string,
  message: InboundMessage,
): Promise<IngestResult> {
  const input = {
    channel_id: channelId,
    platform_message_id: message.platformMessageId,
    chat_id: message.chatId,
    identity: message.identity,
    identities: message.identities,
    name: message.name,
    phone: message.phone,
    text: message.text,
    choice: message.choice,
    sent_at: message.sentAt,
    start_code: message.startCode,
  };
  const [row] =
    await sql`select private.ingest_inbound_message(${sql.json(JSON.parse(JSON.stringify(input)))}) as result`;
  return ingestResultSchema.parse(row?.result);
}
