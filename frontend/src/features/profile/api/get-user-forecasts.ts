import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { MyForecast } from './get-my-forecasts';

/** GET /users/{id}/forecasts — a forecaster's public forecasts, paged (not every server has it). */
export function getUserForecasts(id: string, page: number) {
  return apiRequest<MyForecast[]>(`/users/${encodeURIComponent(id)}/forecasts`, {
    query: { page },
  });
}

export function useUserForecasts(id: string, page: number) {
  return useQuery({
    queryKey: ['user', id, 'forecasts', page],
    queryFn: () => getUserForecasts(id, page),
    retry: false,
  });
}
