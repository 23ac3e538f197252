import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { MarketSummary } from '@/lib/api-types';

/** All markets, any status (GET /markets), for the console's market actions. */
export function useAdminMarkets(enabled: boolean, q: string) {
  return useQuery({
    queryKey: ['admin', 'markets', q],
    queryFn: () =>
      apiRequest<MarketSummary[]>('/markets', {
        query: { q, sort: 'created_at', order: 'desc', limit: 50 },
      }),
    enabled,
    // While a search is typed the rows stay (and keep their open panels) instead of a skeleton.
    placeholderData: keepPreviousData,
  });
}
