import type { Outcome } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { percentLabel, percentsSummingTo100 } from '@/lib/percent';
import type { HistoryPoint } from '../api/get-market-history';

const W = 600;
const H = 220;
// The percentage labels are HTML beside the SVG, not SVG text: the SVG scales with its width
// (600 units drawn at ~340 px on a phone), which would shrink 11-unit text to ~6 px.
const PAD = { top: 10, right: 8, bottom: 22, left: 8 };

interface Props {
  points: HistoryPoint[];
  outcomes: (Outcome & { color: string })[];
  label: string;
}

/** A small dependency-free SVG line chart of outcome probabilities over time. */
export function ProbabilityChart({ points, outcomes, label }: Props) {
  const sorted = [...points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const t0 = Date.parse(sorted[0]?.at ?? '');
  const t1 = Date.parse(sorted[sorted.length - 1]?.at ?? '');
  const span = Math.max(1, t1 - t0);
  const x = (at: string) => PAD.left + ((Date.parse(at) - t0) / span) * (W - PAD.left - PAD.right);
  const y = (p: number) => PAD.top + (1 - Math.max(0, Math.min(1, p))) * (H - PAD.top - PAD.bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1];
  const latest = outcomes.map(
    (o) => sorted[sorted.length - 1]?.probabilities[o.id] ?? o.probability,
  );
  const pcts = percentsSummingTo100(latest);
  const summary = outcomes
    .map((o, i) => `${o.name} ${percentLabel(pcts[i], latest[i])}`)
    .join(', ');

  return (
    <figure className="m-0">
      <div className="relative pr-10">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-label={`${label}: ${summary}`}
        >
          {grid.map((g) => (
            <line
              key={g}
              x1={PAD.left}
              x2={W - PAD.right}
              y1={y(g)}
              y2={y(g)}
              stroke="currentColor"
              strokeOpacity={0.12}
              strokeDasharray="4 4"
            />
          ))}
          {outcomes.map((o) => {
            const pts = sorted
              .filter((p) => typeof p.probabilities[o.id] === 'number')
              .map((p) => `${x(p.at).toFixed(1)},${y(p.probabilities[o.id]).toFixed(1)}`);
            if (pts.length === 0) return null;
            if (pts.length === 1) pts.push(`${W - PAD.right},${pts[0].split(',')[1]}`);
            return (
              <polyline
                key={o.id}
                points={pts.join(' ')}
                fill="none"
                stroke={o.color}
                strokeWidth={2.5}
                strokeLinejoin="round"
                strokeLinecap="round"
                vectorEffect="non-scaling-stroke"
              />
            );
          })}
        </svg>
        {grid.map((g) => (
          <span
            key={g}
            data-testid="chart-axis-label"
            aria-hidden="true"
            className="absolute right-0 -translate-y-1/2 text-[11px] leading-none text-zinc-500 tabular-nums dark:text-zinc-400"
            style={{ top: `${(y(g) / H) * 100}%` }}
          >
            {Math.round(g * 100)}%
          </span>
        ))}
      </div>
      <figcaption className="mt-1 flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
        <span>{sorted[0] ? formatDateTime(sorted[0].at) : ''}</span>
        <span>{sorted.length > 1 ? formatDateTime(sorted[sorted.length - 1].at) : ''}</span>
      </figcaption>
    </figure>
  );
}
