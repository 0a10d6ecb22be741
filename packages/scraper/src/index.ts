export { createPageInput, type PageInput, type SiteReader } from "./adapters/pageInput.ts";
export { readPage } from "./adapters/readPage.ts";
export { exportUsage, runExportCommand } from "./cli/runExportCommand.ts";
export { type CommandIo, parseUsage, runParseCommand } from "./cli/runParseCommand.ts";
export { readScraperEnv, ScraperConfigError, type ScraperEnv } from "./config/readScraperEnv.ts";
export {
  type CrawlErrorCode,
  type CrawlOptions,
  CrawlOptionsError,
  type CrawlResult,
  type CrawlSummary,
  crawlPages,
} from "./crawl/crawlPages.ts";
export { checkPageUrl } from "./parse/checkPageUrl.ts";
export { createScraperService } from "./service/createScraperService.ts";
export { type ParserWorker, startParserWorker } from "./tasks/startParserWorker.ts";
