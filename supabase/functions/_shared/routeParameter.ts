const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The channel id of `/…/<function name>/<channel id>` (a hosted function sees its own name first in the path,
 * as the local runtime does), or null when absent or not a UUID.
 */
export function channelIdFromPath(url: string, functionName: string): string | null {
  const segments = new URL(url).pathname.split("/").filter(Boolean);
  const at = segments.lastIndexOf(functionName);
  const candidate = at >= 0 ? segments[at + 1] : undefined;
  return candidate && uuidPattern.test(candidate) ? candidate.toLowerCase() : null;
}
