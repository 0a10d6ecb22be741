/** Characters PostgREST accepts in an unquoted field name. */
const unquotedCharacter = /[\p{L}\p{N}_$]/u;

export interface IdentifierToken {
  name: string;
  /** Index just past the identifier. */
  end: number;
}

/**
 * Reads a field name at `start` as PostgREST's query grammar writes it: unquoted (letters, digits, `_`, `$`)
 * or double-quoted (`"my column"`, with `\"` and `\\` escapes). Returns null when no name starts there.
 */
export function readIdentifier(text: string, start: number): IdentifierToken | null {
  if (text[start] === '"') {
    let name = "";
    for (let index = start + 1; index < text.length; index++) {
      const character = text[index];
      if (character === "\\" && index + 1 < text.length) {
        name += text[index + 1];
        index++;
      } else if (character === '"') {
        return name.length > 0 && !name.includes("\u0000") ? { name, end: index + 1 } : null;
      } else {
        name += character;
      }
    }
    return null;
  }
  let end = start;
  while (end < text.length && unquotedCharacter.test(text[end] ?? "")) end++;
  return end > start ? { name: text.slice(start, end), end } : null;
}

/** Splits on commas that are outside double quotes and parentheses. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? "";
    if (quoted) {
      current += character;
      if (character === "\\" && index + 1 < text.length) {
        current += text[index + 1];
        index++;
      } else if (character === '"') quoted = false;
      continue;
    }
    if (character === '"') quoted = true;
    else if (character === "(") depth++;
    else if (character === ")") depth--;
    else if (character === "," && depth === 0) {
      parts.push(current);
      current = "";
      continue;
    }
    current += character;
  }
  parts.push(current);
  return parts;
}

/** Whether `needle` occurs in `text` outside double-quoted names. */
export function containsOutsideQuotes(text: string, needle: string): boolean {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (character === "\\" && quoted) index++;
    else if (!quoted && text.startsWith(needle, index)) return true;
  }
  return false;
}
