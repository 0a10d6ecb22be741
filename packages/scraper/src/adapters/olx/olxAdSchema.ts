import { z } from "zod";

/** An id OLX writes as a number in the state (and as a string elsewhere); kept as a string. */
const olxIdSchema = z.union([z.number(), z.string()]).transform((id) => String(id));

/** A field that may be absent, null or of another type after a redesign: read as null then. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/**
 * An ad's price as OLX states it: `regularPrice` with the amount and currency for a fixed price
 * (`negotiable` = "Торг"), nothing there for "Договорная" (price by agreement), `free` ("Бесплатно"),
 * `exchange` ("Обмен"); `displayValue` is what the card shows.
 */
export const olxPriceSchema = z.object({
  displayValue: optional(z.string()),
  free: optional(z.boolean()),
  exchange: optional(z.boolean()),
  arranged: optional(z.boolean()),
  regularPrice: optional(
    z.object({
      value: optional(z.number()),
      currencyCode: optional(z.string()),
      currencySymbol: optional(z.string()),
      negotiable: optional(z.boolean()),
    }),
  ),
});
export type OlxPrice = z.infer<typeof olxPriceSchema>;

const olxParamSchema = z.object({
  key: optional(z.string()),
  name: z.string(),
  value: optional(
    z.union([
      z.string(),
      z.number().transform(String),
      z.boolean().transform((yes) => (yes ? "Да" : "Нет")),
      z.array(z.union([z.string(), z.number()])).transform((values) => values.join(", ")),
    ]),
  ),
});

/** One ad in OLX's prerendered state, as listings (`listing.listing.ads[]`) and ad pages (`ad.ad`) hold it. */
export const olxAdSchema = z.object({
  id: olxIdSchema,
  title: z.string(),
  url: optional(z.string()),
  urlPath: optional(z.string()),
  description: optional(z.string()),
  isBusiness: optional(z.boolean()),
  isPromoted: optional(z.boolean()),
  createdTime: optional(z.string()),
  lastRefreshTime: optional(z.string()),
  price: optional(olxPriceSchema),
  location: optional(
    z.object({
      cityName: optional(z.string()),
      districtName: optional(z.string()),
      regionName: optional(z.string()),
    }),
  ),
  user: optional(z.object({ id: optional(olxIdSchema), name: optional(z.string()) })),
  contact: optional(z.object({ name: optional(z.string()) })),
  params: optional(z.array(olxParamSchema.nullable().catch(null))),
  photos: optional(z.array(z.string().nullable().catch(null))),
  views: optional(z.number().int()),
});
export type OlxAd = z.infer<typeof olxAdSchema>;
