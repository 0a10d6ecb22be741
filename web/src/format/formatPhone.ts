/**
 * An E.164 phone for reading: Kazakhstan and Russia (+7) as "+7 701 123 45 67"; any other number as stored.
 */
export function formatPhone(e164: string): string {
  const match = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  if (match === null) return e164;
  const [, code, first, second, third] = match;
  return `+7 ${code} ${first} ${second} ${third}`;
}
