import type { CheerioAPI } from "cheerio";

/** A selection of elements of a parsed page (what `$(selector)` and `.find()` return). */
export type PageElements = ReturnType<ReturnType<CheerioAPI["root"]>["find"]>;
