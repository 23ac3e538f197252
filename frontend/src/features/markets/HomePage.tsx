import { IonButton } from '@ionic/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { ErrorState, ListSkeleton } from '@/components/States';
import type { MarketSummary } from '@/lib/api-types';
import { formatPeso } from '@/lib/format';
import { useT, type MessageKey } from '@/lib/i18n';
import { useHomeFeed } from './api/get-feed';
import { MarketCard } from './components/MarketCard';

/**
 * The first screen: the feed's sections (trending, closing soon, for you, watchlist, new), each a
 * row of cards; an empty section is left out. The full list with its filters is one tap away.
 */
export function HomePage() {
  const t = useT();
  const feed = useHomeFeed();
  return (
    <>
      <PageHeader title={t('home.title')} langToggle />
      <PageBody wide>
        <div className="mb-4 flex items-center justify-between gap-2">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('home.intro')}</p>
          <IonButton fill="outline" size="small" routerLink="/markets" data-testid="all-markets">
            {t('home.allMarkets')}
          </IonButton>
        </div>
        {feed.isPending ? (
          <ListSkeleton count={6} />
        ) : feed.isError ? (
          <ErrorState message={t('markets.error')} onRetry={() => void feed.refetch()} />
        ) : (
          <>
            <FeedSection id="trending" title="home.trending" hint="home.trendingHint">
              {feed.data.trending.map((item) => (
                <MarketCard
                  key={item.market.id}
                  market={item.market}
                  note={t('home.recent', {
                    amount: formatPeso(item.recent_volume),
                    count: item.recent_forecasters,
                  })}
                />
              ))}
            </FeedSection>
            <FeedSection
              id="closing_soon"
              title="home.closingSoon"
              markets={feed.data.closing_soon}
            />
            <FeedSection
              id="for_you"
              title="home.forYou"
              hint="home.forYouHint"
              markets={feed.data.for_you}
            />
            <FeedSection id="watchlist" title="home.watchlist" markets={feed.data.watchlist} />
            <FeedSection id="new_markets" title="home.new" markets={feed.data.new_markets} />
            <div className="mt-2 flex justify-center">
              <IonButton routerLink="/markets">{t('home.browseAll')}</IonButton>
            </div>
          </>
        )}
      </PageBody>
    </>
  );
}

function FeedSection({
  id,
  title,
  hint,
  markets,
  children,
}: {
  id: string;
  title: MessageKey;
  hint?: MessageKey;
  markets?: MarketSummary[] | null;
  children?: ReactNode[];
}) {
  const t = useT();
  const cards = children ?? (markets ?? []).map((m) => <MarketCard key={m.id} market={m} />);
  if (cards.length === 0) return null;
  return (
    <section className="mb-6" aria-labelledby={`feed-${id}`} data-testid={`feed-${id}`}>
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id={`feed-${id}`} className="text-lg font-bold">
          {t(title)}
        </h2>
        {id === 'watchlist' ? (
          <Link to="/watchlist" className="text-sm">
            {t('home.seeAll')}
          </Link>
        ) : (
          <Link to="/markets" className="text-sm">
            {t('home.seeAll')}
          </Link>
        )}
      </div>
      {hint && <p className="mb-2 text-xs text-zinc-500 dark:text-zinc-400">{t(hint)}</p>}
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3">{cards}</div>
    </section>
  );
}
