export { createPageInput, type PageInput, type SiteReader } from "./adapters/pageInput.ts";
export { readPage } from "./adapters/readPage.ts";
