/**
 * Checks an HMAC given as hex against the raw bytes it signs, with WebCrypto's constant-time verify. False for a
 * signature that is not hex of the digest's length. Strings are taken as UTF-8.
 */
export async function verifyHmac(
  hash: "SHA-256" | "SHA-512",
  key: string | Uint8Array,
  signatureHex: string,
  signed: string | Uint8Array,
): Promise<boolean> {
  const digestBytes = hash === "SHA-256" ? 32 : 64;
  if (key.length === 0 || !new RegExp(`^[0-9a-fA-F]{${digestBytes * 2}}$`).test(signatureHex)) return false;
  const signature = new Uint8Array(digestBytes);
  for (let index = 0; index < digestBytes; index++) {
    signature[index] = Number.parseInt(signatureHex.slice(index * 2, index * 2 + 2), 16);
  }
  const cryptoKey = await crypto.subtle.importKey("raw", toBytes(key), { name: "HMAC", hash }, false, [
    "verify",
  ]);
  return crypto.subtle.verify("HMAC", cryptoKey, signature, toBytes(signed));
}

function toBytes(value: Uint8Array | string): Uint8Array<ArrayBuffer> {
  return typeof value === "string" ? new TextEncoder().encode(value) : new Uint8Array(value);
}
