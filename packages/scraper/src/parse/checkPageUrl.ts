/** Why a text cannot be fetched as a page: not a URL at all, or a scheme the scraper does not fetch. */
export interface PageUrlProblem {
  code: "invalid_url" | "unsupported_scheme";
  message: string;
}

/** An absolute http(s) URL, or the reason it is not one — said so an operator can fix it. */
export function checkPageUrl(text: string): { url: string } | PageUrlProblem {
  const trimmed = text.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return {
      code: "invalid_url",
      message: `'${clip(trimmed)}' is not a URL: give an absolute address such as https://www.olx.kz/list/q-кондиционер/`,
    };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return {
      code: "unsupported_scheme",
      message: `'${parsed.protocol.replace(/:$/, "")}' addresses are not fetched: only http and https pages can be parsed`,
    };
  }
  if (parsed.hostname === "") {
    return { code: "invalid_url", message: `'${clip(trimmed)}' has no host` };
  }
  return { url: parsed.toString() };
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
