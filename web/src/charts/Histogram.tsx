import { useId } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";
import { type HistogramBin, layoutHistogram } from "./layoutHistogram.ts";

const width = 560;
const height = 220;
const area = { x: 44, y: 16, width: width - 56, height: height - 52, gap: 3 };

/**
 * A histogram as SVG: one bar per bin, counts on the bars, the value range under the axis. The chart has an
 * accessible name and description, every bar its own `<title>`, and the exact numbers are in a table below.
 */
export function Histogram({
  bins,
  title,
  formatValue,
  testId,
}: {
  bins: readonly HistogramBin[];
  /** What the chart shows, read out as its name: "Цены объявлений". */
  title: string;
  /** How a bin edge reads ("120 000 ₸"). */
  formatValue: (value: number) => string;
  testId?: string;
}) {
  const { t, formatNumber } = useI18n();
  const titleId = useId();
  const descId = useId();
  const { bars, maxCount } = layoutHistogram(bins, area);
  const first = bins[0];
  const last = bins[bins.length - 1];
  const bottom = area.y + area.height;
  const describe = (bin: HistogramBin) =>
    t("chart.binRange", {
      from: formatValue(bin.from),
      to: formatValue(bin.to),
      count: formatNumber(bin.count),
    });
  const summary =
    first === undefined || last === undefined
      ? t("chart.noData")
      : t("chart.histogramSummary", {
          bins: formatNumber(bins.length),
          from: formatValue(first.from),
          to: formatValue(last.to),
          count: formatNumber(bins.reduce((sum, bin) => sum + bin.count, 0)),
        });
  return (
    <figure className="chart" data-testid={testId}>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        data-testid="histogram"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{summary}</desc>
        <line className="chart__axis" x1={area.x} y1={bottom} x2={area.x + area.width} y2={bottom} />
        <line className="chart__axis" x1={area.x} y1={area.y} x2={area.x} y2={bottom} />
        <text className="chart__tick" x={area.x - 6} y={area.y + 4} textAnchor="end">
          {formatNumber(maxCount)}
        </text>
        <text className="chart__tick" x={area.x - 6} y={bottom} textAnchor="end">
          0
        </text>
        {bars.map((bar) => (
          <g key={`${bar.from}-${bar.to}`} data-testid="histogram-bar" data-count={bar.count}>
            <rect className="chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
              <title>{describe(bar)}</title>
            </rect>
            {bar.count > 0 && (
              <text className="chart__value" x={bar.x + bar.width / 2} y={bar.y - 3} textAnchor="middle">
                {formatNumber(bar.count)}
              </text>
            )}
          </g>
        ))}
        {first !== undefined && last !== undefined && (
          <>
            <text className="chart__tick" x={area.x} y={bottom + 16} textAnchor="start">
              {formatValue(first.from)}
            </text>
            <text className="chart__tick" x={area.x + area.width} y={bottom + 16} textAnchor="end">
              {formatValue(last.to)}
            </text>
          </>
        )}
      </svg>
      <details className="chart__data">
        <summary>{t("chart.showData")}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("chart.range")}</th>
              <th scope="col">{t("chart.count")}</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={`${bin.from}-${bin.to}`}>
                <td>
                  {formatValue(bin.from)} – {formatValue(bin.to)}
                </td>
                <td className="data-table__number">{formatNumber(bin.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
