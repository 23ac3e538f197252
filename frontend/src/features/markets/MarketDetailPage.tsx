import { IonButton } from '@ionic/react';
import { useDeferredValue, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { PageBody, Section } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { outcomeColor } from '@/components/ProbabilityBar';
import { QueryView } from '@/components/QueryView';
import { ShareButtons } from '@/components/ShareButtons';
import { EmptyState, ListSkeleton, Skeleton } from '@/components/States';
import { statusTone, Tag } from '@/components/Tag';
import { isApiError } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import { closesIn, formatDateTime, formatPeso } from '@/lib/format';
import { useI18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';
import { useMarket } from './api/get-market';
import { HistorySection } from './components/HistorySection';
import { LiveStatus } from './components/LiveStatus';
import { MarketActions } from './components/MarketActions';
import { FinalSplit, LiveOutcomes } from './components/Outcomes';
import { OpenPosition } from './components/Position';
import { RecentForecasts } from './components/RecentForecasts';
import { RelatedMarkets } from './components/RelatedMarkets';
import { CancelledSummary, ResolvedSummary } from './components/SettledSummary';

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
