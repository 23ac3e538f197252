import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type AdminStats = Schemas['Stats'];

/** GET /admin/stats */
export const getStats = () => api.get<AdminStats>('/admin/stats');
export function useAdminStats(enabled: boolean) {
  return useQuery({ queryKey: ['admin', 'stats'], queryFn: getStats, enabled, retry: false });
}
