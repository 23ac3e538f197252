import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest, type ApiResult } from '@/lib/api-client';
import type { Category, MarketStatus, MarketSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type MarketSort = 'created_at' | 'volume' | 'closes_at' | 'forecasters';
export const MARKET_SORTS: MarketSort[] = ['created_at', 'volume', 'closes_at', 'forecasters'];

export interface MarketFilters {
  category?: Category | '';
  status?: MarketStatus | '';
  q?: string;
  sort?: MarketSort;
  order?: 'asc' | 'desc';
  limit?: number;
}

/** GET /markets — one page of market summaries. */
export function getMarkets(
  filters: MarketFilters,
  page: number,
  signal?: AbortSignal,
): Promise<ApiResult<MarketSummary[]>> {
  const order = filters.order ?? (filters.sort === 'closes_at' ? 'asc' : 'desc');
  return apiRequest<MarketSummary[]>('/markets', {
    query: {
      category: filters.category,
      status: filters.status,
      q: filters.q?.trim(),
      sort: filters.sort,
      order,
      page,
      limit: filters.limit ?? 20,
    },
    signal,
  });
}

export function useMarkets(filters: MarketFilters) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.markets, filters],
    queryFn: ({ pageParam, signal }) => getMarkets(filters, pageParam, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => {
      const p = last.pagination;
      return p && p.page < p.pages ? p.page + 1 : undefined;
    },
  });
}
