import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { PageTooLargeError, readBodyWithinLimit } from "./readBodyWithinLimit.ts";

function* chunks(count: number, size: number) {
  for (let i = 0; i < count; i++) yield Buffer.alloc(size, 97);
}

describe("readBodyWithinLimit", () => {
  it("reads a body under the limit whole", async () => {
    const body = await readBodyWithinLimit(Readable.from(chunks(4, 1000)), 5000, null);
    expect(body.length).toBe(4000);
  });

  it("refuses by Content-Length without reading", async () => {
    const stream = Readable.from(chunks(4, 1000));
    await expect(readBodyWithinLimit(stream, 1000, 4000)).rejects.toBeInstanceOf(PageTooLargeError);
    expect(stream.destroyed).toBe(true);
  });

  it("stops reading once the streamed bytes pass the limit", async () => {
    let produced = 0;
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) {
          produced += 1;
          yield Buffer.alloc(1024, 97);
        }
      })(),
    );
    const error = await readBodyWithinLimit(stream, 10 * 1024, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageTooLargeError);
    expect(error instanceof PageTooLargeError && error.declared).toBe(false);
    expect(produced).toBeLessThan(50);
  });
});
