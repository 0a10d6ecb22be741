import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildExport, exportFormats } from "./index.ts";
import { exampleSource, makeAwkwardProducts } from "./makeExportFixtures.ts";

describe("buildExport", () => {
  it("builds every format as a named, typed file", () => {
    const files = exportFormats.map((format) => buildExport(format, makeAwkwardProducts(), exampleSource));
    expect(files.map(({ filename, mimeType }) => [filename, mimeType])).toEqual([
      ["arqan-1a2b3c4d-20250302.json", "application/json; charset=utf-8"],
      ["arqan-1a2b3c4d-20250302.csv", "text/csv; charset=utf-8"],
      ["arqan-1a2b3c4d-20250302.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["arqan-1a2b3c4d-20250302.sql", "application/sql; charset=utf-8"],
      ["arqan-1a2b3c4d-20250302.xml", "application/rss+xml; charset=utf-8"],
      ["arqan-1a2b3c4d-20250302.jsonld", "application/ld+json; charset=utf-8"],
    ]);
    for (const file of files) expect(file.body.length).toBeGreaterThan(200);
    expect(Object.keys(unzipSync(files[2]!.body))).toContain("xl/worksheets/sheet1.xml");
  });

  it("passes the SQL table name through", () => {
    const { body } = buildExport("sql", makeAwkwardProducts(), exampleSource, { tableName: "olx_ads" });
    expect(new TextDecoder().decode(body)).toContain('INSERT INTO "olx_ads"');
  });
});
