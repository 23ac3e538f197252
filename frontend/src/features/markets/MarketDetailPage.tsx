import { IonButton, IonIcon } from '@ionic/react';
import { eye, eyeOutline, shareSocialOutline } from 'ionicons/icons';
import { useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { ShareButtons } from '@/components/ShareButtons';
import { PageHeader } from '@/components/PageHeader';
import { outcomeColor, ProbabilityBar } from '@/components/ProbabilityBar';
import { QueryView } from '@/components/QueryView';
import { EmptyState, ListSkeleton, Skeleton } from '@/components/States';
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
import { byProbability, outcomePercents, percentLabel, percentsSummingTo100 } from '@/lib/percent';
import { useAfterFirstPaint } from '@/lib/use-after-paint';
import { useMarket } from './api/get-market';
import { useMarketForecasts } from './api/get-market-forecasts';
import { useRelatedMarkets } from './api/get-related';
import { HISTORY_RANGES, useMarketHistory, type HistoryRange } from './api/get-market-history';
import { useWatchMarket } from './api/watch-market';
import { CheckIcon, MarketCard } from './components/MarketCard';
import { ProbabilityChart } from './components/ProbabilityChart';
import { useMarketStream } from './hooks/use-market-stream';

interface Props {
  /** The forecast slip, supplied by the app shell (forecasting is a separate feature). */
  renderSlip?: (market: MarketDetail) => ReactNode;
  /** The market's comments, supplied by the app shell (comments is a separate feature). */
  renderComments?: (market: MarketDetail) => ReactNode;
}

export function MarketDetailPage({ renderSlip, renderComments }: Props) {
  const { slug } = useParams<{ slug: string }>();
  const { t } = useI18n();
  const [pollFallback, setPollFallback] = useState(false);
  const query = useMarket(slug, pollFallback);

  return (
    <>
      <PageHeader title={t('markets.title')} backHref="/markets" />
      <PageBody wide>
        <QueryView
          query={query}
          loading={
            <div className="space-y-3">
              <Skeleton className="h-8 w-3/4" />
              <ListSkeleton count={2} />
            </div>
          }
          renderError={(error) =>
            isApiError(error) && error.status === 404 ? (
              <EmptyState
                title={t('market.notFound')}
                action={<IonButton routerLink="/markets">{t('common.goHome')}</IonButton>}
              />
            ) : null
          }
        >
          {(market) => (
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
              comments={renderComments?.(market)}
            />
          )}
        </QueryView>
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
  comments,
}: {
  market: MarketDetail;
  liveStatus: ReactNode;
  slip: ReactNode;
  comments?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const settled = market.status === 'resolved' || market.status === 'cancelled';
  const colored = market.outcomes.map((o, i) => ({ ...o, color: outcomeColor(o.name, i) }));
  const when = market.status === 'open' ? closesIn(market.closes_at, new Date(), lang) : null;
  const below = useDeferredValue(true, false);

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

      {/* A settled market leads with how it ended; its odds are history, and there is no slip. */}
      {market.status === 'resolved' && <ResolvedSummary market={market} />}
      {market.status === 'cancelled' && <CancelledSummary market={market} />}

      {!settled && market.my_forecast && <OpenPosition market={market} />}

      {settled ? <FinalSplit market={market} /> : <LiveOutcomes market={market} />}

      {/* The slip and the sections below the outcomes come in a second, background render: the
          page's first render (inside Ionic's page mount, one task) is only the part read first. */}
      {below && (
        <>
          {!settled && (
            <aside className="mb-4 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-12 lg:row-start-1 lg:self-start">
              {slip}
            </aside>
          )}

          <HistorySection market={market} outcomes={colored} />

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

          <Section title={t('social.shareMarket')}>
            <ShareButtons
              url={`${window.location.origin}/markets/${market.slug}`}
              text={t('social.shareMarketText', { title: market.title })}
            />
          </Section>

          <RecentForecasts market={market} lang={lang} />

          <RelatedMarkets market={market} />

          {comments}
        </>
      )}
    </div>
  );
}

function outcomeName(market: MarketDetail, id: string | undefined): string {
  return market.outcomes.find((o) => o.id === id)?.name ?? '?';
}

/** The caller's position while the market is still open (or closed, awaiting its result). */
function OpenPosition({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const mine = market.my_forecast!;
  return (
    <Section title={t('market.yourPosition')}>
      <div className="flex items-center justify-between gap-2" data-testid="my-position">
        <span className="min-w-0 font-medium [overflow-wrap:anywhere]">
          {t('market.positionLine', {
            points: formatPeso(mine.points),
            outcome: outcomeName(market, mine.outcome_id),
          })}
        </span>
        <Tag tone={statusTone(mine.status)}>
          <span data-testid="my-position-status" data-status={mine.status}>
            {t(`market.positionStatus.${mine.status}`)}
          </span>
        </Tag>
      </div>
    </Section>
  );
}

/** What the caller's forecast came to in a settled market: won and paid, lost, or refunded. */
function MyResult({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const mine = market.my_forecast;
  if (!mine) return null;
  const vars = {
    stake: formatPeso(mine.points),
    outcome: outcomeName(market, mine.outcome_id),
    payout: formatPeso(mine.payout ?? 0),
  };
  const tone =
    mine.status === 'won'
      ? 'text-green-700 dark:text-green-400'
      : mine.status === 'lost'
        ? 'text-red-700 dark:text-red-400'
        : '';
  return (
    <div
      className="mt-3 flex items-center justify-between gap-2 rounded-xl bg-zinc-50 p-3 dark:bg-zinc-900"
      data-testid="my-position"
    >
      <p className={`m-0 font-semibold ${tone}`} data-testid="my-result">
        {t(`market.you.${mine.status}`, vars)}
      </p>
      <Tag tone={statusTone(mine.status)}>
        <span data-testid="my-position-status" data-status={mine.status}>
          {t(`market.positionStatus.${mine.status}`)}
        </span>
      </Tag>
      {mine.payout != null && mine.status !== 'pending' && (
        <span className="sr-only" data-testid="my-payout" data-payout={mine.payout}>
          {mine.status === 'refunded'
            ? t('market.refunded', { amount: formatPeso(mine.payout) })
            : t('market.payout', { amount: formatPeso(mine.payout) })}
        </span>
      )}
    </div>
  );
}

function ResolvedSummary({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const resolution = market.resolution;
  const winnerId = resolution?.outcome_id;
  return (
    <section
      className="card mb-4 border-2 border-green-600 p-4 dark:border-green-500"
      data-testid="resolved-summary"
      aria-labelledby="resolved-title"
    >
      <h2
        id="resolved-title"
        className="flex items-start gap-2 text-lg font-bold text-green-700 dark:text-green-400"
      >
        <CheckIcon />
        <span className="min-w-0 [overflow-wrap:anywhere]">
          {t('market.resolvedBanner', { outcome: outcomeName(market, winnerId) })}
        </span>
      </h2>
      {resolution && (
        <>
          <p className="mt-1 text-xs text-zinc-500">
            {t('market.resolvedOn', { date: formatDateTime(resolution.created_at) })}
          </p>
          {resolution.resolution_note && (
            <p className="mt-2 text-sm whitespace-pre-line">{resolution.resolution_note}</p>
          )}
          {resolution.evidence_urls.length > 0 && (
            <>
              <h3 className="mt-3 text-sm font-semibold">{t('market.evidence')}</h3>
              <ul className="mt-1 space-y-1">
                {resolution.evidence_urls.map((u) => (
                  <li key={u} className="text-sm [overflow-wrap:anywhere]">
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
        </>
      )}
      <MyResult market={market} />
    </section>
  );
}

function CancelledSummary({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  return (
    <section
      className="card mb-4 border-2 border-zinc-400 p-4 dark:border-zinc-600"
      data-testid="cancelled-summary"
      aria-labelledby="cancelled-title"
    >
      <h2 id="cancelled-title" className="text-lg font-bold">
        {t('market.cancelledTitle')}
      </h2>
      {market.cancel_reason && (
        <p className="mt-2 text-sm whitespace-pre-line" data-testid="cancel-reason">
          {t('market.cancelReason', { reason: market.cancel_reason })}
        </p>
      )}
      <MyResult market={market} />
    </section>
  );
}

/** Live odds: probability, stakes, pool share and payout per chip, most likely first (as on cards). */
function LiveOutcomes({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const percents = outcomePercents(market.outcomes);
  return (
    <Section title={t('market.outcomes')}>
      <ul className="space-y-4">
        {byProbability(market.outcomes).map((o) => (
          <li key={o.id} data-testid="outcome-row">
            <ProbabilityBar
              name={o.name}
              probability={o.probability}
              percent={percents.get(o.id)}
              color={outcomeColor(o.name, o.index)}
              detail={`${formatPeso(o.total_points)} · ${t('market.poolShare', {
                pct: formatPercent(o.pool_share),
              })} · ${t('market.payoutPerChip', { x: formatMultiplier(o.payout_per_chip) })}`}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** A settled market's final pool: how the chips were split over the outcomes, winner first. */
function FinalSplit({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const winnerId = market.resolution?.outcome_id;
  const shares = market.outcomes.map((o) =>
    market.total_points > 0 ? o.total_points / market.total_points : 0,
  );
  const pcts = percentsSummingTo100(shares);
  const rows = market.outcomes
    .map((o, index) => ({ ...o, index, share: shares[index], pct: pcts[index] }))
    .sort(
      (a, b) =>
        Number(b.id === winnerId) - Number(a.id === winnerId) ||
        b.total_points - a.total_points ||
        a.index - b.index,
    );
  return (
    <Section title={t('market.finalSplit')}>
      <p className="mb-3 text-sm text-zinc-500 dark:text-zinc-400">
        {t('market.finalPool', { amount: formatPeso(market.total_points) })}
      </p>
      <ul className="space-y-4" data-testid="final-split">
        {rows.map((o) => (
          <li key={o.id} data-testid="outcome-row" data-winner={o.id === winnerId}>
            <ProbabilityBar
              name={o.id === winnerId ? `${o.name} · ${t('market.winner')}` : o.name}
              probability={o.share}
              percent={percentLabel(o.pct, o.share)}
              color={o.id === winnerId || !winnerId ? outcomeColor(o.name, o.index) : '#a1a1aa'}
              highlight={o.id === winnerId}
              detail={formatPeso(o.total_points)}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}

function MarketActions({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const { isLoggedIn } = useSession();
  // The server's answer (market.watching), overridden only while a toggle is on its way.
  const [toggling, setToggling] = useState<boolean | null>(null);
  const watching = toggling ?? market.watching;
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
            setToggling(next);
            watch.mutate(next, { onSettled: () => setToggling(null) });
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

/** Open markets in the same category or sharing words with this one's title. */
function RelatedMarkets({ market }: { market: MarketDetail }) {
  const { t } = useI18n();
  const load = useAfterFirstPaint();
  const related = useRelatedMarkets(load ? market.id : undefined);
  if (!related.data || related.data.length === 0) return null;
  return (
    <section className="mb-4" aria-labelledby="related-title" data-testid="related-markets">
      <h2 id="related-title" className="mb-2 text-base font-semibold">
        {t('market.related')}
      </h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {related.data.map((m) => (
          <MarketCard key={m.id} market={m} />
        ))}
      </div>
    </section>
  );
}

function RecentForecasts({ market, lang }: { market: MarketDetail; lang: 'en' | 'fil' }) {
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
