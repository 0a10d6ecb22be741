import type { ParsedPage, ParsedProduct, Seo } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { z } from "zod";
import { isKaspiHost } from "./isKaspiHost.ts";
import { readJsonLdProduct } from "./readJsonLdProduct.ts";
import { readKaspiSellers } from "./readKaspiSellers.ts";
import { readScriptObject } from "./readScriptObject.ts";
import { readTengeAmount } from "./readTengeAmount.ts";
import { resolveKaspiLink } from "./resolveKaspiLink.ts";

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/** `BACKEND.components.item` of a Kaspi product page: the product card, its photos and characteristics. */
const kaspiItemSchema = z.object({
  card: z.object({
    id: z.union([z.string().min(1), z.number().transform(String)]),
    title: optional(z.string()),
    price: optional(z.number()),
    shopLink: optional(z.string()),
    promoConditions: optional(z.object({ brand: optional(z.string()) })),
  }),
  galleryImages: optional(
    z.array(
      z
        .object({ large: optional(z.string()), medium: optional(z.string()) })
        .nullable()
        .catch(null),
    ),
  ),
  description: optional(z.string()),
  specifications: optional(
    z.array(
      z
        .object({
          features: optional(
            z.array(
              z
                .object({
                  name: optional(z.string()),
                  featureUnit: optional(z.object({ name: optional(z.string()) })),
                  featureValues: optional(
                    z.array(
                      z
                        .object({ value: z.union([z.string(), z.number().transform(String)]) })
                        .nullable()
                        .catch(null),
                    ),
                  ),
                })
                .nullable()
                .catch(null),
            ),
          ),
        })
        .nullable()
        .catch(null),
    ),
  ),
});
type KaspiItem = z.infer<typeof kaspiItemSchema>;

export interface KaspiPageContext {
  url: string | null;
  body: string;
  seo: Seo;
  $: CheerioAPI;
}

/**
 * Reads a Kaspi product page: the product card Kaspi embeds (`BACKEND.components.item`), its JSON-LD and the
 * visible page (rating, reviews, the sellers table with each merchant's price). Null when the page shows no
 * sign of being a Kaspi product page.
 */
export function readKaspiProductPage(context: KaspiPageContext): ParsedPage | null {
  const { $ } = context;
  const parsedItem = kaspiItemSchema.safeParse(readScriptObject(context.body, "BACKEND.components.item"));
  const item = parsedItem.success ? parsedItem.data : null;
  const jsonLd = readJsonLdProduct($);
  const hasProductLayout = $(".item__heading, .sellers-table, .item__sku").length > 0;
  const onKaspi = context.url !== null && isKaspiHost(hostOf(context.url));
  if (item === null && !hasProductLayout && !(jsonLd !== null && onKaspi)) return null;

  const id =
    item?.card.id ??
    /BACKEND\.state\.productId\s*=\s*["'](\d+)["']/.exec(context.body)?.[1] ??
    jsonLd?.sku ??
    /(\d{5,})/.exec($(".item__sku").first().text())?.[1] ??
    null;
  const heading = text($("h1.item__heading").first().text()) ?? context.seo.h1;
  const title = text(item?.card.title) ?? heading ?? jsonLd?.name ?? null;
  const price =
    roundTenge(item?.card.price) ?? jsonLd?.price ?? readTengeAmount($(".item__price-once").first().text());
  const sellers = readKaspiSellers($);
  const product: ParsedProduct = {
    id,
    title: title ?? "",
    price,
    currency: price === null ? null : "KZT",
    brand: text(item?.card.promoConditions?.brand) ?? jsonLd?.brand ?? null,
    rating: readRating($) ?? jsonLd?.rating ?? null,
    reviews: readReviewCount($) ?? jsonLd?.reviews ?? null,
    sellers,
    attributes: readCharacteristics(item),
    description: item?.description ? plainText(item.description) : null,
    images: (item?.galleryImages ?? []).flatMap((image) => {
      const source = image?.large ?? image?.medium;
      return source ? [source] : [];
    }),
    url: context.seo.canonical ?? context.url ?? resolveKaspiLink(item?.card.shopLink),
    sku: id,
    availability: jsonLd?.availability ?? null,
  };
  const missing: string[] = [];
  if (id === null) missing.push("id");
  if (title === null) missing.push("title");
  if (price === null) missing.push("price");
  // Sellers come in a table the browser renders; a page without it (a plain HTTP fetch) lacks them.
  if (sellers.length === 0) missing.push("sellers");
  return {
    site: "kaspi",
    kind: "product",
    url: context.url ?? context.seo.canonical,
    title: context.seo.title,
    total: null,
    items: [],
    product,
    offers: [],
    seo: context.seo,
    missing,
    source: "kaspi:product-page",
  };
}

/** The product's stars: Kaspi draws them with a class holding ten times the rating (`rating _49` = 4.9). */
function readRating($: CheerioAPI): number | null {
  const classes = $(".item__rating .rating").first().attr("class") ?? "";
  const tenths = /(?:^|\s)_(\d{1,2})(?:\s|$)/.exec(classes)?.[1];
  return tenths === undefined ? null : Number(tenths) / 10;
}

/** "(85 отзывов)" under the title, else the reviews tab "Отзывы (85)". */
function readReviewCount($: CheerioAPI): number | null {
  const underTitle = /(\d[\d\s\u00a0]*)/.exec($(".item__rating-link").first().text())?.[1];
  if (underTitle !== undefined) return Number(underTitle.replace(/\D/g, ""));
  const tab = $('[data-tab="reviews"]').first().text();
  const inTab = /\((\d[\d\s\u00a0]*)\)/.exec(tab)?.[1];
  return inTab === undefined ? null : Number(inTab.replace(/\D/g, ""));
}

/** Characteristics as Kaspi lists them: name → value(s) and unit ("Состав": "полиэстер, спандекс", "Ширина": "300 см"). */
function readCharacteristics(item: KaspiItem | null): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const group of item?.specifications ?? []) {
    for (const feature of group?.features ?? []) {
      const name = text(feature?.name);
      const values = (feature?.featureValues ?? []).flatMap((entry) => (entry ? [entry.value.trim()] : []));
      const unit = text(feature?.featureUnit?.name);
      if (name !== null && values.length > 0) attributes[name] = values.join(", ") + (unit ? ` ${unit}` : "");
    }
  }
  return attributes;
}

function roundTenge(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}

function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

function text(value: string | null | undefined): string | null {
  const clean = (value ?? "").replace(/\s+/g, " ").trim();
  return clean === "" ? null : clean;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}
