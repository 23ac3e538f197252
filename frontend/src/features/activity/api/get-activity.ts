import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { PublicUser } from '@/lib/api-types';

export interface ActivityItem {
  id: string;
  activity_type: string;
  user: PublicUser | null;
  market: { id: string; slug?: string; title: string } | null;
  /** The outcome a forecast backed or a resolution chose. */
  outcome: { id: string; name: string } | null;
  metadata: Record<string, unknown> | null;
  created_at: string;
}

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
