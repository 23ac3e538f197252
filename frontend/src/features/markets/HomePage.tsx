import { IonButton } from '@ionic/react';
import { Link } from 'react-router-dom';
import { PageBody } from '@/components/Page';
import { PageHeader } from '@/components/PageHeader';
import { QueryView } from '@/components/QueryView';
import { ListSkeleton } from '@/components/States';
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
        <QueryView query={feed} loading={<ListSkeleton count={6} />} errorText={t('markets.error')}>
          {(data) => (
            <>
              <FeedSection
                id="trending"
                title="home.trending"
                hint="home.trendingHint"
                markets={data.trending.map((item) => item.market)}
                noteOf={(m) => {
                  const item = data.trending.find((i) => i.market.id === m.id);
                  return item
                    ? t('home.recent', {
                        amount: formatPeso(item.recent_volume),
                        count: item.recent_forecasters,
                      })
                    : undefined;
                }}
              />
              <FeedSection id="closing_soon" title="home.closingSoon" markets={data.closing_soon} />
              <FeedSection
                id="for_you"
                title="home.forYou"
                hint="home.forYouHint"
                markets={data.for_you}
              />
              <FeedSection id="watchlist" title="home.watchlist" markets={data.watchlist} />
              <FeedSection id="new_markets" title="home.new" markets={data.new_markets} />
              <div className="mt-2 flex justify-center">
                <IonButton routerLink="/markets">{t('home.browseAll')}</IonButton>
              </div>
            </>
          )}
        </QueryView>
      </PageBody>
    </>
  );
}

/**
 * One section: on a phone a row of cards that scrolls sideways (the next card peeks in), so every
 * section's first card is on the first screens; from 768 px a grid.
 */
function FeedSection({
  id,
  title,
  hint,
  markets,
  noteOf,
}: {
  id: string;
  title: MessageKey;
  hint?: MessageKey;
  markets: MarketSummary[] | null;
  noteOf?: (market: MarketSummary) => string | undefined;
}) {
  const t = useT();
  if (!markets || markets.length === 0) return null;
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
      <div className="-mx-3 flex snap-x snap-mandatory gap-3 overflow-x-auto px-3 pb-2 md:mx-0 md:grid md:snap-none md:grid-cols-2 md:overflow-visible md:px-0 lg:grid-cols-3">
        {markets.map((m) => (
          <div key={m.id} className="flex w-[85%] shrink-0 snap-start flex-col md:w-auto">
            <MarketCard market={m} note={noteOf?.(m)} />
          </div>
        ))}
      </div>
    </section>
  );
}
