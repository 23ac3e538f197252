import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type Flag = Schemas['FlagView'];

/** GET /admin/flags */
export function useFlags(enabled: boolean) {
  return useQuery({
    queryKey: ['admin', 'flags'],
    queryFn: () => apiRequest<Flag[]>('/admin/flags'),
    enabled,
    retry: false,
  });
}
