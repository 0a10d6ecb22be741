/**
 * Kaspi pages carry their data as JSON assigned in inline scripts (`BACKEND.components.item = {…};`).
 * Returns the JSON value assigned to `name` (the first assignment that parses), or null when there is none.
 */
export function readScriptObject(source: string, name: string): unknown {
  let from = source.indexOf(name);
  while (from !== -1) {
    const after = from + name.length;
    const assignment = /^\s*=\s*/.exec(source.slice(after, after + 32));
    const opening = assignment === null ? -1 : after + assignment[0].length;
    const char = opening === -1 ? "" : source[opening];
    if (char === "{" || char === "[") {
      const end = findJsonEnd(source, opening);
      if (end !== -1) {
        try {
          return JSON.parse(source.slice(opening, end));
        } catch {
          // Not JSON (a JavaScript expression): look for a later assignment.
        }
      }
    }
    from = source.indexOf(name, after);
  }
  return null;
}

/** The index just past the object or array opening at `start`, respecting strings; -1 when it never closes. */
function findJsonEnd(source: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < source.length; index += 1) {
    const char = source[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth += 1;
    else if (char === "}" || char === "]") {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}
