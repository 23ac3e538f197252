import type { ReactNode } from 'react';
import { formatNumber, formatPercent, formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import type { UserStats } from '../api/get-user-stats';

function Tile({
  label,
  children,
  testId,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="rounded-xl bg-zinc-100 p-3 dark:bg-zinc-900">
      <dt className="text-xs text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="m-0 font-semibold" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Reputation plus, when the server has stats, forecasts, accuracy and profit. */
export function StatsTiles({
  reputation,
  stats,
  chips,
}: {
  reputation: number;
  stats?: UserStats;
  chips?: ReactNode;
}) {
  const t = useT();
  return (
    <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
      {chips !== undefined && (
        <Tile label={t('profile.chips')} testId="profile-chips">
          {chips}
        </Tile>
      )}
      <Tile label={t('profile.reputation')}>{formatNumber(Math.round(reputation))}</Tile>
      {stats && (
        <>
          <Tile label={t('profile.forecasts')}>{formatNumber(stats.forecasts)}</Tile>
          <Tile label={t('profile.accuracy')}>
            {stats.accuracy == null ? '–' : formatPercent(stats.accuracy)}
          </Tile>
          <Tile label={t('profile.profit')}>
            <span
              className={
                stats.profit >= 0
                  ? 'text-green-700 dark:text-green-400'
                  : 'text-red-700 dark:text-red-400'
              }
            >
              {formatPeso(stats.profit)}
            </span>
          </Tile>
        </>
      )}
    </dl>
  );
}
