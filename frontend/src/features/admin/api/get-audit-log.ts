import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { Schemas } from '@/lib/api-types';

export type AuditEntry = Schemas['AuditEntry'];

/** GET /admin/audit-log */
export function useAuditLog(enabled: boolean, page: number) {
  return useQuery({
    queryKey: ['admin', 'audit', page],
    queryFn: () => apiRequest<AuditEntry[]>('/admin/audit-log', { query: { page } }),
    enabled,
    retry: false,
  });
}
