import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest, type ApiResult } from '@/lib/api-client';
import type { MarketSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** GET /users/me/watchlist — the markets the caller watches, most recently watched first. */
export function getWatchlist(page: number): Promise<ApiResult<MarketSummary[]>> {
  return apiRequest<MarketSummary[]>('/users/me/watchlist', { query: { page, limit: 20 } });
}

export function useWatchlist(enabled: boolean, page: number) {
  return useQuery({
    queryKey: [...queryKeys.watchlist, page],
    queryFn: () => getWatchlist(page),
    enabled,
    placeholderData: keepPreviousData,
  });
}
