import { describe, expect, it } from "vitest";
import { exportProductSchema, exportSourceSchema } from "./exportProduct.ts";

describe("exportProductSchema", () => {
  it("reads a public.parsed_products row as the driver returns it: numeric and bigint as strings, timestamptz as a Date, extras in data", () => {
    const row = {
      id: "7f1c…",
      task_id: "1a2b3c4d",
      site: "kaspi",
      external_id: "121207970",
      title: "Рашгард черный",
      price: "2810.00",
      currency: "KZT",
      price_kzt: "2810",
      negotiable: null,
      city: "Астана",
      seller: null,
      seller_type: null,
      promoted: false,
      url: null,
      rating: "4.8",
      reviews: "85",
      views: "3000000000",
      posted_at: new Date("2025-03-01T10:15:00Z"),
      brand: "Без бренда",
      sku: null,
      available: true,
      sellers: [{ name: "TESSO", id: "30321583", price: "2897" }],
      data: {
        attributes: { Цвет: "чёрный" },
        description: "Рашгард для тренировок",
        images: ["https://resources.cdn-kaspi.kz/1.jpg"],
        availability: "InStock",
      },
      created_at: new Date(),
    };
    expect(exportProductSchema.parse(row)).toEqual({
      site: "kaspi",
      external_id: "121207970",
      title: "Рашгард черный",
      price: 2810,
      currency: "KZT",
      price_kzt: 2810,
      negotiable: null,
      city: "Астана",
      seller: null,
      seller_type: null,
      promoted: false,
      url: null,
      rating: 4.8,
      reviews: 85,
      views: 3_000_000_000,
      posted_at: "2025-03-01T10:15:00.000Z",
      brand: "Без бренда",
      sku: null,
      available: true,
      sellers: [{ name: "TESSO", id: "30321583", price: 2897 }],
      attributes: { Цвет: "чёрный" },
      description: "Рашгард для тренировок",
      images: ["https://resources.cdn-kaspi.kz/1.jpg"],
    });
  });

  it("fills what a short row leaves out with null and empty lists", () => {
    expect(exportProductSchema.parse({ site: "olx", title: "Велосипед", price: -5 })).toMatchObject({
      price: -5,
      external_id: null,
      promoted: false,
      sellers: [],
      attributes: {},
      images: [],
    });
  });

  it("rejects what is not a product: a made-up seller type, a price in words, an unreadable date", () => {
    expect(exportProductSchema.safeParse({ site: "olx", title: "x", seller_type: "shop" }).success).toBe(
      false,
    );
    expect(exportProductSchema.safeParse({ site: "olx", title: "x", price: "2 810 ₸" }).success).toBe(false);
    expect(exportProductSchema.safeParse({ site: "olx", title: "x", posted_at: "вчера" }).success).toBe(
      false,
    );
    expect(exportProductSchema.safeParse({ title: "x" }).success).toBe(false);
  });
});

describe("exportSourceSchema", () => {
  it("takes the task's created_at as a Date or a string", () => {
    const task = { task_id: "1a2b3c4d-0000", title: "Рашгарды", source_urls: ["https://kaspi.kz/"] };
    expect(
      exportSourceSchema.parse({ ...task, created_at: new Date("2025-03-01T20:30:00Z") }).created_at,
    ).toBe("2025-03-01T20:30:00.000Z");
    expect(exportSourceSchema.parse({ ...task, created_at: "2025-03-01T20:30:00+00:00" }).created_at).toBe(
      "2025-03-01T20:30:00+00:00",
    );
    expect(exportSourceSchema.safeParse({ ...task, created_at: "yesterday" }).success).toBe(false);
  });
});
