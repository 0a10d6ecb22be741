/**
 * Turns a body into text by its charset: the Content-Type's, else a `<meta charset>` / XML declaration near the top
 * (older Kazakh and Russian shops still serve windows-1251), else UTF-8.
 */
export function decodePageBody(body: Buffer, contentType: string | null): string {
  const declared = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? "")?.[1];
  const sniffed =
    declared ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(body.subarray(0, 2048).toString("latin1"))?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(body.subarray(0, 200).toString("latin1"))?.[1];
  try {
    return new TextDecoder(sniffed ?? "utf-8").decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}
