import { useId } from "react";
import { type BarDatum, layoutBars, shortenLabel } from "./layoutBars.ts";

const width = 560;
const rowHeight = 26;
const labelWidth = 190;
const valueWidth = 110;
const trackX = labelWidth + 8;
const trackWidth = width - trackX - valueWidth - 8;
const barHeight = 14;
/** Characters of a label that fit the label column at the chart's font size. */
const labelChars = 26;

/**
 * Horizontal bars as SVG, one row per datum: the label, the bar against `max`, and the value written out — so
 * the numbers are read as text, not guessed from lengths. Every row has a `<title>` with the full label.
 */
export function HorizontalBars({
  data,
  max,
  title,
  description,
  testId,
}: {
  data: readonly BarDatum[];
  /** The value of a full bar: 1 for shares, the largest value for a comparison. */
  max: number;
  /** The chart's accessible name. */
  title: string;
  /** What the bars mean, read out after the name. */
  description?: string;
  testId?: string;
}) {
  const titleId = useId();
  const descId = useId();
  const rows = layoutBars(data, { max, trackWidth, rowHeight, top: 4 });
  const height = Math.max(rowHeight, rows.length * rowHeight) + 8;
  return (
    <figure className="chart" data-testid={testId}>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={description === undefined ? titleId : `${titleId} ${descId}`}
      >
        <title id={titleId}>{title}</title>
        {description !== undefined && <desc id={descId}>{description}</desc>}
        {rows.map((row) => {
          const middle = row.y + rowHeight / 2;
          return (
            <g key={row.key} data-testid="bar-row" data-key={row.key} data-value={row.value}>
              <title>{`${row.label}: ${row.valueLabel}`}</title>
              <text className="chart__label" x={labelWidth} y={middle + 4} textAnchor="end">
                {shortenLabel(row.label, labelChars)}
              </text>
              <rect
                className="chart__track"
                x={trackX}
                y={middle - barHeight / 2}
                width={trackWidth}
                height={barHeight}
                rx={3}
              />
              <rect
                className="chart__bar"
                x={trackX}
                y={middle - barHeight / 2}
                width={row.barWidth}
                height={barHeight}
                rx={3}
              />
              <text className="chart__value" x={trackX + trackWidth + 8} y={middle + 4} textAnchor="start">
                {row.valueLabel}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
