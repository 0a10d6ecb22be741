import type { Readable } from "node:stream";

/** A page bigger than the crawl accepts; reported as "too_large", never retried. */
export class PageTooLargeError extends Error {
  override readonly name = "PageTooLargeError";
  constructor(
    readonly limitBytes: number,
    readonly seenBytes: number,
    readonly declared: boolean,
  ) {
    super(
      declared
        ? `the page declares ${seenBytes} bytes, over the ${limitBytes}-byte limit; not downloaded`
        : `the page passed the ${limitBytes}-byte limit while downloading; stopped reading it`,
    );
  }
}

/**
 * Reads a response body up to `maxBytes`: refuses at once when Content-Length already says more, and otherwise
 * stops reading (and closes the connection) as soon as the streamed bytes pass the limit, so a 10 MiB page never
 * sits in memory whole.
 */
export async function readBodyWithinLimit(
  stream: Readable,
  maxBytes: number,
  declaredLength: number | null,
): Promise<Buffer> {
  if (declaredLength !== null && declaredLength > maxBytes) {
    stream.destroy();
    throw new PageTooLargeError(maxBytes, declaredLength, true);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const piece: Buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    total += piece.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new PageTooLargeError(maxBytes, total, false);
    }
    chunks.push(piece);
  }
  return Buffer.concat(chunks, total);
}
