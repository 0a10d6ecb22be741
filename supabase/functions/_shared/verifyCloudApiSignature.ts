import { verifyHmac } from "./verifyHmac.ts";

/**
 * Checks the WhatsApp Cloud API's webhook signature: `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the
 * raw payload with the Meta app secret. Meta signs the bytes exactly as sent (non-ASCII characters escaped as
 * `\uXXXX`), so pass the body as received — a re-serialised JSON does not verify. The comparison is WebCrypto's
 * `verify`, which does not stop at the first differing byte. False on a missing, malformed or wrong signature.
 */
export async function verifyCloudApiSignature(
  rawBody: Uint8Array | string,
  headerValue: string | null,
  appSecret: string | Uint8Array,
): Promise<boolean> {
  const match = headerValue === null ? null : /^sha256=([0-9a-fA-F]{64})$/.exec(headerValue.trim());
  return match?.[1] ? verifyHmac("SHA-256", appSecret, match[1], rawBody) : false;
}
