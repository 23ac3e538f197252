import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface CalibrationBucket {
  bucket: string;
  forecasts: number;
  won: number;
}

export interface UserStats {
  forecasts: number;
  settled: number;
  won: number;
  accuracy: number | null;
  reputation: number;
  profit: number;
  total_staked?: number;
  /** By crowd probability when placed, over settled forecasts: buckets "0-10%" … "90-100%". */
  calibration?: CalibrationBucket[];
}

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
