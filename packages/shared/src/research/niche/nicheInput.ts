import { z } from "zod";
import { cplAssumptionsSchema } from "./cplAssumptions.ts";

/** The marketplaces a niche is researched on. */
export const nicheSites = ["olx", "kaspi", "satu"] as const;
export type NicheSite = (typeof nicheSites)[number];

/**
 * The largest price, view, review or result count believed: a trillion. Anything larger is a reading error, and
 * bounding the figures keeps every sum and mean in the report an exact finite number.
 */
export const maxFigure = 1e12;

/**
 * A figure read off one card. One that is out of range (a negative view count, a misread price in the
 * quadrillions) is unknown rather than a reason to throw away the whole niche.
 */
function figure(schema: z.ZodNumber) {
  return schema.nullable().catch(null);
}

/** A date the JavaScript Date can read (ISO 8601). */
const readableDate = z.string().refine((value) => Number.isFinite(Date.parse(value)), "not a readable date");

/** One ad or product card the scraper read for the niche's query and city. */
export const nicheListingSchema = z.object({
  site: z.enum(nicheSites),
  /** The site's own id; listings without one cannot be de-duplicated. */
  id: z.string().nullable(),
  title: z.string(),
  /** In tenge. Zero or a negative number ("Бесплатно", "Обмен") counts as no price. */
  price_kzt: figure(z.number().max(maxFigure)),
  /** ISO 4217 of the price when the caller passes it: a price in any other currency than KZT is dropped. */
  currency: z.string().nullable().optional(),
  seller: z.string().nullable(),
  seller_type: z.enum(["private", "business"]).nullable(),
  /** Paid placement (OLX "ТОП", a promoted card). */
  promoted: z.boolean(),
  city: z.string().nullable(),
  /** When the ad was posted or last raised; a date that cannot be read counts as unknown. */
  posted_at: z.string().nullable(),
  views: figure(z.number().min(0).max(maxFigure)),
  /** Kaspi's reviews stand for purchases. */
  reviews: figure(z.number().min(0).max(maxFigure)),
  /** As the site shows it (Kaspi: stars out of 5); not used by the maths. */
  rating: figure(z.number().min(0).max(maxFigure)),
});
export type NicheListing = z.infer<typeof nicheListingSchema>;

/** What a site said about the whole query, whatever was read of it. */
export const nicheSiteTotalSchema = z.object({
  site: z.enum(nicheSites),
  /** Results the site reports for the query; null when it does not say. */
  total: z.number().int().min(0).max(maxFigure).nullable(),
  pages_read: z.number().int().min(0).max(maxFigure),
  /** The site answered with a captcha or an anti-bot page. */
  blocked: z.boolean(),
});
export type NicheSiteTotal = z.infer<typeof nicheSiteTotalSchema>;

export const nicheInputSchema = z.object({
  /** The niche as the operator typed it: "кондиционеры". */
  query: z.string(),
  city: z.string().nullable(),
  /** When the listings were read: ages and the activity window are counted back from it. */
  collected_at: readableDate,
  listings: z.array(nicheListingSchema),
  totals: z.array(nicheSiteTotalSchema),
  assumptions: cplAssumptionsSchema.partial().optional(),
});
export type NicheInput = z.infer<typeof nicheInputSchema>;
