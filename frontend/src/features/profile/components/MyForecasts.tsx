import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Section } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { ErrorState, Skeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import type { ForecastStatus } from '@/lib/api-types';
import { formatPeso, formatRelative } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { useMyForecasts } from '../api/get-my-forecasts';

const FILTERS: (ForecastStatus | '')[] = ['', 'pending', 'won', 'lost'];

export function MyForecasts() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<ForecastStatus | ''>('');
  const [page, setPage] = useState(1);
  const q = useMyForecasts(status, page, true);
  const items = q.data?.data ?? [];
  return (
    <Section title={t('profile.myForecasts')}>
      <div
        className="mb-3 flex gap-2 overflow-x-auto"
        role="group"
        aria-label={t('profile.forecastFilter')}
      >
        {FILTERS.map((f) => (
          <button
            key={f || 'all'}
            type="button"
            className={`chip ${status === f ? 'chip-active' : ''}`}
            aria-pressed={status === f}
            onClick={() => {
              setStatus(f);
              setPage(1);
            }}
          >
            {f ? t(`market.positionStatus.${f}`) : t('common.all')}
          </button>
        ))}
      </div>
      {q.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : q.isError ? (
        <ErrorState message={t('common.error')} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('profile.noForecasts')}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {items.map((f) => {
            const title = f.market?.title ?? f.market_title ?? f.market_id;
            const slug = f.market?.slug ?? f.market_slug ?? f.market_id;
            const outcome = f.outcome?.name ?? f.outcome_name;
            return (
              <li key={f.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <Link
                    to={`/markets/${slug}`}
                    className="block truncate font-medium no-underline hover:underline"
                  >
                    {title}
                  </Link>
                  <p className="text-xs text-zinc-500">
                    {outcome
                      ? t('market.positionLine', { points: formatPeso(f.points), outcome })
                      : formatPeso(f.points)}
                    {' · '}
                    {formatRelative(f.updated_at || f.created_at, new Date(), lang)}
                  </p>
                </div>
                <Tag tone={statusTone(f.status)}>{t(`market.positionStatus.${f.status}`)}</Tag>
              </li>
            );
          })}
        </ul>
      )}
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
