import { useState } from 'react';
import { Section } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { Skeleton } from '@/components/States';
import type { ForecastStatus } from '@/lib/api-types';
import { useT } from '@/lib/i18n';
import { useMyForecasts } from '../api/get-my-forecasts';
import { ForecastList } from './ForecastList';

const FILTERS: (ForecastStatus | '')[] = ['', 'pending', 'won', 'lost'];

export function MyForecasts() {
  const t = useT();
  const [status, setStatus] = useState<ForecastStatus | ''>('');
  const [page, setPage] = useState(1);
  const q = useMyForecasts(status, page, true);
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
      <QueryView
        query={q}
        loading={<Skeleton className="h-16 w-full" />}
        empty={
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('profile.noForecasts')}</p>
        }
      >
        {(res) => <ForecastList items={res.data} />}
      </QueryView>
      <Pager pagination={q.data?.pagination} onPage={setPage} />
    </Section>
  );
}
