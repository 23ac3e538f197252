import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ForecastStatus, Schemas } from '@/lib/api-types';

export type MyForecast = Schemas['UserForecast'];

/** GET /users/me/forecasts?status= */
export function getMyForecasts(status: ForecastStatus | '', page: number) {
  return apiRequest<MyForecast[]>('/users/me/forecasts', { query: { status, page } });
}

export function useMyForecasts(status: ForecastStatus | '', page: number, enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'forecasts', status, page],
    queryFn: () => getMyForecasts(status, page),
    enabled,
    retry: false,
  });
}
