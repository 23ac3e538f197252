import { formatPercent } from '@/lib/format';

const PALETTE = ['#2563eb', '#059669', '#d97706', '#7c3aed', '#e11d48', '#0891b2', '#65a30d'];

/** Colour of outcome `index`: Yes/No markets use green/red, others a fixed palette. */
export function outcomeColor(name: string, index: number): string {
  const n = name.trim().toLowerCase();
  if (n === 'yes' || n === 'oo') return '#16a34a';
  if (n === 'no' || n === 'hindi') return '#dc2626';
  return PALETTE[index % PALETTE.length];
}

interface Props {
  name: string;
  probability: number;
  /** The percentage as shown, rounded with the market's other outcomes to add up to 100 %. */
  percent?: string;
  color: string;
  detail?: string;
  highlight?: boolean;
}

/** One outcome row: name, probability and a bar. */
export function ProbabilityBar({ name, probability, percent, color, detail, highlight }: Props) {
  const pct = Math.max(0, Math.min(1, probability)) * 100;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        {/* Long names wrap ("Bam Aquino – Kiko Pangilinan tandem") instead of being cut. */}
        <span className={`min-w-0 [overflow-wrap:anywhere] ${highlight ? 'font-semibold' : ''}`}>
          {name}
        </span>
        <span className="shrink-0 font-semibold tabular-nums">
          {percent ?? formatPercent(probability)}
        </span>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
      >
        <div
          className="h-full rounded-full transition-[width] duration-500"
          style={{ width: `${pct}%`, backgroundColor: color }}
        />
      </div>
      {detail && <p className="text-xs text-zinc-500 dark:text-zinc-400">{detail}</p>}
    </div>
  );
}
