import { z } from "zod";

/**
 * One parsed product as every export reads it: the shape of a `public.parsed_products` row. Rows come from
 * the database (Postgres `numeric`/`bigint` arrive as strings, `timestamptz` as a Date) or from a page parsed
 * by the CLI, so the schema accepts those spellings and hands the exports plain numbers and ISO strings.
 */

/** A decimal as Postgres prints it ("2810.00", "-5", "3000000000"), or a number. */
const numberFromDatabase = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/, "not a decimal number")
    .transform(Number)
    .pipe(z.number()),
]);

/** An instant as ISO 8601: a Date from the driver, or the string as the database or the page gave it. */
export const instantSchema = z.union([
  z.date().transform((date) => date.toISOString()),
  z.string().refine((text) => !Number.isNaN(Date.parse(text)), "not a date"),
]);

/** A field the source did not have is null; a row that omits it (an older table, a page) means the same. */
function optionalNull<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

export const exportSellerSchema = z.object({
  name: z.string(),
  id: optionalNull(z.string()),
  price: optionalNull(numberFromDatabase),
});

const attributesSchema = z.record(z.string(), z.string());

/**
 * The table keeps what only some pages have (attributes, description, images) in its `data` column; a
 * row read from it carries them there, a page-made product at the top. Either way they end up at the top.
 */
const storedExtrasSchema = z.object({
  attributes: attributesSchema.optional(),
  description: z.string().nullable().optional(),
  images: z.array(z.string()).optional(),
});

export const exportProductSchema = z
  .object({
    /** Which site the product was read from: olx, kaspi, satu, generic… */
    site: z.string().min(1),
    /** The site's own id of the ad or product. */
    external_id: optionalNull(z.string()),
    title: z.string(),
    /** In `currency`'s units. */
    price: optionalNull(numberFromDatabase),
    currency: optionalNull(z.string()),
    /** The price in whole tenge, when known. */
    price_kzt: optionalNull(numberFromDatabase),
    negotiable: optionalNull(z.boolean()),
    city: optionalNull(z.string()),
    seller: optionalNull(z.string()),
    seller_type: optionalNull(z.enum(["private", "business"])),
    promoted: z.boolean().default(false),
    url: optionalNull(z.string()),
    rating: optionalNull(numberFromDatabase),
    reviews: optionalNull(numberFromDatabase),
    views: optionalNull(numberFromDatabase),
    /** When the ad was posted or last raised, ISO 8601. */
    posted_at: optionalNull(instantSchema),
    brand: optionalNull(z.string()),
    sku: optionalNull(z.string()),
    /** In stock (true), sold out (false), or not said. */
    available: optionalNull(z.boolean()),
    /** The offers of several sellers of one product (Kaspi's sellers table). */
    sellers: z.array(exportSellerSchema).default([]),
    /** Characteristics as the site shows them ("Состояние": "Б/у"). */
    ...storedExtrasSchema.shape,
    data: storedExtrasSchema.nullable().optional(),
  })
  .transform(({ data, attributes, description, images, ...product }) => ({
    ...product,
    attributes: attributes ?? data?.attributes ?? {},
    description: description ?? data?.description ?? null,
    images: images ?? data?.images ?? [],
  }));
export type ExportProduct = z.output<typeof exportProductSchema>;
export type ExportSeller = z.output<typeof exportSellerSchema>;

/** The research task the products came from: names the file and heads the export. */
export const exportSourceSchema = z.object({
  task_id: z.string().min(1),
  title: z.string(),
  created_at: instantSchema,
  source_urls: z.array(z.string()).default([]),
});
export type ExportSource = z.output<typeof exportSourceSchema>;
