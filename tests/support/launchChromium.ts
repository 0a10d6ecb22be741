import chromium from "@sparticuz/chromium";
import { type Browser, chromium as playwright } from "playwright-core";

/**
 * Headless Chromium as `@sparticuz/chromium` ships it (no browser download), driven by playwright-core. The
 * extra flags keep Chromium from reaching for Google's hosts, which a closed network refuses.
 */
export async function launchChromium(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args,
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    headless: true,
  });
}
