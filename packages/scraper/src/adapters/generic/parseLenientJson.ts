const htmlEntities: Readonly<Record<string, string>> = {
  "&quot;": '"',
  "&#34;": '"',
  "&#x22;": '"',
  "&apos;": "'",
  "&#39;": "'",
  "&#x27;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&nbsp;": "\u00a0",
  "&amp;": "&",
};

/**
 * Parses JSON as shops really publish it in `<script type="application/ld+json">` blocks. Strict JSON first;
 * then a repair pass: `//` and `/* *\/` comments and `<!-- -->` / CDATA wrappers dropped, trailing commas
 * removed, raw control characters inside strings escaped, several values written one after another read
 * as several values; then the same with HTML entities decoded (`&quot;` for quotes). Returns every top-level
 * value that parses; a value that still fails is skipped, never thrown.
 */
export function parseLenientJson(text: string): unknown[] {
  const unwrapped = text
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/u, "")
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/u, "")
    .trim();
  if (unwrapped === "") return [];
  try {
    return [JSON.parse(unwrapped)];
  } catch {
    // Not strict JSON: repaired below.
  }
  const repaired = parseRepaired(unwrapped);
  if (repaired.length > 0) return repaired;
  const decoded = decodeHtmlEntities(unwrapped);
  return decoded === unwrapped ? [] : parseRepaired(decoded);
}

function parseRepaired(text: string): unknown[] {
  const values: unknown[] = [];
  for (const chunk of splitTopLevelValues(text)) {
    try {
      values.push(JSON.parse(chunk));
    } catch {
      // Beyond repair: skipped, the other values still count.
    }
  }
  return values;
}

function decodeHtmlEntities(text: string): string {
  return text.replace(/&(?:quot|apos|lt|gt|nbsp|amp|#34|#39|#x22|#x27);/giu, (entity) => {
    return htmlEntities[entity.toLowerCase()] ?? entity;
  });
}

/** Walks the text once, outside strings dropping comments, trailing commas and text between top-level values. */
function splitTopLevelValues(text: string): string[] {
  const chunks: string[] = [];
  let current = "";
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (inString) {
      if (escaped) {
        escaped = false;
        current += char;
      } else if (char === "\\") {
        escaped = true;
        current += char;
      } else if (char === '"') {
        inString = false;
        current += char;
      } else {
        current += escapeControlCharacter(char);
      }
      continue;
    }
    if (char === "/" && text.charAt(index + 1) === "/") {
      const end = text.indexOf("\n", index);
      index = end === -1 ? text.length : end;
      continue;
    }
    if (char === "/" && text.charAt(index + 1) === "*") {
      const end = text.indexOf("*/", index + 2);
      index = end === -1 ? text.length : end + 1;
      continue;
    }
    if (depth === 0 && char !== "{" && char !== "[") continue;
    if (char === '"') {
      inString = true;
      current += char;
    } else if (char === "{" || char === "[") {
      depth++;
      current += char;
    } else if (char === "}" || char === "]") {
      current = current.replace(/,\s*$/u, "") + char;
      depth--;
      if (depth === 0) {
        chunks.push(current);
        current = "";
      }
    } else {
      current += char;
    }
  }
  return chunks;
}

function escapeControlCharacter(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x20) return char;
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  return `\\u${code.toString(16).padStart(4, "0")}`;
}
