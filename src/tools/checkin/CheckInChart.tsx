/**
 * A check-in question's answers over time: a small SVG line chart (an image with a text summary)
 * and, beside it, the same answers as a table, which is what screen readers and print rely on.
 */
import { fill, formatDay } from '../labels';
import type { ValueOf } from '../values';
import type { ToolDefinition } from '../tool';
import { scaleSteps } from './scale';

interface Props {
  question: string;
  index: number;
  scale: ToolDefinition['scale'];
  entries: ValueOf['checkin']['entries'];
  labels: Record<string, string>;
  locale: string;
}

const width = 320;
const height = 176;
// Room above the top line and below the bottom one for the scale's words, and for the dates.
const pad = { top: 26, right: 12, bottom: 50, left: 12 };
const dayMs = 86_400_000;

/** A `YYYY-MM-DD` day as a count of days, so answers are placed by date (in UTC, where every day is 24 hours). */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / dayMs);

export function CheckInChart({ question, index, scale, entries, labels, locale }: Props) {
  const steps = scaleSteps(scale, labels);
  const min = steps[0]!.value;
  const max = steps.at(-1)!.value;
  const points = entries
    .map((entry) => ({ date: entry.date, rating: entry.ratings[index] }))
    .filter((p): p is { date: string; rating: number } => typeof p.rating === 'number')
    // Saved in date order, but a file brought back may not be: the chart reads left to right.
    .sort((a, b) => a.date.localeCompare(b.date));
  if (points.length === 0) return null;
  const first = dayNumber(points[0]!.date);
  const span = dayNumber(points.at(-1)!.date) - first;
  const inner = width - pad.left - pad.right;
  // By date, so a week's gap looks like a week; one day alone sits in the middle.
  const x = (date: string) => pad.left + (span === 0 ? inner / 2 : ((dayNumber(date) - first) * inner) / span);
  const y = (rating: number) => pad.top + ((max - rating) * (height - pad.top - pad.bottom)) / (max - min);
  const wordFor = (rating: number) => steps.find((s) => s.value === rating)?.label ?? String(rating);
  // The ends of the scale in its own words: "Very hard" and "Very good", or "0: very hard" and "10: very good".
  const ends = scale === '0-10' ? [labels['checkin.low'], labels['checkin.high']] : [wordFor(min), wordFor(max)];
  const title = fill(labels['plan.chartTitle']!, { question });
  const summary = fill(labels['plan.chartSummary']!, {
    count: points.length,
    first: formatDay(points[0]!.date, locale),
    last: formatDay(points.at(-1)!.date, locale),
  });
  const titleId = `chart-${question.replace(/\W+/g, '-')}-${index}`;
  const bottom = y(min);
  return (
    <figure className="plan-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId}-t ${titleId}-d`} className="plan-chart__svg">
        <title id={`${titleId}-t`}>{title}</title>
        <desc id={`${titleId}-d`}>{summary}</desc>
        <line x1={pad.left} x2={width - pad.right} y1={y(max)} y2={y(max)} className="plan-chart__grid" />
        <line x1={pad.left} x2={width - pad.right} y1={bottom} y2={bottom} className="plan-chart__grid" />
        <text x={pad.left} y={y(max) - 8} className="plan-chart__axis">
          {ends[1]}
        </text>
        <text x={pad.left} y={bottom + 18} className="plan-chart__axis">
          {ends[0]}
        </text>
        <polyline points={points.map((p) => `${x(p.date)},${y(p.rating)}`).join(' ')} className="plan-chart__line" />
        {points.map((p) => (
          <circle key={p.date} cx={x(p.date)} cy={y(p.rating)} r="4.5" className="plan-chart__point" />
        ))}
        <text x={span === 0 ? x(points[0]!.date) : pad.left} y={height - 6} textAnchor={span === 0 ? 'middle' : 'start'} className="plan-chart__axis">
          {formatDay(points[0]!.date, locale)}
        </text>
        {span > 0 && (
          <text x={width - pad.right} y={height - 6} textAnchor="end" className="plan-chart__axis">
            {formatDay(points.at(-1)!.date, locale)}
          </text>
        )}
      </svg>
      <table className="tool__history">
        <caption>{question}</caption>
        <thead>
          <tr>
            <th scope="col">{labels['checkin.date']}</th>
            <th scope="col">{question}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{formatDay(p.date, locale)}</th>
              <td>{wordFor(p.rating)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
