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
const height = 160;
const pad = { top: 12, right: 12, bottom: 28, left: 36 };

export function CheckInChart({ question, index, scale, entries, labels, locale }: Props) {
  const steps = scaleSteps(scale, labels);
  const min = steps[0]!.value;
  const max = steps.at(-1)!.value;
  const points = entries
    .map((entry) => ({ date: entry.date, rating: entry.ratings[index] }))
    .filter((p): p is { date: string; rating: number } => typeof p.rating === 'number');
  if (points.length === 0) return null;
  const x = (i: number) => pad.left + (points.length === 1 ? (width - pad.left - pad.right) / 2 : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (rating: number) => pad.top + ((max - rating) * (height - pad.top - pad.bottom)) / (max - min);
  const wordFor = (rating: number) => steps.find((s) => s.value === rating)?.label ?? String(rating);
  const title = fill(labels['plan.chartTitle']!, { question });
  const summary = fill(labels['plan.chartSummary']!, {
    count: points.length,
    first: formatDay(points[0]!.date, locale),
    last: formatDay(points.at(-1)!.date, locale),
  });
  const titleId = `chart-${question.replace(/\W+/g, '-')}-${index}`;
  return (
    <figure className="plan-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId}-t ${titleId}-d`} className="plan-chart__svg">
        <title id={`${titleId}-t`}>{title}</title>
        <desc id={`${titleId}-d`}>{summary}</desc>
        {[min, max].map((rating) => (
          <g key={rating}>
            <line x1={pad.left} x2={width - pad.right} y1={y(rating)} y2={y(rating)} className="plan-chart__grid" />
            <text x={pad.left - 6} y={y(rating) + 4} textAnchor="end" className="plan-chart__axis">
              {scale === '0-10' ? rating : rating === min ? '−' : '+'}
            </text>
          </g>
        ))}
        <polyline points={points.map((p, i) => `${x(i)},${y(p.rating)}`).join(' ')} className="plan-chart__line" />
        {points.map((p, i) => (
          <circle key={p.date} cx={x(i)} cy={y(p.rating)} r="4.5" className="plan-chart__point" />
        ))}
        {[0, points.length - 1]
          .filter((i, n, all) => all.indexOf(i) === n)
          .map((i) => (
            <text key={i} x={x(i)} y={height - 8} textAnchor="middle" className="plan-chart__axis">
              {formatDay(points[i]!.date, locale)}
            </text>
          ))}
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
