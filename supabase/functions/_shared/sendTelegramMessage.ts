import { Api, GrammyError, HttpError } from "grammy";
import { SendFailure } from "./sendFailure.ts";

const apis = new Map<string, Api>();

function apiFor(token: string, apiRoot: string): Api {
  const key = `${apiRoot}|${token}`;
  let api = apis.get(key);
  if (!api) {
    api = new Api(token, { apiRoot, timeoutSeconds: 15 });
    apis.set(key, api);
  }
  return api;
}

/** Was the request refused before it reached Telegram (nothing can have been sent)? */
function neverReachedTelegram(error: HttpError): boolean {
  const text = `${String(error.error)} ${error.message}`;
  return /ECONNREFUSED|Connection refused|ENOTFOUND|dns error|failed to lookup/i.test(text);
}

/**
 * Sends one text through the Bot API (grammY), with the bot's choices as an inline keyboard. Errors become a
 * SendFailure: 429 waits `retry_after`, 5xx and refused connections retry, 4xx (blocked by the user, chat gone,
 * bad token) give up, a timeout or broken connection is uncertain.
 */
export async function sendTelegramMessage(
  input: { token: string; apiRoot: string; chatId: string },
  text: string,
  options: { value: string; label: string }[] | null,
): Promise<{ id: string }> {
  const api = apiFor(input.token, input.apiRoot);
  try {
    const sent = await api.sendMessage(
      input.chatId,
      text,
      options && options.length > 0
        ? {
            reply_markup: {
              inline_keyboard: options.map((option) => [{ text: option.label, callback_data: option.value }]),
            },
          }
        : {},
    );
    // Telegram numbers messages per chat and bot: the stored id is "<bot id>:<chat id>:<message id>", like inbound.
    const botId = input.token.split(":")[0] ?? "bot";
    return { id: `${botId}:${sent.chat.id}:${sent.message_id}` };
  } catch (error) {
    if (error instanceof GrammyError) {
      const message = `Telegram ${error.error_code}: ${error.description}`;
      if (error.error_code === 429) {
        return Promise.reject(
          new SendFailure("retry", message, error.parameters.retry_after ?? 1, { cause: error }),
        );
      }
      if (error.error_code >= 500)
        return Promise.reject(new SendFailure("retry", message, null, { cause: error }));
      return Promise.reject(new SendFailure("permanent", message, null, { cause: error }));
    }
    if (error instanceof HttpError) {
      return Promise.reject(
        neverReachedTelegram(error)
          ? new SendFailure("retry", "Telegram unreachable", null, { cause: error })
          : new SendFailure("uncertain", "No answer from Telegram", null, { cause: error }),
      );
    }
    throw error;
  }
}
