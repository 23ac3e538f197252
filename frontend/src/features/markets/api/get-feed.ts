import { useQuery } from '@tanstack/react-query';
import { apiRequest, takePrimed } from '@/lib/api-client';
import type { MarketSummary, Schemas } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';
import { useSession } from '@/lib/session';
import { localizeMarket } from './localize';
import { FEED_PATH } from './requests';

export type HomeFeed = Schemas['HomeFeed'];
export type TrendingMarket = Schemas['TrendingMarket'];

/** GET /markets/feed — the home feed's sections. */
export function getFeed() {
  return apiRequest<HomeFeed>(FEED_PATH);
}

/** The feed in the reader's language; refetched when the caller signs in or out. */
export function useHomeFeed() {
  const { lang } = useI18n();
  const { user, isLoading } = useSession();
  let primed: ReturnType<typeof takePrimed<HomeFeed>>;
  return useQuery({
    queryKey: [...queryKeys.markets, 'feed', user?.id ?? null],
    queryFn: getFeed,
    enabled: !isLoading,
    select: (r) => {
      const local = (list: MarketSummary[]) => list.map((m) => localizeMarket(m, lang));
      const feed = r.data;
      return {
        trending: feed.trending.map((t) => ({ ...t, market: localizeMarket(t.market, lang) })),
        closing_soon: local(feed.closing_soon),
        new_markets: local(feed.new_markets),
        watchlist: feed.watchlist ? local(feed.watchlist) : null,
        for_you: feed.for_you ? local(feed.for_you) : null,
      } satisfies HomeFeed;
    },
    // The entry script may have asked already (app/early-requests.ts).
    initialData: () => {
      primed = takePrimed<HomeFeed>(FEED_PATH);
      return primed ? { data: primed.data } : undefined;
    },
    initialDataUpdatedAt: () => primed?.receivedAt,
  });
}
