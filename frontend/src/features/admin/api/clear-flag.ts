import { api } from '@/lib/api-client';

/** POST /admin/flags/{id}/clear */
export const clearFlag = ({ id, reason }: { id: string; reason: string }) =>
  api.post(`/admin/flags/${encodeURIComponent(id)}/clear`, { reason });
