import { describe, expect, it } from "vitest";
import { verifyWahaSignature } from "../../../supabase/functions/_shared/verifyWahaSignature.ts";
import { signWahaBody, wahaMessageEvent } from "../../fakes/wahaEvents.ts";

const bytes = (length: number, value: number) => new Uint8Array(length).fill(value);
const ascii = (text: string) => new TextEncoder().encode(text);

/** RFC 4231 §4 HMAC-SHA-512 test cases (case 5, a truncated output, does not apply to a full-length header). */
const rfc4231Sha512 = [
  {
    name: "case 1",
    key: bytes(20, 0x0b),
    data: ascii("Hi There"),
    mac: "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
  },
  {
    name: "case 2 (a key shorter than the output)",
    key: ascii("Jefe"),
    data: ascii("what do ya want for nothing?"),
    mac: "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
  },
  {
    name: "case 3 (50 bytes of 0xdd)",
    key: bytes(20, 0xaa),
    data: bytes(50, 0xdd),
    mac: "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
  },
  {
    name: "case 4 (a 25-byte key)",
    key: Uint8Array.from({ length: 25 }, (_, index) => index + 1),
    data: bytes(50, 0xcd),
    mac: "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd",
  },
  {
    name: "case 6 (a key longer than the block)",
    key: bytes(131, 0xaa),
    data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
    mac: "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
  },
  {
    name: "case 7 (key and data longer than the block)",
    key: bytes(131, 0xaa),
    data: ascii(
      "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
    ),
    mac: "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58",
  },
];

describe("verifyWahaSignature", () => {
  it.each(rfc4231Sha512)("accepts the RFC 4231 HMAC-SHA-512 vector, $name", async ({ key, data, mac }) => {
    expect(await verifyWahaSignature(data, mac, key, "sha512")).toBe(true);
    expect(await verifyWahaSignature(data, mac.toUpperCase(), key, "sha512")).toBe(true);
  });

  it("accepts WAHA's documented example (body, key and X-Webhook-Hmac from the WAHA docs)", async () => {
    const body = `{"event":"message","session":"default","engine":"WEBJS"}`;
    const hmac =
      "208f8a55dde9e05519e898b10b89bf0d0b3b0fdf11fdbf09b6b90476301b98d8097c462b2b17a6ce93b6b47a136cf2e78a33a63f6752c2c1631777076153fa89";
    expect(await verifyWahaSignature(body, hmac, "my-secret-key", "sha512")).toBe(true);
    expect(await verifyWahaSignature(body, hmac, "my-secret-key!", "sha512")).toBe(false);
  });

  it("accepts a signed event as raw bytes or as the same text, with or without the algorithm header", async () => {
    const body = JSON.stringify(
      wahaMessageEvent({
        from: "77011234567@c.us",
        body: "Сколько стоит кондиционер?",
        timestamp: 1767000000,
        notifyName: "Әлия",
      }),
    );
    const signature = signWahaBody(body, "waha-hmac-key");
    expect(
      await verifyWahaSignature(new TextEncoder().encode(body), signature, "waha-hmac-key", "sha512"),
    ).toBe(true);
    expect(await verifyWahaSignature(body, signature, "waha-hmac-key")).toBe(true);
    expect(await verifyWahaSignature(body, ` ${signature} `, "waha-hmac-key", " SHA512 ")).toBe(true);
  });

  it("refuses a tampered body, a wrong key, a missing or malformed header and another algorithm", async () => {
    const body = JSON.stringify(
      wahaMessageEvent({ from: "77011234567@c.us", body: "Привет", timestamp: 1767000000 }),
    );
    const signature = signWahaBody(body, "waha-hmac-key");
    expect(
      await verifyWahaSignature(body.replace("Привет", "Привет!"), signature, "waha-hmac-key", "sha512"),
    ).toBe(false);
    expect(await verifyWahaSignature(body, signature, "another-key", "sha512")).toBe(false);
    expect(await verifyWahaSignature(body, null, "waha-hmac-key", "sha512")).toBe(false);
    expect(await verifyWahaSignature(body, "", "waha-hmac-key", "sha512")).toBe(false);
    expect(await verifyWahaSignature(body, signature.slice(0, -2), "waha-hmac-key", "sha512")).toBe(false);
    expect(await verifyWahaSignature(body, `${signature.slice(0, -1)}g`, "waha-hmac-key", "sha512")).toBe(
      false,
    );
    expect(await verifyWahaSignature(body, `sha512=${signature}`, "waha-hmac-key", "sha512")).toBe(false);
    expect(await verifyWahaSignature(body, signature, "waha-hmac-key", "sha256")).toBe(false);
    // An unset key never verifies, even against a body signed with the empty key.
    expect(await verifyWahaSignature(body, signWahaBody(body, ""), "", "sha512")).toBe(false);
  });
});
