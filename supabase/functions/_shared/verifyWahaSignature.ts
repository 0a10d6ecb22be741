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
  if (headerValue === null || key.length === 0) return false;
  if (algorithmHeader != null && algorithmHeader.trim().toLowerCase() !== "sha512") return false;
  const signature = decodeHex(headerValue.trim());
  if (signature === null || signature.length !== 64) return false;
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    toBytes(key),
    { name: "HMAC", hash: "SHA-512" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", cryptoKey, signature, toBytes(rawBody));
}

function toBytes(value: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value);
}

function decodeHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}
