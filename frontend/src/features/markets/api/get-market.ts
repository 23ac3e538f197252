import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** GET /markets/{id-or-slug} */
export function getMarket(idOrSlug: string, signal?: AbortSignal): Promise<MarketDetail> {
  return api.get<MarketDetail>(`/markets/${encodeURIComponent(idOrSlug)}`, undefined, signal);
}

/** The market detail; `poll` turns on 5 s polling (used when live updates are unavailable). */
export function useMarket(idOrSlug: string, poll: boolean) {
  return useQuery({
    queryKey: queryKeys.market(idOrSlug),
    queryFn: ({ signal }) => getMarket(idOrSlug, signal),
    refetchInterval: poll ? 5000 : false,
  });
}
