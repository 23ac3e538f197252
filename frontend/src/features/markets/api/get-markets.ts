import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useCallback } from 'react';
import { apiRequest, takePrimed, type ApiResult } from '@/lib/api-client';
import type { MarketSummary } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';
import { localizeMarket } from './localize';
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

/** Pages of market summaries in the reader's language (Filipino text where a market has it). */
export function useMarkets(filters: MarketFilters) {
  const { lang } = useI18n();
  const select = useCallback(
    (data: InfiniteData<ApiResult<MarketSummary[]>, number>) =>
      lang === 'fil'
        ? {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              data: page.data.map((m) => localizeMarket(m, lang)),
            })),
          }
        : data,
    [lang],
  );
  // The first page may already be here: the entry script asked for it before the app loaded.
  // Both callbacks run once, in this order, when the query is created.
  let primed: ReturnType<typeof takePrimed<MarketSummary[]>>;
  return useInfiniteQuery({
    queryKey: [...queryKeys.markets, filters],
    queryFn: ({ pageParam, signal }) => getMarkets(filters, pageParam, signal),
    initialPageParam: 1,
    select,
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
