import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { MarketSummary } from '@/lib/api-types';
import { useI18n } from '@/lib/i18n';
import { localizeMarket } from './localize';

/** GET /markets/{id}/related — open markets in the same category or sharing title words. */
export function getRelatedMarkets(id: string) {
  return apiRequest<MarketSummary[]>(`/markets/${encodeURIComponent(id)}/related`, {
    query: { limit: 4 },
  });
}

export function useRelatedMarkets(id: string | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: ['market', id, 'related'],
    queryFn: () => getRelatedMarkets(id!),
    enabled: !!id,
    select: (r) => r.data.map((m) => localizeMarket(m, lang)),
  });
}
