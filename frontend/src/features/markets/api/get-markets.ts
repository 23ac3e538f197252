import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest, takePrimed, type ApiResult } from '@/lib/api-client';
import type { MarketSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';
import { marketsQuery, type MarketFilters } from './requests';

export {
  DEFAULT_MARKET_FILTERS,
  MARKET_SORTS,
  type MarketFilters,
  type MarketSort,
} from './requests';

/** GET /markets — one page of market summaries. */
export function getMarkets(
  filters: MarketFilters,
  page: number,
  signal?: AbortSignal,
): Promise<ApiResult<MarketSummary[]>> {
  return apiRequest<MarketSummary[]>('/markets', { query: marketsQuery(filters, page), signal });
}

export function useMarkets(filters: MarketFilters) {
  // The first page may already be here: the entry script asked for it before the app loaded.
  // Both callbacks run once, in this order, when the query is created.
  let primed: ReturnType<typeof takePrimed<MarketSummary[]>>;
  return useInfiniteQuery({
    queryKey: [...queryKeys.markets, filters],
    queryFn: ({ pageParam, signal }) => getMarkets(filters, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => {
      const p = last.pagination;
      return p && p.page < p.pages ? p.page + 1 : undefined;
    },
    initialData: () => {
      primed = takePrimed<MarketSummary[]>('/markets', marketsQuery(filters, 1));
      return primed
        ? { pages: [{ data: primed.data, pagination: primed.pagination }], pageParams: [1] }
        : undefined;
    },
    initialDataUpdatedAt: () => primed?.receivedAt,
  });
}
