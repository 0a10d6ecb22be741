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
  if (headerValue === null || appSecret.length === 0) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(headerValue.trim());
  if (!match?.[1]) return false;
  const signature = decodeHex(match[1]);
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    toBytes(appSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", cryptoKey, signature, toBytes(rawBody));
}

function toBytes(value: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value);
}

/** Only called on a string the pattern above proved to be even-length hex. */
function decodeHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index++) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}
