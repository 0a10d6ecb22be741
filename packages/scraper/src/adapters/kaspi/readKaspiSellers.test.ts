import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { readKaspiSellers } from "./readKaspiSellers.ts";

const row = (merchant: string, id: string, cells: string[]) =>
  `<tr><td><a href="/shop/info/merchant/${id}/review/?productCode=1">${merchant}</a></td>${cells.map((cell) => `<td>${cell}</td>`).join("")}</tr>`;

describe("readKaspiSellers", () => {
  it("finds the price when the price cell lost its class, skipping delivery fees and instalments", () => {
    const html = `<div class="sellers-table"><table><tbody>
      ${row("Alpha", "101", ["", "<div>Express, <span>за 3 часа, </span><span>995 ₸</span></div>", "<div>2&nbsp;810 ₸</div>", "<div>937 ₸</div>"])}
      ${row("Beta", "102", ['<div class="x-delivery">1 490 ₸</div>', "<div>12 990 ₸</div>", "<div>4 330 ₸</div>"])}
    </tbody></table></div>`;
    expect(readKaspiSellers(load(html))).toEqual([
      { name: "Alpha", id: "101", price: 2810 },
      { name: "Beta", id: "102", price: 12990 },
    ]);
  });

  it("skips rows without a merchant and a merchant listed twice", () => {
    const html = `<div class="sellers-table"><table><tbody>
      <tr><td>Реклама</td><td>5 000 ₸</td></tr>
      ${row("Alpha", "101", ['<div class="sellers-table__price-cell-text">3 500 ₸</div>'])}
      ${row("Alpha", "101", ['<div class="sellers-table__price-cell-text">3 600 ₸</div>'])}
    </tbody></table></div>`;
    expect(readKaspiSellers(load(html))).toEqual([{ name: "Alpha", id: "101", price: 3500 }]);
  });

  it("reads no sellers from a page without the table", () => {
    expect(readKaspiSellers(load("<html><body><h1>Товар</h1></body></html>"))).toEqual([]);
  });
});
