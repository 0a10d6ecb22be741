import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildJsonExport } from "./buildJsonExport.ts";
import { exportProductSchema, exportSourceSchema } from "./exportProduct.ts";
import { exampleSource, makeAwkwardProducts, makeManyProducts } from "./makeExportFixtures.ts";

const exportFileSchema = z.object({ source: exportSourceSchema, products: z.array(exportProductSchema) });

describe("buildJsonExport", () => {
  it("reads back to the same source and products, every character kept", () => {
    const products = makeAwkwardProducts();
    const text = new TextDecoder("utf-8", { fatal: true }).decode(buildJsonExport(products, exampleSource));
    expect(exportFileSchema.parse(JSON.parse(text))).toEqual({ source: exampleSource, products });
    expect(text).toContain("Қазақша әғқңөұүһі");
    expect(text).toContain('\n  "products": [\n'); // pretty-printed for a person opening it
  });

  it("holds an empty list and 1 200 products", () => {
    const read = (body: Uint8Array) => exportFileSchema.parse(JSON.parse(new TextDecoder().decode(body)));
    expect(read(buildJsonExport([], exampleSource)).products).toEqual([]);
    const many = makeManyProducts(1200);
    expect(read(buildJsonExport(many, exampleSource)).products).toEqual(many);
  });
});
