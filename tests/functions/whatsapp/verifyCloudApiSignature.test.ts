import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../../packages/local/src/paths.ts";
import { verifyCloudApiSignature } from "../../../supabase/functions/_shared/verifyCloudApiSignature.ts";
import { cloudTextWebhook, signCloudBody } from "../../fakes/cloudApiPayloads.ts";

const bytes = (length: number, value: number) => new Uint8Array(length).fill(value);
const ascii = (text: string) => new TextEncoder().encode(text);

/** RFC 4231 §4 HMAC-SHA-256 test cases (case 5, a truncated output, does not apply to a full-length header). */
const rfc4231Sha256 = [
  {
    name: "case 1",
    key: bytes(20, 0x0b),
    data: ascii("Hi There"),
    mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
  },
  {
    name: "case 2 (a key shorter than the output)",
    key: ascii("Jefe"),
    data: ascii("what do ya want for nothing?"),
    mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  },
  {
    name: "case 3 (50 bytes of 0xdd)",
    key: bytes(20, 0xaa),
    data: bytes(50, 0xdd),
    mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
  },
  {
    name: "case 4 (a 25-byte key)",
    key: Uint8Array.from({ length: 25 }, (_, index) => index + 1),
    data: bytes(50, 0xcd),
    mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
  },
  {
    name: "case 6 (a key longer than the block)",
    key: bytes(131, 0xaa),
    data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
    mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  },
  {
    name: "case 7 (key and data longer than the block)",
    key: bytes(131, 0xaa),
    data: ascii(
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
    ),
    mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
  },
];

describe("verifyCloudApiSignature", () => {
  it.each(rfc4231Sha256)("accepts the RFC 4231 HMAC-SHA-256 vector, $name", async ({ key, data, mac }) => {
    expect(await verifyCloudApiSignature(data, `sha256=${mac}`, key)).toBe(true);
    expect(await verifyCloudApiSignature(data, `sha256=${mac.toUpperCase()}`, key)).toBe(true);
  });

  it("accepts the real captured webhook signed with the app secret, as bytes or text", async () => {
    const raw = await readFile(resolve(repoRoot, "../shared/fixtures/real/whatsapp-cloud-text-message.json"));
    const header = signCloudBody(raw.toString("utf8"), "meta-app-secret");
    expect(await verifyCloudApiSignature(new Uint8Array(raw), header, "meta-app-secret")).toBe(true);
    expect(await verifyCloudApiSignature(raw.toString("utf8"), header, "meta-app-secret")).toBe(true);
  });

  it("verifies the bytes as sent: Meta escapes non-ASCII, and the same JSON re-serialised does not verify", async () => {
    const payload = cloudTextWebhook({
      phoneNumberId: "106540352242922",
      waId: "77011234567",
      name: "Айгүл",
      id: "wamid.HBgLNzcwMTEyMzQ1NjcVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
      text: "Сәлем! Бағасы қанша?",
      timestamp: 1767000000,
    });
    // Meta's body: every non-ASCII character as a \uXXXX escape.
    const asSent = JSON.stringify(payload).replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    const header = signCloudBody(asSent, "meta-app-secret");
    expect(await verifyCloudApiSignature(ascii(asSent), header, "meta-app-secret")).toBe(true);
    expect(JSON.parse(asSent)).toEqual(payload);
    expect(await verifyCloudApiSignature(JSON.stringify(payload), header, "meta-app-secret")).toBe(false);
  });

  it("refuses a tampered body, a wrong secret, a missing or malformed header", async () => {
    const body = JSON.stringify(
      cloudTextWebhook({
        phoneNumberId: "106540352242922",
        waId: "77011234567",
        id: "wamid.A",
        text: "Hi",
        timestamp: 1767000000,
      }),
    );
    const header = signCloudBody(body, "meta-app-secret");
    const hex = header.slice("sha256=".length);
    expect(await verifyCloudApiSignature(body.replace('"Hi"', '"Hi!"'), header, "meta-app-secret")).toBe(
      false,
    );
    expect(await verifyCloudApiSignature(body, header, "another-secret")).toBe(false);
    expect(await verifyCloudApiSignature(body, null, "meta-app-secret")).toBe(false);
    expect(await verifyCloudApiSignature(body, "", "meta-app-secret")).toBe(false);
    expect(await verifyCloudApiSignature(body, hex, "meta-app-secret")).toBe(false);
    expect(await verifyCloudApiSignature(body, `sha1=${hex}`, "meta-app-secret")).toBe(false);
    expect(await verifyCloudApiSignature(body, `sha256=${hex.slice(0, -2)}`, "meta-app-secret")).toBe(false);
    expect(await verifyCloudApiSignature(body, `sha256=${hex.slice(0, -1)}z`, "meta-app-secret")).toBe(false);
    // An unset secret never verifies, even against a body signed with the empty secret.
    expect(await verifyCloudApiSignature(body, signCloudBody(body, ""), "")).toBe(false);
  });
});
