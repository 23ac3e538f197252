import { Link } from 'react-router-dom';
import { Section } from '@/components/Page';
import { QueryView } from '@/components/QueryView';
import { Skeleton } from '@/components/States';
import type { MarketDetail } from '@/lib/api-types';
import { formatPeso, formatRelative } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useAfterFirstPaint } from '@/lib/use-after-paint';
import { useMarketForecasts } from '../api/get-market-forecasts';

/** The market's latest forecasts: who, how much on what, when. */
export function RecentForecasts({ market, lang }: { market: MarketDetail; lang: 'en' | 'fil' }) {
  const { t } = useI18n();
  const load = useAfterFirstPaint(); // below the fold: not part of the first screen
  const q = useMarketForecasts(load ? market.id : undefined);
  return (
    <Section title={t('market.recentForecasts')}>
      <QueryView
        query={q}
        loading={<Skeleton className="h-16 w-full" />}
        empty={<p className="text-sm text-zinc-500">{t('market.noForecasts')}</p>}
      >
        {(res) => (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {res.data.map((f) => {
              const name = f.user.display_name;
              return (
                <li key={f.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                  <span className="min-w-0 truncate">
                    {f.user?.id ? (
                      <Link className="font-medium text-inherit" to={`/u/${f.user.handle}`}>
                        {name}
                      </Link>
                    ) : (
                      <span className="font-medium">{name}</span>
                    )}{' '}
                    ·{' '}
                    {t('market.positionLine', {
                      points: formatPeso(f.points),
                      outcome: market.outcomes.find((o) => o.id === f.outcome_id)?.name ?? '?',
                    })}
                  </span>
                  <span className="shrink-0 text-xs text-zinc-500">
                    {formatRelative(f.created_at, new Date(), lang)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}
