// The scraper benchmark's fixture shop in its own process, so serving pages does not compete with the crawl for the
// benchmark process's event loop (the machine has 2 cores: one for the shop, the rest for the crawl and Chromium).
import { startFixtureSite } from "../../tests/fakes/fixtureSite.ts";

const site = await startFixtureSite({ pages: Number(process.env.BENCH_FIXTURE_PAGES ?? 320) });
console.log(`fixture ${site.url}`);
process.on("SIGTERM", () => {
  void site.close().then(() => process.exit(0));
});
// A benchmark killed before it could stop the shop must not leave it running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();
