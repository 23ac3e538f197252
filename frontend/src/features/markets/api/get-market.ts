import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, takePrimed } from '@/lib/api-client';
import type { MarketDetail } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { queryKeys } from '@/lib/query-keys';
import { localizeMarket } from './localize';
import { marketPath } from './requests';

/** GET /markets/{id-or-slug} */
export function getMarket(idOrSlug: string, signal?: AbortSignal): Promise<MarketDetail> {
  return api.get<MarketDetail>(marketPath(idOrSlug), undefined, signal);
}

/**
 * The market detail in the reader's language (Filipino text where the market has it); `poll` turns
 * on 5 s polling (used when live updates are unavailable).
 */
export function useMarket(idOrSlug: string, poll: boolean) {
  const { lang } = useI18n();
  const select = useCallback((market: MarketDetail) => localizeMarket(market, lang), [lang]);
  // The entry script may have asked for this market already (a deep link); both callbacks run
  // once, in this order, when the query is created.
  let primed: ReturnType<typeof takePrimed<MarketDetail>>;
  return useQuery({
    queryKey: queryKeys.market(idOrSlug),
    queryFn: ({ signal }) => getMarket(idOrSlug, signal),
    refetchInterval: poll ? 5000 : false,
    select,
    initialData: () => (primed = takePrimed<MarketDetail>(marketPath(idOrSlug)))?.data,
    initialDataUpdatedAt: () => primed?.receivedAt,
  });
}
