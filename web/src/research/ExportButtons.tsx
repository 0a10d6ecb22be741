import { buildExport, type ExportFormat, exportFormats } from "@arqan/shared";
import type { SupabaseClient } from "@supabase/supabase-js";
import { useState } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import type { MessageKey } from "../i18n/ru.ts";
import { downloadFile } from "./downloadFile.ts";
import { readExportProducts } from "./readExportProducts.ts";
import { readFailureAction } from "./readFailureAction.ts";
import { readTaskProductsForExport } from "./researchQueries.ts";

/** What the export's header says about where the products came from. */
export interface ExportOrigin {
  taskId: string;
  title: string;
  createdAt: string;
  sourceUrls: string[];
}

/**
 * Downloads the task's products as JSON, CSV, XLSX, SQL, a WordPress import (WXR) or JSON-LD. The file is built
 * here in the browser from every product of the task, read fresh, so it holds what the task found by now.
 */
export function ExportButtons({
  client,
  origin,
  productCount,
  onSessionExpired,
}: {
  client: SupabaseClient;
  origin: ExportOrigin;
  productCount: number;
  onSessionExpired: () => void;
}) {
  const { t, formatNumber } = useI18n();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  async function exportAs(format: ExportFormat) {
    setBusy(format);
    setProblem(null);
    try {
      const products = readExportProducts(await readTaskProductsForExport(client, origin.taskId));
      downloadFile(
        buildExport(format, products, {
          task_id: origin.taskId,
          title: origin.title,
          created_at: origin.createdAt,
          source_urls: origin.sourceUrls,
        }),
      );
    } catch (error) {
      setProblem(`error.${readFailureAction(error, onSessionExpired)}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="panel" data-testid="task-export">
      <h2>{t("research.export.title")}</h2>
      <p className="muted">{t("research.export.hint", { count: formatNumber(productCount) })}</p>
      <div className="export-buttons">
        {exportFormats.map((format) => (
          <button
            key={format}
            className="button"
            type="button"
            data-testid={`export-${format}`}
            disabled={busy !== null || productCount === 0}
            title={t(`research.export.${format}.hint`)}
            onClick={() => void exportAs(format)}
          >
            {busy === format ? t("research.export.building") : t(`research.export.${format}`)}
          </button>
        ))}
      </div>
      {problem !== null && (
        <p className="form-error" role="alert" data-testid="export-error">
          {t(problem)}
        </p>
      )}
    </section>
  );
}
