import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { Pager } from '@/components/Pager';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton } from '@/components/States';
import { CATEGORIES, type Category } from '@/lib/api-types';
import { formatNumber, formatPercent, formatPeso } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import {
  METRICS,
  PERIODS,
  useLeaderboard,
  useMyRank,
  type LeaderboardEntry,
  type Metric,
  type Period,
} from './api/get-leaderboard';

const MEDALS = ['🥇', '🥈', '🥉'];

export function LeaderboardPage() {
  const t = useT();
  const { user } = useSession();
  const [period, setPeriod] = useState<Period>('weekly');
  const [metric, setMetric] = useState<Metric>('skill');
  const [category, setCategory] = useState<Category | ''>('');
  const [page, setPage] = useState(1);
  const query = useLeaderboard({ period, metric, category, page });
  const mine = useMyRank({ period, metric, category }, !!user);
  const score = (r: LeaderboardEntry) =>
    metric === 'profit' ? formatPeso(Math.round(r.score)) : formatNumber(Math.round(r.score));

  return (
    <>
      <PageHeader title={t('lb.title')} />
      <PageBody>
        <div
          className="mb-3 flex gap-2 overflow-x-auto pb-1"
          role="group"
          aria-label={t('lb.period')}
        >
          {PERIODS.map((p) => (
            <button
              key={p}
              type="button"
              className={`chip ${period === p ? 'chip-active' : ''}`}
              aria-pressed={period === p}
              onClick={() => {
                setPeriod(p);
                setPage(1);
              }}
            >
              {t(`lb.period.${p}`)}
            </button>
          ))}
        </div>
        <div className="mb-4 grid grid-cols-2 gap-2">
          <label className="text-sm">
            <span className="pm-label">{t('lb.metric')}</span>
            <select
              className="pm-input"
              value={metric}
              onChange={(e) => {
                setMetric(e.target.value as Metric);
                setPage(1);
              }}
            >
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`lb.metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="pm-label">{t('lb.category')}</span>
            <select
              className="pm-input"
              value={category}
              onChange={(e) => {
                setCategory(e.target.value as Category | '');
                setPage(1);
              }}
            >
              <option value="">{t('markets.category.all')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`markets.category.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>

        {user && mine.isSuccess && (
          <section
            className="card mb-3 flex items-center gap-3 px-4 py-3"
            data-testid="my-rank"
            aria-label={t('lb.yourRank')}
          >
            {mine.data ? (
              <>
                <span className="w-8 shrink-0 text-center text-lg font-bold tabular-nums">
                  #{mine.data.rank}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{t('lb.yourRank')}</p>
                  <p className="text-xs text-zinc-500">
                    {t('lb.forecasts', { count: mine.data.forecasts })}
                  </p>
                </div>
                <span className="shrink-0 font-semibold tabular-nums">{score(mine.data)}</span>
              </>
            ) : (
              <p className="text-sm text-zinc-500">
                <span className="font-medium text-inherit">{t('lb.yourRank')}: </span>
                {t('lb.notRanked')}
              </p>
            )}
          </section>
        )}
        <QueryView
          query={query}
          loading={<ListSkeleton count={3} />}
          empty={<EmptyState title={t('lb.empty')} />}
        >
          {({ data: rows }) => (
            <ol
              className="card m-0 list-none divide-y divide-zinc-200 p-0 dark:divide-zinc-800"
              aria-label={t('lb.title')}
            >
              {rows.map((r) => (
                <li
                  key={r.user.id}
                  className={`flex items-center gap-3 px-4 py-3 ${r.user.id === user?.id ? 'bg-blue-50 dark:bg-blue-950/40' : ''}`}
                >
                  <span
                    className="w-8 shrink-0 text-center font-bold tabular-nums"
                    aria-label={`${t('lb.rank')} ${r.rank}`}
                  >
                    {MEDALS[r.rank - 1] ?? r.rank}
                  </span>
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      <Link
                        className="text-inherit no-underline hover:underline"
                        to={`/u/${r.user.handle}`}
                      >
                        {r.user.display_name}
                      </Link>
                      {r.user.id === user?.id && (
                        <span className="ml-1 text-xs text-zinc-500">({t('lb.you')})</span>
                      )}
                    </p>
                    <p className="text-xs text-zinc-500">
                      {t('lb.forecasts', { count: r.forecasts })}
                      {r.accuracy != null && (
                        <> · {t('lb.accuracy', { pct: formatPercent(r.accuracy) })}</>
                      )}
                    </p>
                  </div>
                  <span
                    className={`shrink-0 font-semibold tabular-nums ${r.score >= 0 ? 'text-green-700 dark:text-green-400' : 'text-red-700 dark:text-red-400'}`}
                  >
                    {score(r)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </QueryView>
        <Pager pagination={query.data?.pagination} onPage={setPage} />
      </PageBody>
    </>
  );
}
