import type { SupabaseClient } from "@supabase/supabase-js";
import { useEffect, useState } from "react";
import type { QueryFailureAction } from "../api/DashboardQueryError.ts";
import { ErrorState } from "../app/ErrorState.tsx";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { numberLocales } from "../i18n/languages.ts";
import { LeadsPager } from "../leads/LeadsPager.tsx";
import { formatProductPrice } from "./formatProductPrice.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { listTaskProducts, type ProductPage } from "./researchQueries.ts";
import { useSiteName } from "./useSiteName.ts";

/** Products shown per page of the products table. */
export const productPageSize = 50;

type ProductsState =
  | { phase: "loading" }
  | { phase: "error"; action: QueryFailureAction }
  | { phase: "ready"; page: ProductPage };

/**
 * The products and ads a task found, 50 a page: title (linking to the ad), price (tenge as whole tenge, other
 * currencies with their code), seller, city, whether it was promoted, and the site. Read again as the task finds
 * more (`version` changes).
 */
export function TaskProducts({
  client,
  taskId,
  version,
  onSessionExpired,
}: {
  client: SupabaseClient;
  taskId: string;
  /** Changes whenever the task's counts move. */
  version: string;
  onSessionExpired: () => void;
}) {
  const { t, language } = useI18n();
  const siteName = useSiteName();
  const [page, setPage] = useState(1);
  const [state, setState] = useState<ProductsState>({ phase: "loading" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: new finds (version) or a retry (attempt) read again.
  useEffect(() => {
    let cancelled = false;
    listTaskProducts(client, taskId, page, productPageSize).then(
      (products) => {
        if (!cancelled) setState({ phase: "ready", page: products });
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: "error", action: readFailureAction(error, onSessionExpired) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, taskId, page, version, attempt, onSessionExpired]);

  const columns = {
    title: t("research.products.column.title"),
    price: t("research.products.column.price"),
    seller: t("research.products.column.seller"),
    city: t("research.products.column.city"),
    promoted: t("research.products.column.promoted"),
    site: t("research.products.column.site"),
  };
  const products = state.phase === "ready" ? state.page.products : [];
  const total = state.phase === "ready" ? state.page.total : 0;

  return (
    <section className="panel" data-testid="task-products" data-total={total}>
      <h2>{t("research.products.title")}</h2>
      {state.phase === "error" && (
        <ErrorState
          title={t("research.products.error")}
          action={state.action}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      )}
      {state.phase === "loading" && <p className="muted">{t("app.loading")}</p>}
      {state.phase === "ready" && total === 0 && (
        <p className="muted" data-testid="task-products-empty">
          {t("research.products.empty")}
        </p>
      )}
      {products.length > 0 && (
        <div className="table-wrap">
          <table className="leads-table research-table">
            <thead>
              <tr>
                <th scope="col">{columns.title}</th>
                <th scope="col">{columns.price}</th>
                <th scope="col">{columns.seller}</th>
                <th scope="col">{columns.city}</th>
                <th scope="col">{columns.promoted}</th>
                <th scope="col">{columns.site}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.id} data-testid="product-row" data-external-id={product.external_id ?? ""}>
                  <td data-label={columns.title} className="cell-title">
                    {product.url === null ? (
                      product.title
                    ) : (
                      <a href={product.url} target="_blank" rel="noreferrer noopener">
                        {product.title}
                      </a>
                    )}
                  </td>
                  <td data-label={columns.price} className="cell-price" data-testid="product-price">
                    {formatProductPrice(product, numberLocales[language]) ?? "—"}
                    {product.negotiable === true && (
                      <span className="muted"> · {t("research.products.negotiable")}</span>
                    )}
                  </td>
                  <td data-label={columns.seller}>
                    {product.seller ?? "—"}
                    {(product.seller_type === "business" || product.seller_type === "private") && (
                      <span className="muted"> · {t(`research.sellerType.${product.seller_type}`)}</span>
                    )}
                  </td>
                  <td data-label={columns.city}>{product.city ?? "—"}</td>
                  <td data-label={columns.promoted}>
                    {product.promoted ? (
                      <span className="badge badge--promoted">{t("research.products.promoted")}</span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label={columns.site}>{siteName(product.site)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > productPageSize && (
        <LeadsPager
          page={page}
          pageSize={productPageSize}
          shown={state.phase === "ready" ? products.length : null}
          total={total}
          onPage={setPage}
        />
      )}
    </section>
  );
}
