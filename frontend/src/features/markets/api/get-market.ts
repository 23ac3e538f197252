import { useQuery } from '@tanstack/react-query';
import { api, takePrimed } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';
import { marketPath } from './requests';

/** GET /markets/{id-or-slug} */
export function getMarket(idOrSlug: string, signal?: AbortSignal): Promise<MarketDetail> {
  return api.get<MarketDetail>(marketPath(idOrSlug), undefined, signal);
}

/** The market detail; `poll` turns on 5 s polling (used when live updates are unavailable). */
export function useMarket(idOrSlug: string, poll: boolean) {
  // The entry script may have asked for this market already (a deep link); both callbacks run
  // once, in this order, when the query is created.
  let primed: ReturnType<typeof takePrimed<MarketDetail>>;
  return useQuery({
    queryKey: queryKeys.market(idOrSlug),
    queryFn: ({ signal }) => getMarket(idOrSlug, signal),
    refetchInterval: poll ? 5000 : false,
    initialData: () => (primed = takePrimed<MarketDetail>(marketPath(idOrSlug)))?.data,
    initialDataUpdatedAt: () => primed?.receivedAt,
  });
}
