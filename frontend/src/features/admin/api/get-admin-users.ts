import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type AdminUser = Schemas['AdminUserView'];

/** GET /admin/users?q= */
export function useAdminUsers(enabled: boolean, q: string) {
  return useQuery({
    queryKey: ['admin', 'users', q],
    queryFn: () => apiRequest<AdminUser[]>('/admin/users', { query: { q } }),
    enabled,
    retry: false,
  });
}
