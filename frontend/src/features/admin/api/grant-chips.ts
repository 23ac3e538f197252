import { api } from '@/lib/api-client';

/**
 * POST /admin/users/{id}/grant — positive or negative, always audited. The key makes a double
 * submit (or a retry after a lost answer) grant once.
 */
export const grantChips = (v: { id: string; chips: number; reason: string; key: string }) =>
  api.post(
    `/admin/users/${encodeURIComponent(v.id)}/grant`,
    { chips: v.chips, reason: v.reason },
    v.key,
  );
