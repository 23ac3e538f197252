import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type ActivityItem = Schemas['ActivityView'];

/** GET /activity — the public feed, newest first; `following`: only the people the caller follows. */
export function getActivity(page: number, following = false) {
  return apiRequest<ActivityItem[]>('/activity', {
    query: following ? { page, limit: 30, following: true } : { page, limit: 30 },
  });
}

export function useActivity(page: number, following = false, enabled = true) {
  return useQuery({
    queryKey: ['activity', following ? 'following' : 'all', page],
    queryFn: () => getActivity(page, following),
    refetchInterval: 30_000,
    enabled,
  });
}
