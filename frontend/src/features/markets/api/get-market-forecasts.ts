import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export type PublicForecast = Schemas['MarketForecast'];

/** GET /markets/{id}/forecasts — recent forecasts, newest first. */
export function getMarketForecasts(id: string) {
  return apiRequest<PublicForecast[]>(`/markets/${encodeURIComponent(id)}/forecasts`, {
    query: { limit: 10 },
  });
}

export function useMarketForecasts(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.marketForecasts(id ?? ''),
    queryFn: () => getMarketForecasts(id!),
    enabled: !!id,
  });
}
