import type { ProductSeller } from "@arqan/shared";
import type { CheerioAPI } from "cheerio";
import { readTengeAmount } from "./readTengeAmount.ts";

/**
 * The sellers table of a Kaspi product page, in the order Kaspi ranks them: each merchant's name, its id
 * (from the link to its reviews, /shop/info/merchant/<id>/…) and its price. A row also shows a delivery
 * fee ("Express … 995 ₸") and a monthly instalment: neither is the price.
 */
export function readKaspiSellers($: CheerioAPI): ProductSeller[] {
  const sellers: ProductSeller[] = [];
  const rows = $("table.sellers-table__self tbody tr, .sellers-table tbody tr");

  const readRowPrice = (row: typeof rows): number | null => {
    const priceCell = row.find(".sellers-table__price-cell-text").not("._installments-price").first();
    if (priceCell.length > 0) return readTengeAmount(priceCell.text());
    // Without the price cell's class: the first cell holding only an amount of tenge, outside the delivery
    // column and the instalment.
    let price: number | null = null;
    row.children("td").each((_, cell) => {
      const copy = $(cell).clone();
      copy.find('[class*="delivery"], [class*="installment"]').remove();
      const text = copy
        .text()
        .replace(/[\s\u00a0]+/g, " ")
        .trim();
      if (!/^\d[\d ]*₸$/.test(text)) return undefined;
      price = readTengeAmount(text);
      return false;
    });
    return price;
  };

  rows.each((_, element) => {
    const row = $(element);
    const link = row.find('a[href*="/merchant/"]').first();
    const name = link.text().replace(/\s+/g, " ").trim();
    if (name === "") return;
    const id = /\/merchant\/(\d+)/.exec(link.attr("href") ?? "")?.[1] ?? null;
    if (sellers.some((seller) => seller.id !== null && seller.id === id)) return;
    sellers.push({ name, id, price: readRowPrice(row) });
  });
  return sellers;
}
