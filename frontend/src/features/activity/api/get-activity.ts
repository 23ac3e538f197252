import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type ActivityItem = Schemas['ActivityView'];

/** GET /activity — the public feed, newest first. */
export function getActivity(page: number) {
  return apiRequest<ActivityItem[]>('/activity', { query: { page, limit: 30 } });
}

export function useActivity(page: number) {
  return useQuery({
    queryKey: ['activity', page],
    queryFn: () => getActivity(page),
    refetchInterval: 30_000,
  });
}
