/** The most pages one parse task may be given; the server refuses more (`too_many_urls`). */
export const maxTaskUrls = 500;

/**
 * An absolute http(s) URL as `create_parser_task` accepts it: the scheme, a host without spaces, then nothing
 * or a path, query or fragment without spaces. The server's own pattern, so the form refuses exactly what the
 * server would refuse, before sending.
 */
const taskUrlPattern = /^https?:\/\/[^\s/?#]+([/?#]\S*)?$/i;

/** Whether the server will take `text` (already trimmed) as a page address. */
export function isTaskUrl(text: string): boolean {
  return taskUrlPattern.test(text);
}

/** The addresses typed one per line: the usable ones (each once, in order) and the lines that are not URLs. */
export interface TaskUrls {
  urls: string[];
  invalid: string[];
}

/** Reads the URL box of the parse form: blank lines are skipped, spaces around an address trimmed. */
export function readTaskUrls(text: string): TaskUrls {
  const urls: string[] = [];
  const invalid: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const candidate = line.trim();
    if (candidate === "") continue;
    if (!isTaskUrl(candidate)) invalid.push(candidate);
    else if (!urls.includes(candidate)) urls.push(candidate);
  }
  return { urls, invalid };
}
