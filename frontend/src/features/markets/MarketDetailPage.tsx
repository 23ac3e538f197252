import { IonButton, IonIcon } from '@ionic/react';
import { eye, eyeOutline, shareSocialOutline } from 'ionicons/icons';
import { useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { outcomeColor, ProbabilityBar } from '@/components/ProbabilityBar';
import { EmptyState, ErrorState, ListSkeleton, Skeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import { isApiError } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import {
  closesIn,
  formatDateTime,
  formatMultiplier,
  formatPercent,
  formatPeso,
  formatRelative,
} from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';
import { useSession } from '@/lib/session';
import { useAfterFirstPaint } from '@/lib/use-after-paint';
import { useMarket } from './api/get-market';
import { useMarketForecasts } from './api/get-market-forecasts';
import { HISTORY_RANGES, useMarketHistory, type HistoryRange } from './api/get-market-history';
import { useWatchMarket } from './api/watch-market';
import { ProbabilityChart } from './components/ProbabilityChart';
import { useMarketStream } from './hooks/use-market-stream';

interface Props {
  /** The forecast slip, supplied by the app shell (forecasting is a separate feature). */
  renderSlip?: (market: MarketDetail) => ReactNode;
}

export function MarketDetailPage({ renderSlip }: Props) {
  const { slug } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const [pollFallback, setPollFallback] = useState(false);
  const query = useMarket(slug, pollFallback);
  const market = query.data;

  return (
    <>
      <PageHeader title={t('markets.title')} backHref="/markets" />
      <PageBody wide>
        {query.isPending ? (
          <div className="space-y-3">
            <Skeleton className="h-8 w-3/4" />
            <ListSkeleton count={2} />
          </div>
        ) : query.isError ? (
          isApiError(query.error) && query.error.status === 404 ? (
            <EmptyState
              title={t('market.notFound')}
              action={<IonButton routerLink="/markets">{t('common.goHome')}</IonButton>}
            />
          ) : (
            <ErrorState message={t('common.error')} onRetry={() => void query.refetch()} />
          )
        ) : market ? (
          <MarketView
            market={market}
            liveStatus={
              <LiveStatus
                market={market}
                queryKey={queryKeys.market(slug)}
                onFailed={setPollFallback}
              />
            }
            slip={renderSlip?.(market)}
          />
        ) : null}
      </PageBody>
    </>
  );
}

/**
 * Live updates of the market (SSE, started after the first paint) and the "Live" dot, shown while
 * they flow for an open market. Reports a failed stream so the page can poll instead. Its own
 * component, so the stream opening re-renders the dot, not the page.
 */
function LiveStatus({
  market,
  queryKey,
  onFailed,
}: {
  market: MarketDetail;
  queryKey: readonly unknown[];
  onFailed: (failed: boolean) => void;
}) {
  const { t } = useI18n();
  const painted = useAfterFirstPaint();
  const stream = useMarketStream(painted ? market.id : undefined, queryKey);
  useEffect(() => onFailed(stream.failed), [stream.failed, onFailed]);
  if (!stream.live || market.status !== 'open') return null;
  return (
    <span className="inline-flex items-center gap-1 text-xs text-green-700 dark:text-green-400">
      <span className="h-2 w-2 animate-pulse rounded-full bg-green-500" aria-hidden="true" />
      {t('market.live')}
    </span>
  );
}

function MarketView({
  market,
  liveStatus,
  slip,
}: {
  market: MarketDetail;
  liveStatus: ReactNode;
  slip: ReactNode;
}) {
  const { t, lang } = useI18n();
  const colored = market.outcomes.map((o, i) => ({ ...o, color: outcomeColor(o.name, i) }));
  const winnerId = market.resolution?.outcome_id;
  const when = market.status === 'open' ? closesIn(market.closes_at, new Date(), lang) : null;
  const below = useDeferredValue(true, false);
  const myOutcome = market.my_forecast
    ? market.outcomes.find((o) => o.id === market.my_forecast?.outcome_id)
    : undefined;

  return (
    // One grid: on phones the slip follows the outcomes; on desktop it sits in a sticky right column.
    <div className="grid gap-x-6 lg:grid-cols-[minmax(0,1fr)_340px] [&>*]:min-w-0 [&>*:not(aside)]:lg:col-start-1">
      <div className="mb-4 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <Tag tone="blue">{t(`markets.category.${market.category}`)}</Tag>
          <Tag tone={statusTone(market.status)}>{t(`markets.status.${market.status}`)}</Tag>
          {liveStatus}
        </div>
        <h1 className="text-xl leading-tight font-bold sm:text-2xl">{market.title}</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {t('markets.volume', { amount: formatPeso(market.total_points) })} ·{' '}
          {t('markets.forecasters', { count: market.forecaster_count })}
          {when && <> · {t('markets.closesIn', { when })}</>}
        </p>
        <MarketActions market={market} />
      </div>

      {market.my_forecast && (
        <Section title={t('market.yourPosition')}>
          <div className="flex items-center justify-between gap-2" data-testid="my-position">
            <span className="font-medium">
              {t('market.positionLine', {
                points: formatPeso(market.my_forecast.points),
                outcome: myOutcome?.name ?? '?',
              })}
            </span>
            <Tag tone={statusTone(market.my_forecast.status)}>
              <span data-testid="my-position-status" data-status={market.my_forecast.status}>
                {t(`market.positionStatus.${market.my_forecast.status}`)}
              </span>
            </Tag>
          </div>
          {market.my_forecast.payout != null && market.my_forecast.status !== 'pending' && (
            <p
              className="mt-2 text-lg font-semibold text-green-700 dark:text-green-400"
              data-testid="my-payout"
              data-payout={market.my_forecast.payout}
            >
              {t('market.payout', { amount: formatPeso(market.my_forecast.payout) })}
            </p>
          )}
        </Section>
      )}

      <Section title={t('market.outcomes')}>
        <ul className="space-y-4">
          {colored.map((o) => (
            <li key={o.id} data-testid="outcome-row">
              <ProbabilityBar
                name={o.id === winnerId ? `${o.name} ✓` : o.name}
                probability={o.probability}
                color={o.color}
                highlight={o.id === winnerId}
                detail={`${formatPeso(o.total_points)} · ${t('market.poolShare', {
                  pct: formatPercent(o.pool_share),
                })} · ${t('market.payoutPerChip', { x: formatMultiplier(o.payout_per_chip) })}`}
              />
            </li>
          ))}
        </ul>
      </Section>

      {/* The slip and the sections below the outcomes come in a second, background render: the
          page's first render (inside Ionic's page mount, one task) is only the part read first. */}
      {below && (
        <>
          <aside className="mb-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-12 lg:row-start-1 lg:self-start">
            {slip}
          </aside>

          <HistorySection market={market} outcomes={colored} />

          {market.resolution && (
            <Section title={t('market.resolution')}>
              <p className="font-semibold text-green-700 dark:text-green-400">
                {t('market.resolvedTo', {
                  outcome: market.outcomes.find((o) => o.id === winnerId)?.name ?? '?',
                })}
              </p>
              {market.resolution.resolution_note && (
                <p className="mt-2 text-sm whitespace-pre-line">
                  {market.resolution.resolution_note}
                </p>
              )}
              {market.resolution.evidence_urls.length > 0 && (
                <>
                  <h3 className="mt-3 text-sm font-semibold">{t('market.evidence')}</h3>
                  <ul className="mt-1 space-y-1">
                    {market.resolution.evidence_urls.map((u) => (
                      <li key={u} className="truncate text-sm">
                        <a
                          className="pm-link"
                          href={u}
                          target="_blank"
                          rel="noopener noreferrer nofollow"
                        >
                          {u}
                        </a>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <p className="mt-2 text-xs text-zinc-500">
                {formatDateTime(market.resolution.created_at)}
              </p>
            </Section>
          )}
          {market.status === 'cancelled' && (
            <Section>
              <p className="text-sm">{t('market.cancelledNote')}</p>
            </Section>
          )}

          <Section title={t('market.about')}>
            <p className="text-sm whitespace-pre-line">{market.description}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <dt className="text-zinc-500">{t('market.closesAt')}</dt>
              <dd className="m-0">{formatDateTime(market.closes_at)}</dd>
              {market.resolves_at && (
                <>
                  <dt className="text-zinc-500">{t('market.resolvesAt')}</dt>
                  <dd className="m-0">{formatDateTime(market.resolves_at)}</dd>
                </>
              )}
              <dt className="text-zinc-500">{t('market.createdAt')}</dt>
              <dd className="m-0">{formatDateTime(market.created_at)}</dd>
              {market.max_points_per_user != null && (
                <>
                  <dt className="text-zinc-500">{t('market.maxPerUser')}</dt>
                  <dd className="m-0">{formatPeso(market.max_points_per_user)}</dd>
                </>
              )}
            </dl>
          </Section>

          <RecentForecasts market={market} lang={lang} />
        </>
      )}
    </div>
  );
}

function MarketActions({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const { isLoggedIn } = useSession();
  const [watching, setWatchingState] = useState(!!market.watching);
  const [copied, setCopied] = useState(false);
  const watch = useWatchMarket(market.id);

  const share = async () => {
    const url = `${window.location.origin}/markets/${market.slug || market.id}`;
    try {
      if (navigator.share) {
        await navigator.share({ title: market.title, url });
        return;
      }
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // the user cancelled sharing
    }
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      {isLoggedIn ? (
        <IonButton
          size="small"
          fill={watching ? 'solid' : 'outline'}
          disabled={watch.isPending}
          aria-pressed={watching}
          onClick={() => {
            const next = !watching;
            setWatchingState(next);
            watch.mutate(next, { onError: () => setWatchingState(!next) });
          }}
        >
          <IonIcon slot="start" icon={watching ? eye : eyeOutline} aria-hidden="true" />
          {watching ? t('market.unwatch') : t('market.watch')}
        </IonButton>
      ) : (
        <IonButton
          size="small"
          fill="outline"
          routerLink="/login"
          aria-label={t('market.watchLogin')}
        >
          <IonIcon slot="start" icon={eyeOutline} aria-hidden="true" />
          {t('market.watch')}
        </IonButton>
      )}
      <IonButton size="small" fill="outline" onClick={() => void share()}>
        <IonIcon slot="start" icon={shareSocialOutline} aria-hidden="true" />
        {t('market.share')}
      </IonButton>
      {copied && (
        <span role="status" className="text-xs text-green-700 dark:text-green-400">
          {t('market.linkCopied')}
        </span>
      )}
    </div>
  );
}

function HistorySection({
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
      {history.isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : history.isError ? (
        <ErrorState message={t('common.error')} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('market.noHistory')}</p>
      ) : (
        <ProbabilityChart points={history.data} outcomes={outcomes} label={t('market.chart')} />
      )}
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

function RecentForecasts({ market, lang }: { market: MarketDetail; lang: 'en' | 'fil' }) {
  const { t } = useI18n();
  const load = useAfterFirstPaint(); // below the fold: not part of the first screen
  const q = useMarketForecasts(load ? market.id : undefined);
  const items = q.data?.data ?? [];
  return (
    <Section title={t('market.recentForecasts')}>
      {q.isPending ? (
        <Skeleton className="h-16 w-full" />
      ) : q.isError ? (
        <ErrorState message={t('common.error')} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <p className="text-sm text-zinc-500">{t('market.noForecasts')}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {items.map((f) => {
            const name = f.user?.display_name ?? f.display_name ?? t('activity.someone');
            return (
              <li key={f.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0 truncate">
                  {f.user?.id ? (
                    <Link className="font-medium text-inherit" to={`/users/${f.user.id}`}>
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
    </Section>
  );
}
