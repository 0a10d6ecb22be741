import { verifyHmac } from "./verifyHmac.ts";

/**
 * Checks WAHA's webhook signature: `X-Webhook-Hmac` is the hex HMAC-SHA512 of the raw request body with the
 * webhook's `hmac.key`, and `X-Webhook-Hmac-Algorithm` says `sha512` (devlikeapro/waha docs, "Webhooks → HMAC
 * authentication"). Pass the body exactly as received, before any JSON parsing. The comparison is WebCrypto's
 * `verify`, which does not stop at the first differing byte. False on a missing, malformed or wrong signature,
 * and on any algorithm other than sha512.
 */
export async function verifyWahaSignature(
  rawBody: Uint8Array | string,
  headerValue: string | null,
  key: string | Uint8Array,
  algorithmHeader?: string | null,
): Promise<boolean> {
  if (headerValue === null) return false;
  if (algorithmHeader != null && algorithmHeader.trim().toLowerCase() !== "sha512") return false;
  return verifyHmac("SHA-512", key, headerValue.trim(), rawBody);
}
