/** Text as a reader shows it: runs of whitespace (non-breaking spaces included) as one space, trimmed; null when empty. */
export function cleanText(value: string | null | undefined): string | null {
  const clean = (value ?? "").replace(/\s+/g, " ").trim();
  return clean === "" ? null : clean;
}
