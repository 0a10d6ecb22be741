import type { MessagingEnv } from "./env.ts";
import type { Channel } from "./loadChannel.ts";
import { SendError } from "./sendErrors.ts";
import { SendFailure } from "./sendFailure.ts";
import { createWahaClient } from "./wahaClient.ts";
import { createWhatsappCloudClient } from "./whatsappCloudClient.ts";

/** WAHA's sendText carries no buttons: the choices become a numbered list the lead can answer with. */
function withNumberedChoices(text: string, options: { value: string; label: string }[] | null): string {
  if (!options || options.length === 0) return text;
  return `${text}\n\n${options.map((option, index) => `${index + 1}. ${option.label}`).join("\n")}`;
}

/** Sends one text through the channel's WhatsApp provider (WAHA or the Cloud API). */
export async function sendWhatsappMessage(
  env: MessagingEnv,
  channel: Channel,
  chatId: string,
  text: string,
  options: { value: string; label: string }[] | null,
): Promise<{ id: string }> {
  try {
    if (channel.provider === "waha") {
      const baseUrl = channel.api_base_url ?? env.wahaBaseUrl;
      if (!baseUrl) throw new SendFailure("permanent", "No WAHA server is configured for this channel");
      const client = createWahaClient({
        baseUrl,
        apiKey: channel.secrets.api_key ?? undefined,
        session: channel.external_id,
      });
      return await client.sendText(chatId, withNumberedChoices(text, options));
    }
    const accessToken = channel.secrets.access_token;
    if (!accessToken) throw new SendFailure("permanent", "The WhatsApp number has no access token");
    const client = createWhatsappCloudClient({
      apiRoot: env.whatsappGraphApiRoot,
      phoneNumberId: channel.external_id,
      accessToken,
    });
    return await client.sendText(chatId, text, options ?? undefined);
  } catch (error) {
    if (error instanceof SendFailure) throw error;
    if (error instanceof SendError) {
      if (error.outsideWindow) throw new SendFailure("outside_window", error.message, null, { cause: error });
      if (error.retryable)
        throw new SendFailure("retry", error.message, error.retryAfterSeconds, { cause: error });
      if (error.permanent) throw new SendFailure("permanent", error.message, null, { cause: error });
      throw new SendFailure("uncertain", error.message, null, { cause: error });
    }
    throw error;
  }
}
