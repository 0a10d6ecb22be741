import { existsSync } from "node:fs";
import { type SiteChoice, siteChoices } from "@arqan/shared";
import { readScraperEnv } from "../config/readScraperEnv.ts";
import { checkPageUrl } from "../parse/checkPageUrl.ts";
import { PageTooLargeError, parseFile } from "../parse/parseFile.ts";
import { parseUrl } from "../parse/parseUrl.ts";
import { crawlOptionsFromEnv } from "../tasks/crawlOptionsFromEnv.ts";

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

export const parseUsage = `arqan parse <file-or-url> [--url <original url>] [--site auto|olx|kaspi|satu|generic] [--browser auto|never|always]
  Reads one page — a saved HTML/JSON/XML file or a URL fetched politely (robots.txt, 1 request/s, the browser only
  when the page needs it) — and prints its normalized result as JSON.`;

/** `arqan parse`: prints one page's normalized result; exit 0 when read, 1 when the page could not be fetched, 2 on usage. */
export async function runParseCommand(args: string[], io: CommandIo): Promise<number> {
  const options = readOptions(args);
  if ("error" in options) {
    io.stderr(`arqan parse: ${options.error}\n\n${parseUsage}\n`);
    return 2;
  }
  const env = readScraperEnv(io.env);
  const target = options.target;
  if (existsSync(target)) {
    try {
      const page = await parseFile(target, {
        url: options.url,
        site: options.site,
        maxPageBytes: env.maxPageBytes,
      });
      io.stdout(`${JSON.stringify(page, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof PageTooLargeError) {
        io.stderr(`arqan parse: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }
  const url = checkPageUrl(target);
  if ("code" in url) {
    io.stderr(`arqan parse: ${url.message} (and no file of that name exists)\n`);
    return 2;
  }
  const result = await parseUrl(url.url, {
    ...crawlOptionsFromEnv(env),
    site: options.site,
    browser: options.browser,
  });
  if (result.page !== null) io.stdout(`${JSON.stringify(result.page, null, 2)}\n`);
  if (!result.ok) {
    io.stderr(`arqan parse: ${result.error.code}: ${result.error.message}\n`);
    return 1;
  }
  return 0;
}

function readOptions(
  args: string[],
):
  | { target: string; url: string | null; site: SiteChoice; browser: "auto" | "never" | "always" }
  | { error: string } {
  let target: string | null = null;
  let url: string | null = null;
  let site: SiteChoice = "auto";
  let browser: "auto" | "never" | "always" = "auto";
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === "--url") {
      const given = value();
      if (!given) return { error: "--url needs the page's original address" };
      const checked = checkPageUrl(given);
      if ("code" in checked) return { error: checked.message };
      url = checked.url;
    } else if (flag === "--site") {
      const given = value();
      const choice = siteChoices.find((s) => s === given);
      if (!choice) return { error: `--site must be one of ${siteChoices.join(", ")}` };
      site = choice;
    } else if (flag === "--browser") {
      const given = value();
      if (given !== "auto" && given !== "never" && given !== "always") {
        return { error: "--browser must be auto, never or always" };
      }
      browser = given;
    } else if (flag?.startsWith("--")) {
      return { error: `unknown option ${flag}` };
    } else if (target === null) {
      target = arg;
    } else {
      return { error: `one page at a time (got '${target}' and '${arg}')` };
    }
  }
  if (target === null) return { error: "give a file or a URL" };
  return { target, url, site, browser };
}
