/** Satu's product id from a product URL: https://satu.kz/p104583921-elektrochajnik.html → "104583921". */
export function readSatuProductId(url: string | null | undefined): string | null {
  return (
    /\/p(\d+)-[^/]*$|\/p(\d+)\.html/u
      .exec((url ?? "").split(/[?#]/u)[0] ?? "")
      ?.slice(1)
      .find(Boolean) ?? null
  );
}
