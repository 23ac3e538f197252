import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Outcome } from '@/lib/api-types';
import { formatDateTime, formatPercent } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { percentLabel, percentsSummingTo100 } from '@/lib/percent';
import type { HistoryPoint } from '../api/get-market-history';

const W = 600;
const H = 220;
// The percentage labels are HTML beside the SVG, not SVG text: the SVG scales with its width
// (600 units drawn at ~340 px on a phone), which would shrink 11-unit text to ~6 px.
const PAD = { top: 10, right: 8, bottom: 22, left: 8 };
const SLACK_MS = 60_000;

/** The viewer's entry: when they forecast and the probability of their outcome then. */
export interface ChartEntry {
  at: string;
  probability: number;
  color: string;
}

interface Props {
  points: HistoryPoint[];
  outcomes: (Outcome & { color: string })[];
  label: string;
  entry?: ChartEntry | null;
}

/**
 * A small dependency-free SVG line chart of outcome probabilities over time. Touching (or hovering,
 * or arrow keys when focused) reads out the probabilities at the nearest point; the viewer's entry is
 * marked when it falls in the range shown.
 */
export function ProbabilityChart({ points, outcomes, label, entry }: Props) {
  const t = useT();
  const area = useRef<HTMLDivElement>(null);
  const [cursor, setCursor] = useState<number | null>(null);
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
  const last = sorted.length - 1;
  const at = cursor == null ? null : sorted[Math.min(cursor, last)];
  const reading = at ? readingOf(at, outcomes) : null;
  const entryAt = entry ? Date.parse(entry.at) : NaN;
  // The entry's own history point is stamped by the database, the forecast by the server: allow a
  // minute either way before deciding the entry lies outside the range shown.
  const entryX =
    entry && sorted.length > 0 && entryAt >= t0 - SLACK_MS
      ? x(new Date(Math.max(t0, Math.min(entryAt, t1))).toISOString())
      : null;

  /** The index of the point nearest in time to the pointer's horizontal position. */
  const pointAt = (clientX: number) => {
    const rect = area.current?.getBoundingClientRect();
    if (!rect || rect.width <= 0 || sorted.length === 0) return null;
    const fx = ((clientX - rect.left) / rect.width) * W;
    const time = t0 + ((fx - PAD.left) / (W - PAD.left - PAD.right)) * span;
    let best = 0;
    for (let i = 1; i < sorted.length; i++) {
      if (
        Math.abs(Date.parse(sorted[i].at) - time) < Math.abs(Date.parse(sorted[best].at) - time)
      ) {
        best = i;
      }
    }
    return best;
  };
  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const i = pointAt(e.clientX);
    if (i != null) setCursor(i);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: (cursor ?? last + 1) - 1,
      ArrowRight: (cursor ?? -1) + 1,
      Home: 0,
      End: last,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    setCursor(Math.max(0, Math.min(last, moves[e.key])));
  };

  return (
    <figure className="m-0">
      <p
        className="mb-1 min-h-5 text-xs text-zinc-600 tabular-nums dark:text-zinc-400"
        aria-live="polite"
        data-testid="chart-readout"
      >
        {reading ? (
          <>
            <span className="font-medium">{formatDateTime(at!.at)}</span>
            {reading.map((r) => (
              <span key={r.id} className="ml-2 inline-flex items-center gap-1">
                <span
                  className="h-2 w-2 rounded-full"
                  style={{ background: r.color }}
                  aria-hidden="true"
                />
                {r.name} {r.percent}
              </span>
            ))}
          </>
        ) : (
          t('market.chartHint')
        )}
      </p>
      <div
        className="relative touch-pan-y pr-10 outline-offset-2"
        ref={area}
        tabIndex={0}
        role="group"
        aria-label={t('market.chartExplore')}
        data-testid="chart-area"
        onPointerDown={onPointer}
        onPointerMove={onPointer}
        onKeyDown={onKey}
      >
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
          {at && (
            <line
              x1={x(at.at)}
              x2={x(at.at)}
              y1={PAD.top}
              y2={H - PAD.bottom}
              stroke="currentColor"
              strokeOpacity={0.5}
              vectorEffect="non-scaling-stroke"
              data-testid="chart-cursor"
            />
          )}
          {entry && entryX != null && (
            <circle
              cx={entryX}
              cy={y(entry.probability)}
              r={6}
              fill="var(--pm-card, #fff)"
              stroke={entry.color}
              strokeWidth={3}
              vectorEffect="non-scaling-stroke"
              data-testid="chart-entry"
            >
              <title>{t('market.chartEntry', { percent: formatPercent(entry.probability) })}</title>
            </circle>
          )}
        </svg>
        {entry && entryX != null && (
          <span
            aria-hidden="true"
            className="pointer-events-none absolute -translate-x-1/2 rounded bg-zinc-900 px-1 text-[11px] leading-4 text-white dark:bg-zinc-100 dark:text-zinc-900"
            style={{
              left: `${(entryX / W) * 100}%`,
              top: `calc(${(y(entry.probability) / H) * 100}% - 24px)`,
            }}
          >
            {t('market.chartYou')}
          </span>
        )}
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
      {entry && entryX != null && (
        <p className="sr-only" data-testid="chart-entry-text">
          {t('market.chartEntry', { percent: formatPercent(entry.probability) })}
        </p>
      )}
    </figure>
  );
}

/** Each outcome's whole percent at one point (summing to 100), in the outcomes' order. */
function readingOf(point: HistoryPoint, outcomes: (Outcome & { color: string })[]) {
  const values = outcomes.map((o) => point.probabilities[o.id] ?? 0);
  const pcts = percentsSummingTo100(values);
  return outcomes.map((o, i) => ({
    id: o.id,
    name: o.name,
    color: o.color,
    percent: percentLabel(pcts[i], values[i]),
  }));
}
