import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type CalibrationBucket = Schemas['CalibrationBucket'];

export type UserStats = Schemas['UserStats'];

/** GET /users/{id}/stats */
export function getUserStats(id: string): Promise<UserStats> {
  return api.get<UserStats>(`/users/${encodeURIComponent(id)}/stats`);
}

export function useUserStats(id: string | undefined) {
  return useQuery({
    queryKey: ['user', id, 'stats'],
    queryFn: () => getUserStats(id!),
    enabled: !!id,
    retry: false,
  });
}
