/**
 * OLX server-renders every page together with the data it was built from:
 * `window.__PRERENDERED_STATE__= "<the state as JSON, written as a JavaScript string>";` inside
 * `<script id="olx-init-config">`. Reads that state back, or null when the page does not carry one
 * (another site, an OLX page of another kind, a captcha) or it does not decode.
 */
export function readPrerenderedState(body: string): unknown {
  const marker = "__PRERENDERED_STATE__";
  let from = body.indexOf(marker);
  while (from !== -1) {
    const literal = readStringAssignedAt(body, from + marker.length);
    if (literal !== null) {
      try {
        return JSON.parse(literal);
      } catch {
        return null;
      }
    }
    from = body.indexOf(marker, from + marker.length);
  }
  return null;
}

/** The decoded JavaScript string literal in `= "…"` right after `position`, or null when there is none. */
function readStringAssignedAt(source: string, position: number): string | null {
  const assignment = /^\s*=\s*(["'])/.exec(source.slice(position, position + 64));
  if (assignment === null) return null;
  const quote = assignment[1];
  const start = position + assignment[0].length;
  let end = start;
  while (end < source.length) {
    const char = source[end];
    if (char === "\\") end += 2;
    else if (char === quote) return decodeJsString(source.slice(start, end));
    else end += 1;
  }
  return null;
}

const simpleEscapes: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

/** Undoes JavaScript string escapes (\", \\, \n, \xHH, \uHHHH, \u{H…}, line continuations). */
function decodeJsString(raw: string): string {
  const parts: string[] = [];
  let from = 0;
  let slash = raw.indexOf("\\");
  while (slash !== -1) {
    parts.push(raw.slice(from, slash));
    const next = raw[slash + 1] ?? "";
    let consumed = 2;
    if (next in simpleEscapes) parts.push(simpleEscapes[next] ?? "");
    else if (next === "x") {
      parts.push(String.fromCharCode(Number.parseInt(raw.slice(slash + 2, slash + 4), 16)));
      consumed = 4;
    } else if (next === "u" && raw[slash + 2] === "{") {
      const close = raw.indexOf("}", slash + 3);
      parts.push(String.fromCodePoint(Number.parseInt(raw.slice(slash + 3, close), 16)));
      consumed = close - slash + 1;
    } else if (next === "u") {
      parts.push(String.fromCharCode(Number.parseInt(raw.slice(slash + 2, slash + 6), 16)));
      consumed = 6;
    } else if (next === "\r" && raw[slash + 2] === "\n") consumed = 3;
    else if (next !== "\n" && next !== "\r" && next !== "\u2028" && next !== "\u2029") parts.push(next);
    from = slash + consumed;
    slash = raw.indexOf("\\", from);
  }
  parts.push(raw.slice(from));
  return parts.join("");
}
