import { useState } from 'react';
import { Section } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { Skeleton } from '@/components/States';
import type { MarketDetail } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { useAfterFirstPaint } from '@/lib/use-after-paint';
import { HISTORY_RANGES, useMarketHistory, type HistoryRange } from '../api/get-market-history';
import { ProbabilityChart } from './ProbabilityChart';

/** The probability chart over a chosen range, with the viewer's entry and a legend. */
export function HistorySection({
  market,
  outcomes,
}: {
  market: MarketDetail;
  outcomes: (MarketDetail['outcomes'][number] & { color: string })[];
}) {
  const { t } = useI18n();
  const load = useAfterFirstPaint(); // below the fold: not part of the first screen
  const [range, setRange] = useState<HistoryRange>('7d');
  const history = useMarketHistory(load ? market.id : undefined, range);
  return (
    <Section
      title={t('market.chart')}
      actions={
        <div className="flex gap-1" role="group" aria-label={t('market.chartRange')}>
          {HISTORY_RANGES.map((r) => (
            <button
              key={r}
              type="button"
              className={`chip px-2! py-0.5! text-xs! ${range === r ? 'chip-active' : ''}`}
              aria-pressed={range === r}
              onClick={() => setRange(r)}
            >
              {t(`market.range.${r}`)}
            </button>
          ))}
        </div>
      }
    >
      <QueryView
        query={history}
        loading={<Skeleton className="h-48 w-full" />}
        empty={<p className="text-sm text-zinc-500">{t('market.noHistory')}</p>}
      >
        {(points) => (
          <ProbabilityChart
            points={points}
            outcomes={outcomes}
            label={t('market.chart')}
            entry={entryOf(market, outcomes)}
          />
        )}
      </QueryView>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {outcomes.map((o) => (
          <li key={o.id} className="flex items-center gap-1">
            <span
              className="h-2 w-2 rounded-full"
              style={{ background: o.color }}
              aria-hidden="true"
            />
            {o.name}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The viewer's entry on the chart: when they forecast, at the probability their outcome had then. */
function entryOf(
  market: MarketDetail,
  outcomes: (MarketDetail['outcomes'][number] & { color: string })[],
) {
  const mine = market.my_forecast;
  const outcome = mine && outcomes.find((o) => o.id === mine.outcome_id);
  if (!mine || !outcome) return null;
  return { at: mine.created_at, probability: mine.crowd_probability, color: outcome.color };
}
