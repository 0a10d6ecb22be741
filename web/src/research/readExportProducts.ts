import { type ExportProduct, exportProductSchema } from "@arqan/shared";
import { z } from "zod";
import { parseAnswer } from "../api/readAnswer.ts";

/**
 * What `parsed_products.data` may carry for an export: a product's attributes, description and images. A part
 * in a shape the exports do not take is left out rather than failing the whole file.
 */
const productDataSchema = z
  .object({
    attributes: z.record(z.string(), z.string()).optional().catch(undefined),
    description: z.string().nullable().optional().catch(undefined),
    images: z.array(z.string()).optional().catch(undefined),
  })
  .catch({});

/** A `parsed_products` row as read for an export: its columns, with `data` opened into the export's fields. */
const exportRowSchema = z
  .looseObject({ data: productDataSchema.optional() })
  .transform(({ data, ...columns }) => ({
    ...columns,
    ...(data?.attributes === undefined ? {} : { attributes: data.attributes }),
    ...(data?.description === undefined ? {} : { description: data.description }),
    ...(data?.images === undefined ? {} : { images: data.images }),
  }))
  .pipe(exportProductSchema);

/** The products of a task as every export reads them; a row in another shape is a `malformed` answer. */
export function readExportProducts(rows: readonly unknown[]): ExportProduct[] {
  return parseAnswer("parsed_products", z.array(exportRowSchema), rows);
}
